package io.jenkins.plugins.appstoreconnect.core.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.Objects;

/**
 * The fingerprint that identifies an App Store Connect key without revealing it:
 * {@code "SHA256:" + base64(SHA-256(SubjectPublicKeyInfo DER))}, standard base64 alphabet without
 * {@code =} padding (the style of OpenSSH fingerprints), e.g. {@code SHA256:n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg}.
 *
 * <p>The SubjectPublicKeyInfo is the one {@code openssl -pubout} writes for the key: algorithm
 * id-ecPublicKey, named curve prime256v1, uncompressed point. The fingerprint of a {@code .p8} file is
 * therefore reproduced by:
 *
 * <pre>
 * openssl pkey -in key.p8 -pubout -outform DER | openssl dgst -sha256 -binary | base64 | tr -d '='
 * </pre>
 *
 * The fingerprint depends only on the public key, so every encoding of the same private key has the
 * same fingerprint, and it is safe to show in logs and the UI.
 */
public final class KeyFingerprint {

    /** The prefix of every fingerprint. */
    public static final String PREFIX = "SHA256:";

    private KeyFingerprint() {}

    /**
     * The fingerprint of a public key. P-256 keys (from any provider) are hashed in the canonical
     * form described above; a key on another curve is hashed over its own {@link ECPublicKey#getEncoded()}.
     */
    public static String of(ECPublicKey publicKey) {
        Objects.requireNonNull(publicKey, "publicKey");
        byte[] spki;
        if (P256.isP256(publicKey.getParams())) {
            spki = P256.subjectPublicKeyInfo(publicKey.getW());
        } else {
            spki = publicKey.getEncoded();
            if (spki == null) {
                throw new IllegalArgumentException("The public key has no X.509 encoding");
            }
        }
        return ofSubjectPublicKeyInfo(spki);
    }

    static String ofSubjectPublicKeyInfo(byte[] spki) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(spki);
            return PREFIX + new String(Base64.getEncoder().withoutPadding().encode(digest), StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
