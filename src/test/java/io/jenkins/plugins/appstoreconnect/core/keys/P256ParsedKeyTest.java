package io.jenkins.plugins.appstoreconnect.core.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ParsedKey's outputs and KeyFingerprint, against independent computations. */
class P256ParsedKeyTest {

    private static final TestKeys.P256Fixture KEY = new TestKeys.P256Fixture();

    @Test
    void fingerprintIsSha256OfTheJdkEncodedPublicKeyInBase64WithoutPadding() throws Exception {
        for (int i = 0; i < 10; i++) {
            KeyPair pair = TestKeys.p256();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded());
            String expected = "SHA256:" + Base64.getEncoder().encodeToString(digest).replace("=", "");
            assertEquals(expected, KeyFingerprint.of((ECPublicKey) pair.getPublic()));
            assertEquals(expected, P256PrivateKeys.parse(pair.getPrivate().getEncoded()).fingerprint());
            assertTrue(expected.matches("SHA256:[A-Za-z0-9+/]{43}"), expected);
        }
    }

    @Test
    void fingerprintOfAnotherCurveHashesItsOwnEncoding() throws Exception {
        KeyPair p384 = TestKeys.generate("EC", "secp384r1");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(p384.getPublic().getEncoded());
        assertEquals("SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest),
                KeyFingerprint.of((ECPublicKey) p384.getPublic()));
    }

    @Test
    void pkcs8PemIsNormalised() {
        String pem = P256PrivateKeys.parse(KEY.jdkPkcs8).pkcs8Pem();
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(pem.endsWith("\n-----END PRIVATE KEY-----\n"));
        assertFalse(pem.contains("\r"));
        List<String> body = TestKeys.bodyLines(pem);
        for (int i = 0; i < body.size(); i++) {
            assertTrue(i == body.size() - 1 ? body.get(i).length() <= 64 : body.get(i).length() == 64, "64-character lines");
        }
        TestKeys.assertSameSecret(KEY.applePem, pem, "PKCS#8 PEM in the same layout as App Store Connect's .p8");
        ParsedKey again = P256PrivateKeys.parse(pem);
        assertEquals(KeyEncoding.PKCS8_PEM, again.encoding());
        TestKeys.assertSameSecret(pem, again.pkcs8Pem(), "PKCS#8 PEM after a second round");
    }

    @Test
    void pkcs8DerIsACopy() {
        ParsedKey key = P256PrivateKeys.parse(KEY.applePem);
        byte[] first = key.pkcs8Der();
        TestKeys.assertSameSecret(KEY.applePkcs8, first, "PKCS#8 DER");
        first[40] ^= 1;
        TestKeys.assertSameSecret(KEY.applePkcs8, key.pkcs8Der(), "PKCS#8 DER after changing a copy");
    }

    @Test
    void parseDoesNotTouchTheCallersBytes() {
        byte[] input = KEY.applePkcs8.clone();
        P256PrivateKeys.parse(input);
        TestKeys.assertSameSecret(KEY.applePkcs8, input, "the caller's array");
    }

    @Test
    void publicKeyPemIsTheJdkPublicKey() throws Exception {
        String pem = P256PrivateKeys.parse(KEY.applePem).publicKeyPem();
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n") && pem.endsWith("\n-----END PUBLIC KEY-----\n"), pem);
        byte[] der = Base64.getDecoder().decode(String.join("", TestKeys.bodyLines(pem)));
        assertEquals(KEY.pair.getPublic(), KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der)));
    }

    @Test
    void toStringShowsEncodingAndFingerprintOnly() {
        ParsedKey key = P256PrivateKeys.parse(KEY.sec1Pem);
        String s = key.toString();
        assertTrue(TestKeys.leakedWindow(s, KEY.secretWindows()) == null, "key material in toString()");
        assertEquals("ParsedKey[encoding=SEC1_PEM, fingerprint=" + KEY.expectedFingerprint + "]", s);
    }

    @Test
    void equalityIsKeyIdentity() {
        ParsedKey pem = P256PrivateKeys.parse(KEY.applePem);
        ParsedKey der = P256PrivateKeys.parse(KEY.sec1);
        assertEquals(pem, der);
        assertEquals(pem.hashCode(), der.hashCode());
        assertNotEquals(pem, P256PrivateKeys.parse(TestKeys.p256().getPrivate().getEncoded()));
    }

    @Test
    void everyEncodingHasALabel() {
        for (KeyEncoding encoding : KeyEncoding.values()) {
            assertFalse(encoding.label().isBlank(), encoding.name());
        }
    }
}
