package io.jenkins.plugins.appstoreconnect.core.keys;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.Objects;

/**
 * A validated App Store Connect private key: on P-256, scalar in [1, n-1], embedded public key (if
 * any) consistent with it. Made by {@link P256PrivateKeys#parse(String)}; immutable.
 *
 * <p>{@link #toString()} shows only the encoding and the {@linkplain KeyFingerprint fingerprint}.
 * Two instances are {@linkplain #equals(Object) equal} when they hold the same key, whatever
 * encoding each was read from.
 */
public final class ParsedKey {

    private final ECPrivateKey privateKey;
    private final ECPublicKey publicKey;
    private final KeyEncoding encoding;
    private final String fingerprint;
    private final byte[] pkcs8Der;
    private final byte[] subjectPublicKeyInfo;

    ParsedKey(ECPrivateKey privateKey, ECPublicKey publicKey, KeyEncoding encoding, byte[] pkcs8Der) {
        this.privateKey = Objects.requireNonNull(privateKey);
        this.publicKey = Objects.requireNonNull(publicKey);
        this.encoding = Objects.requireNonNull(encoding);
        this.pkcs8Der = pkcs8Der.clone();
        this.subjectPublicKeyInfo = P256.subjectPublicKeyInfo(publicKey.getW());
        this.fingerprint = KeyFingerprint.ofSubjectPublicKeyInfo(subjectPublicKeyInfo);
    }

    /** The private key as a JDK (SunEC) key object, ready for {@code Signature.getInstance("SHA256withECDSA")}. */
    public ECPrivateKey privateKey() {
        return privateKey;
    }

    /** The public key, derived from the private scalar (never taken from the input). */
    public ECPublicKey publicKey() {
        return publicKey;
    }

    /** How the input was written. */
    public KeyEncoding encoding() {
        return encoding;
    }

    /** {@code SHA256:<base64 without padding>}; see {@link KeyFingerprint}. */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * The key as normalised PKCS#8 PEM: {@code -----BEGIN PRIVATE KEY-----}, base64 in 64-character
     * lines, {@code \n} line ends, a trailing newline; the DER laid out like App Store Connect's
     * {@code .p8} files. This is the form the plugin stores.
     */
    public String pkcs8Pem() {
        return pem("PRIVATE KEY", pkcs8Der);
    }

    /** The normalised PKCS#8 DER (a fresh copy on every call). */
    public byte[] pkcs8Der() {
        return pkcs8Der.clone();
    }

    /** The public key as {@code -----BEGIN PUBLIC KEY-----} PEM (X.509 SubjectPublicKeyInfo), same layout as {@link #pkcs8Pem()}. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", subjectPublicKeyInfo);
    }

    static String pem(String label, byte[] der) {
        String base64 = new String(Base64.getEncoder().encode(der), StandardCharsets.US_ASCII);
        StringBuilder out = new StringBuilder(base64.length() + base64.length() / 64 + 64);
        out.append("-----BEGIN ").append(label).append("-----\n");
        for (int i = 0; i < base64.length(); i += 64) {
            out.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
        }
        return out.append("-----END ").append(label).append("-----\n").toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParsedKey && ((ParsedKey) o).fingerprint.equals(fingerprint);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    /** Encoding and fingerprint only; never key material. */
    @Override
    public String toString() {
        return "ParsedKey[encoding=" + encoding + ", fingerprint=" + fingerprint + "]";
    }
}
