package io.jenkins.plugins.appstoreconnect.core.token;

import static io.jenkins.plugins.appstoreconnect.core.token.TestKeys.ISSUER;
import static io.jenkins.plugins.appstoreconnect.core.token.TestKeys.KID;
import static io.jenkins.plugins.appstoreconnect.core.token.TestKeys.b64url;
import static io.jenkins.plugins.appstoreconnect.core.token.TestKeys.craft;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TokenLinterTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final long T = NOW.getEpochSecond();
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String HEADER = "{\"alg\":\"ES256\",\"kid\":\"" + KID + "\",\"typ\":\"JWT\"}";
    private static final String TEAM = "\"iss\":\"" + ISSUER + "\"";
    private static final String WINDOW = "\"iat\":" + (T - 60) + ",\"exp\":" + (T + 1140);
    private static final String AUD = "\"aud\":\"appstoreconnect-v1\"";

    private static String payload(String... members) {
        return "{" + String.join(",", members) + "}";
    }

    private static List<String> lint(String token) {
        return TokenLinter.violations(TokenLinter.decode(token), CLOCK);
    }

    private static List<String> lint(String header, String payload) {
        return lint(craft(header, payload, TestKeys.privateKey()));
    }

    // ---- good tokens ----

    @Test
    void mintedProfilesLintClean() {
        List<TokenRequest> profiles = List.of(
                TokenRequest.team(KID, ISSUER),
                TokenRequest.individual(KID),
                TokenRequest.builder().keyId(KID).issuerId(ISSUER).scope("GET /v1/apps").build(),
                TokenRequest.builder().keyId(KID).audience(Audience.ENTERPRISE).build(),
                TokenRequest.builder().keyId(KID).lifetime(Duration.ofSeconds(90)).backdate(Duration.ZERO).build());
        for (TokenRequest r : profiles) {
            MintedToken t = Tokens.mint(TestKeys.privateKey(), r, CLOCK);
            DecodedToken d = TokenLinter.decode(t.token());
            assertEquals(List.of(), TokenLinter.violations(d, CLOCK), r.toString());
            assertTrue(TokenLinter.verifySignature(d, TestKeys.publicKey()), r.toString());
            assertEquals(KID, d.keyId());
        }
    }

    @Test
    void nimbusMadeTokenLintsClean() throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KID).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().issuer(ISSUER).issueTime(new Date((T - 60) * 1000)).expirationTime(new Date((T + 1140) * 1000))
                        .audience("appstoreconnect-v1").build());
        jwt.sign(new ECDSASigner(TestKeys.privateKey()));
        DecodedToken d = TokenLinter.decode(jwt.serialize());
        assertEquals(List.of(), TokenLinter.violations(d, CLOCK));
        assertTrue(TokenLinter.verifySignature(d, TestKeys.publicKey()));
    }

    @Test
    void individualAndEnterpriseShapesAreAccepted() {
        assertEquals(List.of(), lint(HEADER, payload("\"sub\":\"user\"", WINDOW, AUD)));
        assertEquals(List.of(), lint(HEADER, payload(TEAM, WINDOW, "\"aud\":\"apple-developer-enterprise-v1\"")));
        assertEquals(List.of(), lint(HEADER, payload(TEAM, WINDOW, AUD, "\"scope\":[\"GET /v1/apps?filter[platform]=IOS\"]")));
    }

    @Test
    void boundaries() {
        // exactly 1200 s, exactly 60 s of future iat, 1 s before expiry: all fine
        assertEquals(List.of(), lint(HEADER, payload(TEAM, "\"iat\":" + (T - 1199) + ",\"exp\":" + (T + 1), AUD)));
        assertEquals(List.of(), lint(HEADER, payload(TEAM, "\"iat\":" + (T + 60) + ",\"exp\":" + (T + 600), AUD)));
        // 1201 s, 61 s in the future, exp == now
        assertEquals(List.of("token lifetime exp - iat is 1201 s; Apple rejects tokens valid for more than 20 minutes (1200 s), counting from iat"),
                lint(HEADER, payload(TEAM, "\"iat\":" + (T - 600) + ",\"exp\":" + (T + 601), AUD)));
        assertEquals(List.of("payload iat is 61 s in the future (2025-03-01T12:01:01Z), more than 60 s of clock skew; Apple rejects tokens issued in the future"),
                lint(HEADER, payload(TEAM, "\"iat\":" + (T + 61) + ",\"exp\":" + (T + 600), AUD)));
        assertEquals(List.of("the token has expired: exp 2025-03-01T12:00:00Z is 0 s ago"),
                lint(HEADER, payload(TEAM, "\"iat\":" + (T - 600) + ",\"exp\":" + T, AUD)));
    }

    // ---- the table of bad tokens: one rule broken each ----

    static Stream<Arguments> badTokens() {
        String ok = payload(TEAM, WINDOW, AUD);
        return Stream.of(
                Arguments.of(HEADER.replace("ES256", "HS256"), ok, "header alg is \"HS256\"; Apple requires \"ES256\""),
                Arguments.of("{\"kid\":\"" + KID + "\",\"typ\":\"JWT\"}", ok, "header has no alg; Apple requires \"ES256\""),
                Arguments.of("{\"alg\":\"ES256\",\"kid\":\"" + KID + "\"}", ok, "header has no typ; Apple requires \"JWT\""),
                Arguments.of(HEADER.replace("\"JWT\"", "\"jwt\""), ok, "header typ is \"jwt\"; Apple requires \"JWT\""),
                Arguments.of(HEADER.replace("\"JWT\"", "null"), ok, "header typ is null; Apple requires \"JWT\""),
                Arguments.of("{\"alg\":\"ES256\",\"typ\":\"JWT\"}", ok, "header has no kid; Apple requires the key's 10-character key ID"),
                Arguments.of(HEADER.replace(KID, "ABC"), ok,
                        "header kid is not a valid key ID: key ID must be exactly 10 characters (A-Z, 0-9); got 3 characters"),
                Arguments.of(HEADER.replace(KID, "abcde12345"), ok,
                        "header kid is not a valid key ID: key ID must be 10 characters A-Z and 0-9; character 1 is not (lower-case letters do not occur in Apple key IDs)"),
                Arguments.of(HEADER.replace("\"" + KID + "\"", "1234567890"), ok,
                        "header kid is 1234567890; Apple requires the key's 10-character key ID as a string"),
                Arguments.of(HEADER, payload(TEAM, WINDOW), "payload has no aud; Apple requires \"appstoreconnect-v1\""),
                Arguments.of(HEADER, payload(TEAM, WINDOW, "\"aud\":\"appstoreconnect-v2\""),
                        "payload aud is \"appstoreconnect-v2\"; Apple requires \"appstoreconnect-v1\" (\"apple-developer-enterprise-v1\" for the Enterprise Program)"),
                Arguments.of(HEADER, payload(TEAM, WINDOW, "\"aud\":[\"appstoreconnect-v1\"]"),
                        "payload aud is an array; Apple requires the string \"appstoreconnect-v1\""),
                Arguments.of(HEADER, payload(TEAM, "\"iat\":" + (T - 60) + ",\"exp\":" + (T + 1200), AUD),
                        "token lifetime exp - iat is 1260 s; Apple rejects tokens valid for more than 20 minutes (1200 s), counting from iat"),
                Arguments.of(HEADER, payload(TEAM, "\"iat\":" + (T + 30) + ",\"exp\":" + (T + 30), AUD), "payload exp is not after iat (exp - iat = 0 s)"),
                Arguments.of(HEADER, payload(TEAM, "\"iat\":" + (T + 120) + ",\"exp\":" + (T + 600), AUD),
                        "payload iat is 120 s in the future (2025-03-01T12:02:00Z), more than 60 s of clock skew; Apple rejects tokens issued in the future"),
                Arguments.of(HEADER, payload(TEAM, "\"iat\":" + (T - 1000) + ",\"exp\":" + (T - 10), AUD),
                        "the token has expired: exp 2025-03-01T11:59:50Z is 10 s ago"),
                Arguments.of(HEADER, payload(TEAM, "\"exp\":" + (T + 600), AUD),
                        "payload has no iat; Apple requires the time it was issued in seconds since 1970"),
                Arguments.of(HEADER, payload(TEAM, "\"iat\":" + T, AUD),
                        "payload has no exp; Apple requires the time it expires in seconds since 1970"),
                Arguments.of(HEADER, payload(TEAM, "\"iat\":\"" + T + "\",\"exp\":" + (T + 600), AUD),
                        "payload iat is \"" + T + "\", not a whole number of seconds since 1970"),
                Arguments.of(HEADER, payload(TEAM, "\"iat\":" + T + ".5,\"exp\":" + (T + 600), AUD),
                        "payload iat is the number " + T + ".5, not a whole number of seconds since 1970"),
                Arguments.of(HEADER, payload(TEAM, "\"iat\":" + T + ",\"exp\":" + (T + 600) * 1000, AUD),
                        "payload exp is " + (T + 600) * 1000 + ", which looks like milliseconds; Apple requires seconds since 1970"),
                Arguments.of(HEADER, payload(TEAM, "\"sub\":\"user\"", WINDOW, AUD),
                        "payload has both iss and sub: a team key's token has iss (the issuer ID) and no sub, an individual key's token has sub \"user\" and no iss"),
                Arguments.of(HEADER, payload(WINDOW, AUD),
                        "payload has neither iss (a team key's issuer ID) nor sub \"user\" (an individual key)"),
                Arguments.of(HEADER, payload("\"iss\":\"my-team\"", WINDOW, AUD),
                        "payload iss is \"my-team\"; a team key's token has the issuer ID, a UUID such as 01234567-89ab-cdef-0123-456789abcdef"),
                Arguments.of(HEADER, payload("\"sub\":\"admin\"", WINDOW, AUD),
                        "payload sub is \"admin\"; an individual key's token has sub \"user\""),
                Arguments.of(HEADER, payload(TEAM, WINDOW, AUD, "\"scope\":\"GET /v1/apps\""),
                        "payload scope is \"GET /v1/apps\"; it must be an array of strings such as [\"GET /v1/apps?filter[platform]=IOS\"]"),
                Arguments.of(HEADER, payload(TEAM, WINDOW, AUD, "\"scope\":[\"GET /v1/apps\",7]"),
                        "payload scope[1] is 7, not a string"),
                Arguments.of(HEADER, payload(TEAM, WINDOW, AUD, "\"scope\":[\"GET v1/apps\"]"),
                        "payload scope[0] must look like \"GET /v1/apps?filter[platform]=IOS\": the path after \"GET \" must start with '/'"),
                Arguments.of(HEADER, payload(TEAM, WINDOW, AUD, "\"scope\":[]"),
                        "payload scope is an empty array; leave scope out for a token without restrictions"));
    }

    @ParameterizedTest
    @MethodSource("badTokens")
    void eachBrokenRuleIsReported(String header, String payload, String expected) {
        assertEquals(List.of(expected), lint(header, payload));
    }

    @Test
    void derSignatureIsReported() throws Exception {
        String input = b64url(HEADER) + "." + b64url(payload(TEAM, WINDOW, AUD));
        Signature s = Signature.getInstance("SHA256withECDSA"); // DER, as some tools wrongly send
        s.initSign(TestKeys.privateKey());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        byte[] der = s.sign();
        DecodedToken d = TokenLinter.decode(input + "." + b64url(der));
        assertEquals(List.of("signature is " + der.length + " bytes; an ES256 signature is 64 bytes (R||S): this looks DER-encoded, which a JWS does not use"),
                TokenLinter.violations(d, CLOCK));
        assertFalse(TokenLinter.verifySignature(d, TestKeys.publicKey()));
    }

    @Test
    void missingSignatureIsReported() {
        String unsigned = b64url(HEADER) + "." + b64url(payload(TEAM, WINDOW, AUD)) + ".";
        assertEquals(List.of("signature is 0 bytes; an ES256 signature is 64 bytes (R||S)"), lint(unsigned));
    }

    @Test
    void nimbusHs256TokenBreaksSeveralRules() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).build(),
                new JWTClaimsSet.Builder().issuer(ISSUER).subject("user").issueTime(new Date((T - 60) * 1000))
                        .expirationTime(new Date((T + 1300) * 1000)).audience(List.of("appstoreconnect-v1", "other")).build());
        jwt.sign(new MACSigner(new byte[32]));
        assertEquals(List.of(
                "header alg is \"HS256\"; Apple requires \"ES256\"",
                "header has no kid; Apple requires the key's 10-character key ID",
                "header has no typ; Apple requires \"JWT\"",
                "payload aud is an array; Apple requires the string \"appstoreconnect-v1\"",
                "token lifetime exp - iat is 1360 s; Apple rejects tokens valid for more than 20 minutes (1200 s), counting from iat",
                "payload has both iss and sub: a team key's token has iss (the issuer ID) and no sub, an individual key's token has sub \"user\" and no iss",
                "signature is 32 bytes; an ES256 signature is 64 bytes (R||S)"),
                lint(jwt.serialize()));
    }

    @Test
    void nimbusEs384TokenIsReported() throws Exception {
        ECPrivateKey p384 = (ECPrivateKey) TestKeys.generate("secp384r1").getPrivate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES384).keyID(KID).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().subject("user").issueTime(new Date((T - 60) * 1000))
                        .expirationTime(new Date((T + 600) * 1000)).audience("appstoreconnect-v1").build());
        jwt.sign(new ECDSASigner(p384));
        assertEquals(List.of("header alg is \"ES384\"; Apple requires \"ES256\"",
                "signature is 96 bytes; an ES256 signature is 64 bytes (R||S)"), lint(jwt.serialize()));
    }

    // ---- malformed input: InvalidInputException, never the token in the message ----

    static Stream<Arguments> malformed() {
        String h = b64url(HEADER);
        String p = b64url(payload(TEAM, WINDOW, AUD));
        String sig = b64url(new byte[64]);
        StringBuilder deep = new StringBuilder("{\"a\":");
        for (int i = 0; i < 5000; i++) {
            deep.append('[');
        }
        return Stream.of(
                Arguments.of(null, "no token given"),
                Arguments.of("", "the token is empty"),
                Arguments.of("  \n", "the token is empty"),
                Arguments.of("Bearer ", "the token is empty"),
                Arguments.of(h, "a signed JWT has 3 parts separated by '.' (header.payload.signature); this has 1"),
                Arguments.of(h + "." + p, "this has 2"),
                Arguments.of(h + "." + p + "." + sig + ".", "this has 4"),
                Arguments.of(h + "." + p + "." + sig + ".a.b", "this has 5 (an encrypted JWE, not a signed JWS)"),
                Arguments.of("." + p + "." + sig, "the header part is empty"),
                Arguments.of(h + ".." + sig, "the payload part is empty"),
                Arguments.of(h + "." + p.substring(0, 5) + "+" + p.substring(6) + "." + sig,
                        "the payload part has '+' at character 6: that is standard base64, a JWT uses base64url ('-' and '_')"),
                Arguments.of(h + "." + p + "." + sig.substring(0, 9) + "/" + sig.substring(10), "the signature part has '/' at character 10"),
                Arguments.of(h + "=." + p + "." + sig, "the header part has '=' padding, which a JWT's base64url does not use"),
                Arguments.of(h + "." + p + "." + sig.substring(0, 3) + "é" + sig.substring(4), "the signature part has a character that is not base64url at character 4"),
                Arguments.of("abcde." + p + "." + sig, "the header part's length (5 characters) is not a possible base64url length"),
                Arguments.of(b64url("not json") + "." + p + "." + sig, "the header is not valid JSON: unexpected character at character 1"),
                Arguments.of(b64url("[1]") + "." + p + "." + sig, "the header is JSON but not an object: it is an array"),
                Arguments.of(b64url("\"ES256\"") + "." + p + "." + sig, "the header is JSON but not an object: it is \"ES256\""),
                Arguments.of(h + "." + b64url(new byte[] {'{', (byte) 0xff, '}'}) + "." + sig, "the payload is not UTF-8 text"),
                Arguments.of(b64url("{\"alg\":\"ES256\",\"alg\":\"none\"}") + "." + p + "." + sig,
                        "the header is not valid JSON: duplicate member name \"alg\" at character 21"),
                Arguments.of(h + "." + b64url(deep.toString()) + "." + sig, "the payload is not valid JSON: nested deeper than 20 levels"),
                Arguments.of(h + "." + b64url("{\"a\":1} x") + "." + sig, "the payload is not valid JSON: unexpected text after the JSON value at character 9"),
                Arguments.of(h + "." + b64url("{\"a\":1e-9999999999}") + "." + sig, "the payload is not valid JSON: number out of range"),
                Arguments.of(h + "." + b64url("{\"a\":01}") + "." + sig, "the payload is not valid JSON"),
                Arguments.of(h + "." + b64url("{\"a\":\"x\ty\"}") + "." + sig, "the payload is not valid JSON: control character in a string"),
                Arguments.of(h + "." + b64url("{\"a\":\"\\uZZZZ\"}") + "." + sig, "the payload is not valid JSON: bad \\u escape"),
                Arguments.of(h + "." + b64url("{\"a\":\"x") + "." + sig, "the payload is not valid JSON: unterminated string"),
                Arguments.of(h + "." + b64url("{\"a\" 1}") + "." + sig, "expected ':' after a member name"),
                Arguments.of(h + "." + b64url("{\"a\":1,}") + "." + sig, "expected a member name in quotes"),
                Arguments.of(h + "." + b64url("{\"a\":[1 2]}") + "." + sig, "expected ',' or ']' in an array"),
                Arguments.of(h + "." + b64url("{\"a\":tru}") + "." + sig, "unexpected character"),
                Arguments.of(h + "." + p + "." + "A".repeat(TokenLinter.MAX_TOKEN_CHARS), "characters long; App Store Connect tokens are a few hundred"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedTokensAreRejectedWithoutEchoingThem(String token, String expected) {
        String m = assertThrows(InvalidInputException.class, () -> TokenLinter.decode(token)).getMessage();
        assertTrue(m.contains(expected), m);
        assertNoTokenText(token, m);
    }

    private static void assertNoTokenText(String token, String message) {
        if (token == null) {
            return;
        }
        for (String part : token.split("\\.")) {
            if (part.length() >= 8) {
                assertFalse(message.contains(part), "message quotes part of the token");
                assertFalse(message.contains(part.substring(0, 8)), "message quotes part of the token");
            }
        }
    }

    @Test
    void bearerPrefixAndWhitespaceAreIgnored() {
        String t = Tokens.mint(TestKeys.privateKey(), TokenRequest.team(KID, ISSUER), CLOCK).token();
        assertEquals(List.of(), lint("  Bearer " + t + "\n"));
        assertEquals(List.of(), lint("bearer " + t));
    }

    // ---- output ----

    @Test
    void prettyJson() throws Exception {
        TokenRequest r = TokenRequest.builder().keyId(KID).issuerId(ISSUER)
                .scope("GET /v1/apps?filter[platform]=IOS", "GET /v1/builds").build();
        DecodedToken d = TokenLinter.decode(Tokens.mint(TestKeys.privateKey(), r, CLOCK).token());
        assertEquals("{\n  \"alg\": \"ES256\",\n  \"kid\": \"ABCDE12345\",\n  \"typ\": \"JWT\"\n}", d.headerJson());
        assertEquals("{\n"
                + "  \"iss\": \"" + ISSUER + "\",\n"
                + "  \"iat\": " + (T - 60) + ",\n"
                + "  \"exp\": " + (T + 1140) + ",\n"
                + "  \"aud\": \"appstoreconnect-v1\",\n"
                + "  \"scope\": [\n"
                + "    \"GET /v1/apps?filter[platform]=IOS\",\n"
                + "    \"GET /v1/builds\"\n"
                + "  ]\n"
                + "}", d.payloadJson());
        assertEquals(64, d.signatureLength());
        assertEquals(64, d.signature().length);
    }

    @Test
    void prettyJsonMatchesJacksonsReading() throws Exception {
        String doc = "{\"s\":\"q\\\"b\\\\n\\n\\u0001\\u00e9\\ud83d\\ude00/\",\"n\":[-0,1.5e3,12345678901234567890,-2],"
                + "\"o\":{},\"a\":[],\"t\":true,\"f\":false,\"z\":null,\"x\":{\"y\":[{\"k\":1}]}}";
        DecodedToken d = TokenLinter.decode(craft(HEADER, doc, TestKeys.privateKey()));
        ObjectMapper m = new ObjectMapper();
        assertEquals(m.readTree(doc).toString(), m.readTree(d.payloadJson()).toString());
    }

    @Test
    void toStringIsRedacted() {
        String t = Tokens.mint(TestKeys.privateKey(), TokenRequest.team(KID, ISSUER), CLOCK).token();
        DecodedToken d = TokenLinter.decode(t);
        assertEquals("DecodedToken[alg=\"ES256\", kid=\"ABCDE12345\", signature=64 bytes]", d.toString());
    }

    // ---- signatures ----

    @Test
    void verifySignature() {
        String t = Tokens.mint(TestKeys.privateKey(), TokenRequest.team(KID, ISSUER), CLOCK).token();
        assertTrue(TokenLinter.verifySignature(TokenLinter.decode(t), TestKeys.publicKey()));
        ECPublicKey other = (ECPublicKey) TestKeys.generate("secp256r1").getPublic();
        assertFalse(TokenLinter.verifySignature(TokenLinter.decode(t), other));
        ECPublicKey p384 = (ECPublicKey) TestKeys.generate("secp384r1").getPublic();
        assertFalse(TokenLinter.verifySignature(TokenLinter.decode(t), p384));
        // same signature on a different payload
        String[] parts = t.split("\\.");
        String forged = parts[0] + "." + b64url(payload("\"sub\":\"user\"", WINDOW, AUD)) + "." + parts[2];
        assertFalse(TokenLinter.verifySignature(TokenLinter.decode(forged), TestKeys.publicKey()));
        assertArrayEquals(TestKeys.unb64url(parts[2]), TokenLinter.decode(t).signature());
    }

    // ---- robustness: nothing but InvalidInputException, for any string ----

    @Test
    void randomInputOnlyEverThrowsInvalidInputException() {
        Random rnd = new Random(20250301);
        String good = Tokens.mint(TestKeys.privateKey(),
                TokenRequest.builder().keyId(KID).issuerId(ISSUER).scope("GET /v1/apps").build(), CLOCK).token();
        String jsonChars = "{}[]\":,0123456789.eE+-truefalsn\\u/ abc\t\n";
        String tokenChars = "ABCxyz019-_.=+/ é\u0000";
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            StringBuilder s = new StringBuilder(good);
            int edits = 1 + rnd.nextInt(4);
            for (int e = 0; e < edits && s.length() > 0; e++) {
                int at = rnd.nextInt(s.length());
                switch (rnd.nextInt(3)) {
                    case 0: s.setCharAt(at, tokenChars.charAt(rnd.nextInt(tokenChars.length()))); break;
                    case 1: s.deleteCharAt(at); break;
                    default: s.insert(at, tokenChars.charAt(rnd.nextInt(tokenChars.length())));
                }
            }
            inputs.add(s.toString());
        }
        for (int i = 0; i < 6000; i++) {
            StringBuilder json = new StringBuilder();
            int len = rnd.nextInt(40);
            if (rnd.nextBoolean()) {
                json.append('{');
            }
            for (int j = 0; j < len; j++) {
                json.append(jsonChars.charAt(rnd.nextInt(jsonChars.length())));
            }
            byte[] raw = new byte[rnd.nextInt(12)];
            rnd.nextBytes(raw);
            String part = rnd.nextInt(4) == 0 ? b64url(raw) : b64url(json.toString());
            inputs.add(rnd.nextBoolean() ? b64url(HEADER) + "." + part + ".AAAA" : part + "." + b64url("{}") + ".");
        }
        int decoded = 0;
        for (String input : inputs) {
            try {
                DecodedToken d = TokenLinter.decode(input);
                decoded++;
                TokenLinter.violations(d, CLOCK);
                d.headerJson();
                d.payloadJson();
                d.toString();
                TokenLinter.verifySignature(d, TestKeys.publicKey());
            } catch (InvalidInputException expected) {
                assertFalse(expected.getMessage().contains(good.substring(0, 20)));
            } catch (RuntimeException | StackOverflowError e) {
                fail("decode threw " + e.getClass().getName() + " for input #" + inputs.indexOf(input));
            }
        }
        assertTrue(decoded > 100, "some inputs decode: " + decoded);
    }
}
