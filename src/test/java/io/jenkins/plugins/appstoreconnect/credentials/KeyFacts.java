package io.jenkins.plugins.appstoreconnect.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.appstoreconnect.core.mask.SecretForms;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What the Jenkins tests check about a stored key, computed with the JDK alone (not with core's parser): the
 * fingerprint of a generated key pair, the private scalar inside a PKCS#8 PEM, and that no form of a key
 * (core's {@link SecretForms}: the PEM, its lines, base64 and escaped forms) appears in a text.
 */
final class KeyFacts {
    private KeyFacts() {}

    /** {@code SHA256:} and the unpadded base64 of the SHA-256 of the JDK's X.509 encoding of the public key. */
    static String fingerprint(KeyPair pair) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asserts that {@code storedPem} is a PKCS#8 PEM of the private key of {@code pair}, read by the JDK. */
    static void assertIsPkcs8Of(KeyPair pair, String storedPem) {
        assertTrue(storedPem.startsWith("-----BEGIN PRIVATE KEY-----\n"), "stored as PKCS#8 PEM");
        String body = storedPem.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        BigInteger stored;
        try {
            stored = ((ECPrivateKey) KeyFactory.getInstance("EC")
                            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body))))
                    .getS();
        } catch (GeneralSecurityException e) {
            throw new AssertionError("the stored key is not PKCS#8 the JDK can read", e);
        }
        // compared without printing either value
        assertEquals(0, stored.compareTo(((ECPrivateKey) pair.getPrivate()).getS()), "the stored key is the generated one");
    }

    /** Asserts that no form of the key in {@code pem} occurs in {@code text}; names only which form, never the form. */
    static void assertNoKeyIn(String text, String pem, String where) {
        List<Integer> found = new ArrayList<>();
        int i = 0;
        for (String form : SecretForms.of(pem)) {
            if (text.contains(form)) {
                found.add(i);
            }
            i++;
        }
        assertTrue(found.isEmpty(), where + " contains the private key (forms #" + found + " of SecretForms.of)");
    }
}
