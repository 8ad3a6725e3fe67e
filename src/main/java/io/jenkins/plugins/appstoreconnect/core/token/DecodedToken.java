package io.jenkins.plugins.appstoreconnect.core.token;

import io.jenkins.plugins.appstoreconnect.core.json.Json;
import java.util.Map;

/**
 * A token split into its parts by {@link TokenLinter#decode(String)}: header and payload as parsed JSON
 * and as indented JSON text, and the raw signature. The signature is not checked here; see
 * {@link TokenLinter#violations(DecodedToken, java.time.Clock)} and
 * {@link TokenLinter#verifySignature(DecodedToken, java.security.interfaces.ECPublicKey)}.
 *
 * <p>Together the parts amount to the token, a secret: {@link #toString()} shows only the algorithm, key
 * ID and signature length.
 */
public final class DecodedToken {

    private final Map<String, Object> header;
    private final Map<String, Object> payload;
    private final byte[] signature;
    private final String signingInput;

    DecodedToken(Map<String, Object> header, Map<String, Object> payload, byte[] signature, String signingInput) {
        this.header = header;
        this.payload = payload;
        this.signature = signature;
        this.signingInput = signingInput;
    }

    /**
     * The header's members in document order (unmodifiable). Values are {@link String}, {@link Long},
     * {@link java.math.BigDecimal}, {@link Boolean}, {@code null}, unmodifiable {@link java.util.List} or {@link Map}.
     */
    public Map<String, Object> header() {
        return header;
    }

    /** The payload's claims in document order (unmodifiable); value types as for {@link #header()}. */
    public Map<String, Object> payload() {
        return payload;
    }

    /** The header as indented JSON. */
    public String headerJson() {
        return Json.pretty(header);
    }

    /** The payload as indented JSON. */
    public String payloadJson() {
        return Json.pretty(payload);
    }

    /** The decoded signature (a copy); 64 bytes {@code R||S} in a well-formed ES256 token. */
    public byte[] signature() {
        return signature.clone();
    }

    /** The signature's length in bytes. */
    public int signatureLength() {
        return signature.length;
    }

    /** The header's {@code kid} if it is a string, else {@code null}. */
    public String keyId() {
        Object kid = header.get("kid");
        return kid instanceof String ? (String) kid : null;
    }

    /** {@code header.payload} in its base64url form: the bytes the signature covers. */
    String signingInput() {
        return signingInput;
    }

    byte[] rawSignature() {
        return signature;
    }

    /** Redacted: algorithm, key ID and signature length only. */
    @Override
    public String toString() {
        return "DecodedToken[alg=" + Json.describe(header.get("alg")) + ", kid=" + Json.describe(header.get("kid"))
                + ", signature=" + signature.length + " bytes]";
    }
}
