package io.jenkins.plugins.appstoreconnect.core.environment;

import io.jenkins.plugins.appstoreconnect.core.json.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FastlaneApiKeyJsonTest {

    private static final String KID = "ABCDE12345";
    private static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair KEY = generate();

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String pem(String newline) {
        String body = Base64.getMimeEncoder(64, newline.getBytes(StandardCharsets.US_ASCII)).encodeToString(KEY.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----" + newline + body + newline + "-----END PRIVATE KEY-----" + newline;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void teamKey() throws Exception {
        String pem = pem("\n");
        String json = FastlaneApiKeyJson.toJson(KID, ISSUER.toUpperCase(), pem, 1200, false);
        JsonNode n = JSON.readTree(json);
        assertEquals(List.of("key_id", "issuer_id", "key", "duration", "in_house"), names(n));
        assertEquals(KID, n.get("key_id").textValue());
        assertEquals(ISSUER, n.get("issuer_id").textValue(), "issuer ID normalised to lower case");
        assertEquals(pem, n.get("key").textValue(), "the PEM round-trips exactly");
        assertTrue(n.get("duration").isInt());
        assertEquals(1200, n.get("duration").intValue());
        assertTrue(n.get("in_house").isBoolean());
        assertFalse(n.get("in_house").booleanValue());
        assertTrue(json.endsWith("}\n"));
        assertFalse(json.contains("is_key_content_base64"));
        // the key in the file is the key: it signs, and the public half verifies
        String body = n.get("key").textValue().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey back = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(back);
        s.update(new byte[] {1, 2, 3});
        byte[] sig = s.sign();
        s.initVerify(KEY.getPublic());
        s.update(new byte[] {1, 2, 3});
        assertTrue(s.verify(sig));
    }

    @Test
    void individualKeyInHouseCrlfPem() throws Exception {
        String pem = pem("\r\n");
        JsonNode n = JSON.readTree(FastlaneApiKeyJson.toJson(KID, null, pem, 600, true));
        assertEquals(List.of("key_id", "issuer_id", "key", "duration", "in_house"), names(n));
        assertTrue(n.has("issuer_id") && n.get("issuer_id").isNull(), "issuer_id present and null: fastlane requires the member");
        assertEquals(pem, n.get("key").textValue());
        assertEquals(600, n.get("duration").intValue());
        assertTrue(n.get("in_house").booleanValue());
    }

    @Test
    void layout() {
        String json = FastlaneApiKeyJson.toJson(KID, ISSUER, "-----BEGIN PRIVATE KEY-----\nAB\"\\\tC\n-----END PRIVATE KEY-----", 1200, false);
        assertEquals("{\n"
                + "  \"key_id\": \"ABCDE12345\",\n"
                + "  \"issuer_id\": \"57246542-96fe-1a63-e053-0824d011072a\",\n"
                + "  \"key\": \"-----BEGIN PRIVATE KEY-----\\nAB\\\"\\\\\\tC\\n-----END PRIVATE KEY-----\",\n"
                + "  \"duration\": 1200,\n"
                + "  \"in_house\": false\n"
                + "}\n", json);
    }

    @Test
    void anyStringRoundTripsThroughTheEscaper() throws Exception {
        Random rnd = new Random(42);
        for (int i = 0; i < 2000; i++) {
            StringBuilder s = new StringBuilder();
            int len = rnd.nextInt(30);
            for (int j = 0; j < len; j++) {
                int kind = rnd.nextInt(4);
                if (kind == 0) {
                    s.append((char) rnd.nextInt(0x20));
                } else if (kind == 1) {
                    s.append("\"\\/\u2028\u2029\u007f".charAt(rnd.nextInt(6)));
                } else if (kind == 2) {
                    int c = 0x20 + rnd.nextInt(0x10000 - 0x20 - 0x800);
                    s.appendCodePoint(c >= 0xd800 ? c + 0x800 : c); // a BMP character, not a surrogate
                } else {
                    s.appendCodePoint(0x10000 + rnd.nextInt(0x10000)); // a valid surrogate pair
                }
            }
            StringBuilder out = new StringBuilder();
            out.append(Json.write(s.toString()));
            for (int k = 0; k < out.length(); k++) {
                assertTrue(out.charAt(k) >= 0x20, "no raw control characters in the output");
            }
            assertEquals(s.toString(), JSON.readTree(out.toString()).textValue());
        }
    }

    @Test
    void badInputIsRejectedWithoutEchoingTheKey() {
        String pem = pem("\n");
        assertTrue(reject(() -> FastlaneApiKeyJson.toJson("abc", ISSUER, pem, 1200, false)).startsWith("The key ID has 3 characters"));
        assertTrue(reject(() -> FastlaneApiKeyJson.toJson(KID, "team", pem, 1200, false)).startsWith("The issuer ID is not a UUID"));
        assertTrue(reject(() -> FastlaneApiKeyJson.toJson(KID, "", pem, 1200, false)).startsWith("The issuer ID is empty"));
        assertEquals("the private key PEM is missing", reject(() -> FastlaneApiKeyJson.toJson(KID, ISSUER, null, 1200, false)));
        assertEquals("the private key PEM is missing", reject(() -> FastlaneApiKeyJson.toJson(KID, ISSUER, " \n", 1200, false)));
        String body = pem.split("\n")[1];
        String m = reject(() -> FastlaneApiKeyJson.toJson(KID, ISSUER, body, 1200, false));
        assertEquals("the private key is not PEM text (no -----BEGIN/-----END lines)", m);
        assertEquals("fastlane token duration must be 1 to 1200 seconds (Apple's 20-minute limit); got 1201",
                reject(() -> FastlaneApiKeyJson.toJson(KID, ISSUER, pem, 1201, false)));
        assertTrue(reject(() -> FastlaneApiKeyJson.toJson(KID, ISSUER, pem, 0, false)).endsWith("got 0"));
        assertTrue(FastlaneApiKeyJson.toJson(KID, ISSUER, pem, 1, false).contains("\"duration\": 1,"));
    }

    private static String reject(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(InvalidInputException.class, e).getMessage();
    }
}
