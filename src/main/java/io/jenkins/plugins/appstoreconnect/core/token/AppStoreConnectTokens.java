package io.jenkins.plugins.appstoreconnect.core.token;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.json.Json;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;
import io.jsonwebtoken.io.Serializer;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECField;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Mints App Store Connect API tokens: ES256 JWS with header {@code {"alg":"ES256","kid":...,"typ":"JWT"}}
 * and payload {@code iss} (team keys) or {@code sub: "user"} (individual keys), {@code iat}, {@code exp},
 * {@code aud} and, if requested, {@code scope}; see {@link AppStoreConnectTokenRequest} for the time
 * window. Signed with jjwt 0.11.5; the signature is the 64-byte {@code R||S} form JWS requires.
 */
public final class AppStoreConnectTokens {

    private static final ECParameterSpec P256 = p256();

    private AppStoreConnectTokens() {}

    /** jjwt writes the header and claims with our Jackson configuration (one mapper, not a service lookup per token). */
    private static final Serializer<Map<String, ?>> JSON = Json::bytes;

    /**
     * Signs a token for {@code request} with {@code key} at the current time of {@code clock}.
     *
     * @param key     the key's private half; must be on P-256 (secp256r1), else {@link InvalidInputException}
     * @param request what to put in the token
     * @param clock   the time source for {@code iat} and {@code exp} (truncated to whole seconds)
     * @return the token with its {@code kid}, {@code iat} and {@code exp}
     * @throws InvalidInputException if the key is not a usable P-256 private key
     */
    public static MintedToken mint(ECPrivateKey key, AppStoreConnectTokenRequest request, Clock clock) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(clock, "clock");
        checkP256(key);

        long now = Math.floorDiv(clock.millis(), 1000L);
        long iat = now - request.backdate().getSeconds();
        long exp = iat + request.lifetime().getSeconds();

        Map<String, Object> header = new LinkedHashMap<>(4);
        header.put("alg", "ES256");
        header.put("kid", request.keyId());
        header.put("typ", "JWT");

        JwtBuilder builder = Jwts.builder().serializeToJsonWith(JSON).setHeader(header);
        if (request.isIndividual()) {
            builder.claim("sub", "user");
        } else {
            builder.claim("iss", request.issuerId());
        }
        builder.claim("iat", iat).claim("exp", exp).claim("aud", request.audience().value());
        if (!request.scope().isEmpty()) {
            builder.claim("scope", request.scope());
        }
        String token;
        try {
            token = builder.signWith(key, SignatureAlgorithm.ES256).compact();
        } catch (JwtException e) {
            throw new InvalidInputException("could not sign an ES256 token with this key (" + e.getClass().getSimpleName()
                    + "); check that it is the App Store Connect API key's private key", e);
        }
        return new MintedToken(token, request.keyId(), Instant.ofEpochSecond(iat), Instant.ofEpochSecond(exp));
    }

    /**
     * Throws {@link InvalidInputException} unless {@code key} is on P-256 (secp256r1 / prime256v1), the only
     * curve ES256 and App Store Connect keys use, with a private scalar in range.
     */
    static void checkP256(ECPrivateKey key) {
        ECParameterSpec params = key.getParams();
        if (params == null) {
            throw new InvalidInputException("the private key has no curve parameters; an App Store Connect key is on P-256");
        }
        if (params != P256 && !sameCurve(params, P256)) {
            int bits = params.getOrder() == null ? 0 : params.getOrder().bitLength();
            throw new InvalidInputException("the private key is not on the P-256 curve (secp256r1) that ES256 and App Store "
                    + "Connect keys use" + (bits > 0 ? "; its curve has a " + bits + "-bit order" : ""));
        }
        BigInteger s = key.getS();
        if (s != null && (s.signum() <= 0 || s.compareTo(P256.getOrder()) >= 0)) {
            throw new InvalidInputException("the private key's scalar is out of range for P-256: the key is corrupt");
        }
    }

    private static boolean sameCurve(ECParameterSpec a, ECParameterSpec b) {
        EllipticCurve ca = a.getCurve();
        EllipticCurve cb = b.getCurve();
        if (ca == null) {
            return false;
        }
        ECField fa = ca.getField();
        if (!(fa instanceof ECFieldFp) || !((ECFieldFp) fa).getP().equals(((ECFieldFp) cb.getField()).getP())) {
            return false;
        }
        ECPoint ga = a.getGenerator();
        ECPoint gb = b.getGenerator();
        return ca.getA().equals(cb.getA())
                && ca.getB().equals(cb.getB())
                && ga != null
                && Objects.equals(ga.getAffineX(), gb.getAffineX())
                && Objects.equals(ga.getAffineY(), gb.getAffineY())
                && b.getOrder().equals(a.getOrder())
                && a.getCofactor() == b.getCofactor();
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
            ap.init(new ECGenParameterSpec("secp256r1"));
            return ap.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no P-256 (secp256r1) curve", e);
        }
    }
}
