package io.jenkins.plugins.appstoreconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
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
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a user runs it: arguments in, stdout/stderr/exit code out; tokens checked with nimbus. */
class AppleJwtTest {

    private static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";

    @TempDir
    Path dir;

    private KeyPair pair;
    private String pem;
    private Path keyFile;
    private final Map<String, String> env = new java.util.HashMap<>();
    private String stdin = "";
    private Clock clock = Clock.systemUTC();

    private String out;
    private String err;

    @BeforeEach
    void key() throws Exception {
        pair = TestKeys.p256();
        pem = TestKeys.pkcs8Pem(pair);
        keyFile = dir.resolve("AuthKey_2X9R4HXF34.p8");
        Files.writeString(keyFile, pem);
    }

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = new AppleJwt(new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env::get, clock)
                .run(Arrays.asList(args));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private void assertNoKeyMaterial(String text) {
        for (String line : pem.split("\n")) {
            if (!line.startsWith("-----")) {
                assertFalse(text.contains(line.substring(0, Math.min(16, line.length()))), "key material in: " + text);
            }
        }
    }

    @Test
    void ascPrintsOnlyATokenThatNimbusVerifies() throws Exception {
        assertEquals(0, run("asc", "--key-file", keyFile.toString(), "--issuer-id", ISSUER, "--scope", "GET /v1/apps", "--lifetime", "600"));
        assertEquals("", err);
        assertTrue(out.endsWith("\n"));
        assertEquals(1, out.lines().count(), "stdout is the token and a newline, nothing else");
        SignedJWT jwt = SignedJWT.parse(out.trim());
        assertTrue(jwt.verify(new ECDSAVerifier((ECPublicKey) pair.getPublic())));
        assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
        assertEquals("2X9R4HXF34", jwt.getHeader().getKeyID(), "key ID taken from AuthKey_<ID>.p8");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(ISSUER, claims.getIssuer());
        assertEquals(List.of("appstoreconnect-v1"), claims.getAudience());
        assertEquals(List.of("GET /v1/apps"), claims.getStringListClaim("scope"));
        long lifetime = (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000;
        assertEquals(600, lifetime);
    }

    @Test
    void ascIndividualFromEnvironmentWithEscapedNewlines() throws Exception {
        env.put("ASC_KEY", pem.replace("\n", "\\n"));
        assertEquals(0, run("asc", "--key-env", "ASC_KEY", "--key-id", "ABCDE12345", "--individual", "--enterprise"));
        JWTClaimsSet claims = SignedJWT.parse(out.trim()).getJWTClaimsSet();
        assertEquals("user", claims.getSubject());
        assertEquals(null, claims.getIssuer());
        assertEquals(List.of("apple-developer-enterprise-v1"), claims.getAudience());
    }

    @Test
    void badInputIsOneErrorLineAndExitTwo() throws Exception {
        assertEquals(2, run("asc", "--key-file", keyFile.toString()));
        assertTrue(err.startsWith("error: ") && err.contains("--issuer-id") && err.lines().count() == 1, err);

        assertEquals(2, run("asc", "--key-file", keyFile.toString(), "--issuer-id", ISSUER, "--lifetime", "1260"));
        assertTrue(err.contains("1200") || err.contains("20 minutes"), err);

        Path other = dir.resolve("key.pem");
        Files.writeString(other, pem);
        assertEquals(2, run("asc", "--key-file", other.toString(), "--issuer-id", ISSUER));
        assertTrue(err.contains("--key-id"), err);

        assertEquals(2, run("asc", "--key-file", dir.resolve("missing.p8").toString(), "--individual", "--key-id", "ABCDE12345"));
        assertTrue(err.contains("no such file"), err);

        Files.writeString(other, pem.substring(0, 100));
        assertEquals(2, run("inspect", "--key-file", other.toString()));
        assertTrue(err.startsWith("error: "), err);
        assertNoKeyMaterial(err);

        assertEquals(2, run("asc", "--bogus"));
        assertTrue(err.contains("--bogus"), err);
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run());
        assertTrue(err.contains("usage"), err);
        assertEquals(0, run("--help"));
        assertTrue(out.contains("asc") && out.contains("decode"), out);
    }

    @Test
    void inspectShowsFactsNotTheKey() {
        assertEquals(0, run("inspect", "--key-file", keyFile.toString()));
        assertTrue(out.contains("PKCS#8"), out);
        assertTrue(out.contains("fingerprint:  SHA256:"), out);
        assertTrue(out.contains("2X9R4HXF34 (from the file name)"), out);
        assertTrue(out.contains("BEGIN PUBLIC KEY"), out);
        assertNoKeyMaterial(out);
    }

    @Test
    void decodeFindsViolationsAndChecksSignatures() throws Exception {
        assertEquals(0, run("asc", "--key-file", keyFile.toString(), "--issuer-id", ISSUER));
        String token = out.trim();

        assertEquals(0, run("decode", token, "--key-file", keyFile.toString()));
        assertTrue(out.contains("\"kid\"") && out.contains("appstoreconnect-v1"), out);
        assertTrue(out.contains("signature: valid"), out);

        stdin = token + "\n";
        assertEquals(0, run("decode", "-"));

        // a minute before the token's iat minus tolerance: the token is issued in the future
        clock = Clock.fixed(Instant.now().minusSeconds(3600), ZoneOffset.UTC);
        assertEquals(1, run("decode", token));
        assertTrue(out.contains("violation: "), out);
        clock = Clock.systemUTC();

        env.put("OTHER", TestKeys.pkcs8Pem(TestKeys.p256()));
        assertEquals(1, run("decode", token, "--key-env", "OTHER"));
        assertTrue(out.contains("does not verify"), out);

        assertEquals(2, run("decode", "not.a-token"));
        assertTrue(err.startsWith("error: "), err);
        assertFalse(err.contains("not.a-token"), "a token is never echoed: " + err);
    }

    @Test
    void demoWalksThroughWithoutAnAppleAccount() {
        assertEquals(0, run("demo"));
        assertTrue(out.contains("no violations"), out);
        assertTrue(out.contains("signature with the public key: valid"), out);
        assertEquals("", err);
    }
}
