package io.jenkins.plugins.appstoreconnect.core.token;

import static io.jenkins.plugins.appstoreconnect.core.token.TestKeys.ISSUER;
import static io.jenkins.plugins.appstoreconnect.core.token.TestKeys.KID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import java.io.File;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Minting, checked by independent verifiers: nimbus-jose-jwt and openssl. */
class AppStoreConnectProfileTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses and verifies with nimbus, checks the header is exactly alg/kid/typ, and returns the claims. */
    private static JWTClaimsSet verifiedByNimbus(String token, ECPublicKey key, String kid) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        assertTrue(jwt.verify(new ECDSAVerifier(key)), "nimbus verifies the ES256 signature");
        assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
        assertEquals(kid, jwt.getHeader().getKeyID());
        assertEquals(JOSEObjectType.JWT, jwt.getHeader().getType());
        JsonNode header = JSON.readTree(jwt.getHeader().getParsedBase64URL().decode());
        assertEquals(List.of("alg", "kid", "typ"), names(header), "header has exactly alg, kid, typ");
        assertEquals("ES256", header.get("alg").textValue());
        assertEquals("JWT", header.get("typ").textValue());
        assertEquals(64, jwt.getSignature().decode().length, "signature is 64 bytes R||S");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        long lifetime = (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000;
        assertTrue(lifetime <= 1200, "exp - iat <= 1200 s");
        return claims;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static JsonNode payloadJson(String token) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static Date seconds(long epochSeconds) {
        return Date.from(Instant.ofEpochSecond(epochSeconds));
    }

    @Test
    void teamKeyDefaults() throws Exception {
        MintedToken t = Tokens.mint(TestKeys.privateKey(), TokenRequest.team(KID, ISSUER), CLOCK);
        JWTClaimsSet c = verifiedByNimbus(t.token(), TestKeys.publicKey(), KID);
        assertEquals(ISSUER, c.getIssuer());
        assertNull(c.getSubject());
        assertEquals(seconds(NOW.getEpochSecond() - 60), c.getIssueTime());
        assertEquals(seconds(NOW.getEpochSecond() + 1140), c.getExpirationTime());
        assertEquals(List.of("appstoreconnect-v1"), c.getAudience());
        assertNull(c.getClaim("scope"));
        // exactly these claims, aud a plain string, times integers
        JsonNode p = payloadJson(t.token());
        assertEquals(List.of("iss", "iat", "exp", "aud"), names(p));
        assertTrue(p.get("aud").isTextual());
        assertTrue(p.get("iat").isIntegralNumber() && p.get("exp").isIntegralNumber());
        assertEquals(1200, p.get("exp").longValue() - p.get("iat").longValue());

        assertEquals(KID, t.keyId());
        assertEquals(NOW.minusSeconds(60), t.issuedAt());
        assertEquals(NOW.plusSeconds(1140), t.expiresAt());
        assertEquals(Duration.ofSeconds(1140), t.remaining(CLOCK));
    }

    @Test
    void individualKey() throws Exception {
        MintedToken t = Tokens.mint(TestKeys.privateKey(), TokenRequest.individual(KID), CLOCK);
        JWTClaimsSet c = verifiedByNimbus(t.token(), TestKeys.publicKey(), KID);
        assertEquals("user", c.getSubject());
        assertNull(c.getIssuer());
        assertEquals(List.of("sub", "iat", "exp", "aud"), names(payloadJson(t.token())));
        assertEquals(List.of("appstoreconnect-v1"), c.getAudience());
    }

    @Test
    void scoped() throws Exception {
        List<String> scope = List.of("GET /v1/apps?filter[platform]=IOS", "PATCH /v1/apps/123456789");
        TokenRequest r = TokenRequest.builder().keyId(KID).issuerId(ISSUER).scope(scope).build();
        MintedToken t = Tokens.mint(TestKeys.privateKey(), r, CLOCK);
        JWTClaimsSet c = verifiedByNimbus(t.token(), TestKeys.publicKey(), KID);
        assertEquals(scope, c.getStringListClaim("scope"));
        JsonNode p = payloadJson(t.token());
        assertEquals(List.of("iss", "iat", "exp", "aud", "scope"), names(p));
        assertTrue(p.get("scope").isArray());
    }

    @Test
    void enterprise() throws Exception {
        TokenRequest r = TokenRequest.builder()
                .keyId(KID).issuerId(ISSUER).audience(Audience.ENTERPRISE).build();
        JWTClaimsSet c = verifiedByNimbus(Tokens.mint(TestKeys.privateKey(), r, CLOCK).token(), TestKeys.publicKey(), KID);
        assertEquals(List.of("apple-developer-enterprise-v1"), c.getAudience());
        assertEquals(ISSUER, c.getIssuer());
    }

    @Test
    void customLifetimeAndBackdate() throws Exception {
        TokenRequest r = TokenRequest.builder().keyId(KID).issuerId(ISSUER)
                .lifetime(Duration.ofMinutes(10)).backdate(Duration.ofSeconds(30)).build();
        MintedToken t = Tokens.mint(TestKeys.privateKey(), r, CLOCK);
        JWTClaimsSet c = verifiedByNimbus(t.token(), TestKeys.publicKey(), KID);
        assertEquals(seconds(NOW.getEpochSecond() - 30), c.getIssueTime());
        assertEquals(seconds(NOW.getEpochSecond() + 570), c.getExpirationTime());
    }

    @Test
    void noBackdateFullWindow() throws Exception {
        TokenRequest r = TokenRequest.builder().keyId(KID).backdate(Duration.ZERO).build();
        MintedToken t = Tokens.mint(TestKeys.privateKey(), r, CLOCK);
        JWTClaimsSet c = verifiedByNimbus(t.token(), TestKeys.publicKey(), KID);
        assertEquals(seconds(NOW.getEpochSecond()), c.getIssueTime());
        assertEquals(seconds(NOW.getEpochSecond() + 1200), c.getExpirationTime());
        assertEquals("user", c.getSubject());
    }

    @Test
    void subSecondClockIsTruncated() throws Exception {
        Clock clock = Clock.fixed(NOW.plusMillis(999), ZoneOffset.UTC);
        MintedToken t = Tokens.mint(TestKeys.privateKey(), TokenRequest.team(KID, ISSUER), clock);
        JWTClaimsSet c = verifiedByNimbus(t.token(), TestKeys.publicKey(), KID);
        assertEquals(seconds(NOW.getEpochSecond() - 60), c.getIssueTime());
        assertEquals(NOW.plusSeconds(1140), t.expiresAt());
    }

    @Test
    void signaturesAreFreshEachTime() {
        TokenRequest r = TokenRequest.team(KID, ISSUER);
        String a = Tokens.mint(TestKeys.privateKey(), r, CLOCK).token();
        String b = Tokens.mint(TestKeys.privateKey(), r, CLOCK).token();
        assertEquals(a.substring(0, a.lastIndexOf('.')), b.substring(0, b.lastIndexOf('.')), "same header and payload");
        assertNotEquals(a, b, "ECDSA signatures are randomised");
    }

    @Test
    void wrongKeyDoesNotVerify() throws Exception {
        MintedToken t = Tokens.mint(TestKeys.privateKey(), TokenRequest.team(KID, ISSUER), CLOCK);
        ECPublicKey other = (ECPublicKey) TestKeys.generate("secp256r1").getPublic();
        assertFalse(SignedJWT.parse(t.token()).verify(new ECDSAVerifier(other)));
    }

    @Test
    void rejectsP384Key() {
        ECPrivateKey p384 = (ECPrivateKey) TestKeys.generate("secp384r1").getPrivate();
        String m = assertThrows(InvalidInputException.class,
                () -> Tokens.mint(p384, TokenRequest.team(KID, ISSUER), CLOCK)).getMessage();
        assertTrue(m.contains("not on the P-256 curve") && m.contains("384-bit"), m);
    }

    @Test
    void rejectsOther256BitCurve() {
        // secp256k1 has a 256-bit order, so jjwt 0.11.5's own key-length check would accept it for ES256
        ECPrivateKey k1 = TestKeys.fakePrivateKey(TestKeys.secp256k1(), BigInteger.valueOf(12345));
        String m = assertThrows(InvalidInputException.class,
                () -> Tokens.mint(k1, TokenRequest.team(KID, ISSUER), CLOCK)).getMessage();
        assertTrue(m.contains("not on the P-256 curve"), m);
        assertFalse(m.contains("12345"), m);
    }

    @Test
    void rejectsOutOfRangeScalar() {
        BigInteger n = TestKeys.privateKey().getParams().getOrder();
        for (BigInteger s : List.of(BigInteger.ZERO, n, n.add(BigInteger.TEN), BigInteger.ONE.negate())) {
            ECPrivateKey bad = TestKeys.fakePrivateKey(TestKeys.privateKey().getParams(), s);
            String m = assertThrows(InvalidInputException.class,
                    () -> Tokens.mint(bad, TokenRequest.team(KID, ISSUER), CLOCK)).getMessage();
            assertTrue(m.contains("out of range"), m);
        }
    }

    @Test
    void mintedTokenToStringIsRedacted() {
        MintedToken t = Tokens.mint(TestKeys.privateKey(), TokenRequest.team(KID, ISSUER), CLOCK);
        String s = t.toString();
        assertEquals("MintedToken[kid=ABCDE12345, iat=2025-03-01T11:59:00Z, exp=2025-03-01T12:19:00Z, token=<redacted>]", s);
        for (String part : t.token().split("\\.")) {
            assertFalse(s.contains(part));
        }
    }

    @Test
    void remainingNeverNegative() {
        MintedToken t = Tokens.mint(TestKeys.privateKey(), TokenRequest.team(KID, ISSUER), CLOCK);
        Clock later = Clock.fixed(NOW.plusSeconds(5000), ZoneOffset.UTC);
        assertEquals(Duration.ZERO, t.remaining(later));
        assertTrue(t.isExpired(later));
        assertFalse(t.isExpired(CLOCK));
        assertTrue(t.isExpired(Clock.fixed(t.expiresAt(), ZoneOffset.UTC)));
    }

    /** openssl checks the signature too: R||S converted to DER, public key (only) written to a temp file. */
    @Test
    void opensslVerifies(@TempDir Path dir) throws Exception {
        String openssl = findOpenssl();
        Assumptions.assumeTrue(openssl != null, "openssl not found on PATH: skipping the openssl cross-check");

        KeyPair kp = TestKeys.generate("secp256r1");
        TokenRequest r = TokenRequest.builder().keyId(KID).issuerId(ISSUER)
                .scope("GET /v1/apps?filter[platform]=IOS").build();
        String token = Tokens.mint((ECPrivateKey) kp.getPrivate(), r, Clock.systemUTC()).token();
        int dot = token.lastIndexOf('.');
        byte[] rs = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        assertEquals(64, rs.length);
        byte[] der = new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
            new ASN1Integer(new BigInteger(1, java.util.Arrays.copyOfRange(rs, 0, 32))),
            new ASN1Integer(new BigInteger(1, java.util.Arrays.copyOfRange(rs, 32, 64)))
        }).getEncoded();

        Path pub = dir.resolve("pub.pem");
        Files.writeString(pub, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(kp.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);
        Path data = dir.resolve("signing-input.txt");
        Files.writeString(data, token.substring(0, dot), StandardCharsets.US_ASCII);
        Path sig = dir.resolve("sig.der");
        Files.write(sig, der);

        assertEquals(0, openssl(openssl, dir, pub, sig, data), "openssl dgst -verify accepts the signature");

        Path tampered = dir.resolve("tampered.txt");
        Files.writeString(tampered, token.substring(0, dot - 1) + (token.charAt(dot - 1) == 'A' ? 'B' : 'A'), StandardCharsets.US_ASCII);
        assertNotEquals(0, openssl(openssl, dir, pub, sig, tampered), "openssl rejects a changed payload");
    }

    private static int openssl(String openssl, Path dir, Path pub, Path sig, Path data) throws Exception {
        Process p = new ProcessBuilder(openssl, "dgst", "-sha256", "-verify", pub.toString(), "-signature", sig.toString(), data.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "openssl finished");
        int rc = p.exitValue();
        assertTrue(rc == 0 ? out.contains("Verified OK") : out.contains("Verification failure"), "openssl said: " + out.strip());
        return rc;
    }

    private static String findOpenssl() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(File.pathSeparator)) {
            File f = new File(d, "openssl");
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }
}
