package io.jenkins.plugins.appstoreconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jenkins.plugins.appstoreconnect.TestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile sub-commands and cloudkit-sign as a user runs them; output checked with nimbus and the JDK. */
class AppleJwtProfilesTest {

    private static final String TEAM = "DEF123GHIJ";

    @TempDir
    Path dir;

    private KeyPair pair;
    private String pem;
    private Path keyFile;
    private final Map<String, String> env = new HashMap<>();
    private String out;
    private String err;

    @BeforeEach
    void key() throws Exception {
        pair = TestKeys.p256();
        pem = TestKeys.pkcs8Pem(pair);
        keyFile = dir.resolve("AuthKey_ABC123DEFG.p8");
        Files.writeString(keyFile, pem);
    }

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = new AppleJwt(new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), env::get, Clock.systemUTC()).run(Arrays.asList(args));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private JWTClaimsSet token() throws Exception {
        assertEquals("", err);
        assertEquals(1, out.lines().count(), "stdout is the token alone");
        SignedJWT jwt = SignedJWT.parse(out.trim());
        assertTrue(jwt.verify(new ECDSAVerifier((ECPublicKey) pair.getPublic())));
        assertEquals("ABC123DEFG", jwt.getHeader().getKeyID(), "key ID from the file name");
        return jwt.getJWTClaimsSet();
    }

    @Test
    void everyProfileCommandPrintsAVerifiableToken() throws Exception {
        assertEquals(0, run("maps", "--key-file", keyFile.toString(), "--team-id", TEAM, "--origin", "https://example.com",
                "--lifetime", "86400"));
        JWTClaimsSet maps = token();
        assertEquals(TEAM, maps.getIssuer());
        assertEquals("https://example.com", maps.getStringClaim("origin"));
        assertEquals(86400, (maps.getExpirationTime().getTime() - maps.getIssueTime().getTime()) / 1000);

        assertEquals(0, run("weatherkit", "--key-file", keyFile.toString(), "--team-id", TEAM, "--service-id", "com.example.wx"));
        assertEquals("com.example.wx", token().getSubject());
        assertEquals(TEAM + ".com.example.wx", SignedJWT.parse(out.trim()).getHeader().getCustomParam("id"));

        assertEquals(0, run("musickit", "--key-file", keyFile.toString(), "--team-id", TEAM, "--origin", "https://a.example",
                "--origin", "https://b.example"));
        assertEquals(List.of("https://a.example", "https://b.example"), token().getStringListClaim("origin"));

        env.put("APNS_KEY", pem.replace("\n", "\\n"));
        assertEquals(0, run("apns", "--key-env", "APNS_KEY", "--key-id", "ABC123DEFG", "--team-id", TEAM));
        assertEquals(java.util.Set.of("iss", "iat"), token().getClaims().keySet());

        assertEquals(0, run("sign-in-with-apple", "--key-file", keyFile.toString(), "--team-id", TEAM, "--client-id", "com.example.web"));
        JWTClaimsSet siwa = token();
        assertEquals(List.of("https://appleid.apple.com"), siwa.getAudience());
        assertEquals("com.example.web", siwa.getSubject());

        assertEquals(0, run("iap", "--key-file", keyFile.toString(), "--issuer-id", "57246542-96fe-1a63-e053-0824d011072a",
                "--bundle-id", "com.example.MyApp"));
        JWTClaimsSet iap = token();
        assertEquals("com.example.MyApp", iap.getStringClaim("bid"));
        assertEquals(List.of("appstoreconnect-v1"), iap.getAudience());
    }

    @Test
    void badInputIsOneErrorLineAndExitTwo() {
        assertError("service ID is missing", "weatherkit", "--key-file", keyFile.toString(), "--team-id", TEAM);
        assertError("unknown option --service-id", "maps", "--key-file", keyFile.toString(), "--team-id", TEAM, "--service-id", "a.b");
        assertError("15777000", "siwa", "--key-file", keyFile.toString(), "--team-id", TEAM, "--client-id", "a.b",
                "--lifetime", "15777001");
        assertError("60 minutes", "iap", "--key-file", keyFile.toString(), "--issuer-id", "57246542-96fe-1a63-e053-0824d011072a",
                "--bundle-id", "a.b", "--lifetime", "3601");
        assertError("Team ID has 5 characters", "apns", "--key-file", keyFile.toString(), "--team-id", "ABCDE");
        assertError("whole seconds", "maps", "--key-file", keyFile.toString(), "--team-id", TEAM, "--lifetime", "1d");
        assertError("unknown command 'mapkit'", "mapkit");
        assertError("--subpath", "cloudkit-sign", "--key-file", keyFile.toString(), "--key-id", "a5cf1b2c3d4e5f60");
        assertError("full URL", "cloudkit-sign", "--key-file", keyFile.toString(), "--key-id", "a5cf1b2c3d4e5f60",
                "--subpath", "https://api.apple-cloudkit.com/database/1/iCloud.a.b/development/public/zones/list");
        Path other = dir.resolve("key.pem");
        try {
            Files.writeString(other, pem);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertError("--key-id is needed", "apns", "--key-file", other.toString(), "--team-id", TEAM);
        assertEquals(0, run("--help"));
        assertTrue(out.contains("weatherkit") && out.contains("cloudkit-sign"), out);
    }

    private void assertError(String expected, String... args) {
        assertEquals(2, run(args), String.join(" ", args));
        assertTrue(err.startsWith("error: ") && err.lines().count() == 1 && err.contains(expected), err);
        assertEquals("", out);
        String body = pem.split("\n")[1];
        assertFalse(err.contains(body.substring(0, 16)));
    }

    @Test
    void cloudKitSignPrintsHeadersTheJdkVerifies() throws Exception {
        String subpath = "/database/1/iCloud.com.example.MyApp/development/public/records/query";
        Path bodyFile = dir.resolve("query.json");
        byte[] body = "{\"query\":{\"recordType\":\"Articles\"}}".getBytes(StandardCharsets.UTF_8);
        Files.write(bodyFile, body);
        assertEquals(0, run("cloudkit-sign", "--key-file", keyFile.toString(), "--key-id", "a5cf1b2c3d4e5f60",
                "--subpath", subpath, "--body-file", bodyFile.toString()));
        assertEquals("", err);
        Map<String, String> headers = new HashMap<>();
        for (String line : out.lines().toList()) {
            int colon = line.indexOf(": ");
            headers.put(line.substring(0, colon), line.substring(colon + 2));
        }
        assertEquals("a5cf1b2c3d4e5f60", headers.get("X-Apple-CloudKit-Request-KeyID"));
        String date = headers.get("X-Apple-CloudKit-Request-ISO8601Date");
        assertTrue(date.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), date);
        String message = date + ":" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body)) + ":" + subpath;
        Signature v = Signature.getInstance("SHA256withECDSA");
        v.initVerify(pair.getPublic());
        v.update(message.getBytes(StandardCharsets.UTF_8));
        assertTrue(v.verify(Base64.getDecoder().decode(headers.get("X-Apple-CloudKit-Request-SignatureV1"))));

        assertEquals(0, run("cloudkit-sign", "--key-file", keyFile.toString(), "--key-id", "a5cf1b2c3d4e5f60",
                "--subpath", subpath, "--curl"));
        assertEquals(1, out.lines().count());
        assertTrue(out.startsWith("-H 'X-Apple-CloudKit-Request-KeyID: a5cf1b2c3d4e5f60' -H 'X-Apple-CloudKit-Request-ISO8601Date: "), out);
    }
}
