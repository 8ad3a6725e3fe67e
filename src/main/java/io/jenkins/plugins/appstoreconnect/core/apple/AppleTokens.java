package io.jenkins.plugins.appstoreconnect.core.apple;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.json.Json;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.token.MintedToken;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Mints the Team-ID-issued tokens of {@link AppleTokenProfile}: compact JWS, ES256 (ECDSA P-256 with SHA-256,
 * the 64-byte {@code R||S} signature JWS requires), header and claims exactly as the profile lists them and
 * in that order. The key is a {@link ParsedKey}, so it is a validated P-256 key.
 *
 * <p>Time: {@code iat = now - backdate} (60 s, none for APNs) and {@code exp = iat + lifetime}. The returned
 * {@link MintedToken}'s {@code expiresAt} is {@code exp}; for APNs, which has no {@code exp}, it is the end of the
 * reuse window {@code iat + lifetime}.
 */
public final class AppleTokens {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private AppleTokens() {}

    /** Signs a token for {@code request} with {@code key} at the time of {@code clock} (whole seconds). */
    public static MintedToken mint(ParsedKey key, AppleTokenRequest request, Clock clock) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(clock, "clock");
        AppleTokenProfile p = request.profile();
        long now = Math.floorDiv(clock.millis(), 1000L);
        long iat = now - p.backdate().getSeconds();
        long exp = iat + request.lifetime().getSeconds();

        List<Map.Entry<String, Object>> claims = new ArrayList<>();
        switch (p) {
            case MAPS -> {
                claims.add(Map.entry("iss", request.teamId()));
                claims.add(Map.entry("iat", iat));
                claims.add(Map.entry("exp", exp));
                if (!request.origins().isEmpty()) {
                    claims.add(Map.entry("origin", request.origins().get(0)));
                }
                if (request.scope() != null) {
                    claims.add(Map.entry("scope", request.scope()));
                }
            }
            case WEATHERKIT -> {
                claims.add(Map.entry("iss", request.teamId()));
                claims.add(Map.entry("iat", iat));
                claims.add(Map.entry("exp", exp));
                claims.add(Map.entry("sub", request.serviceId()));
            }
            case MUSICKIT -> {
                claims.add(Map.entry("iss", request.teamId()));
                claims.add(Map.entry("iat", iat));
                claims.add(Map.entry("exp", exp));
                if (!request.origins().isEmpty()) {
                    claims.add(Map.entry("origin", request.origins()));
                }
            }
            case APNS -> {
                claims.add(Map.entry("iss", request.teamId()));
                claims.add(Map.entry("iat", iat));
            }
            case SIGN_IN_WITH_APPLE -> {
                claims.add(Map.entry("iss", request.teamId()));
                claims.add(Map.entry("iat", iat));
                claims.add(Map.entry("exp", exp));
                claims.add(Map.entry("aud", "https://appleid.apple.com"));
                claims.add(Map.entry("sub", request.clientId()));
            }
            case APP_STORE_SERVER -> {
                claims.add(Map.entry("iss", request.issuerId()));
                claims.add(Map.entry("iat", iat));
                claims.add(Map.entry("exp", exp));
                claims.add(Map.entry("aud", "appstoreconnect-v1"));
                claims.add(Map.entry("bid", request.bundleId()));
            }
        }
        String signingInput = headerSegment(request) + "."
                + B64URL.encodeToString(json(claims).getBytes(StandardCharsets.UTF_8));
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(key.privateKey());
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new InvalidInputException("Could not sign an ES256 token with this key (" + e.getClass().getSimpleName() + ").");
        }
        return new MintedToken(signingInput + "." + B64URL.encodeToString(signature), request.keyId(),
                Instant.ofEpochSecond(iat), Instant.ofEpochSecond(exp));
    }

    /**
     * The first segment of every token of {@code request} (base64url of its JOSE header): {@code alg}, {@code kid},
     * and {@code typ} (Maps, App Store Server API) or WeatherKit's {@code id}. Only constants of the request, never
     * a time, so the same for every token of it. Not a secret.
     */
    public static String headerSegment(AppleTokenRequest request) {
        Objects.requireNonNull(request, "request");
        List<Map.Entry<String, Object>> header = new ArrayList<>(3);
        header.add(Map.entry("alg", "ES256"));
        header.add(Map.entry("kid", request.keyId()));
        switch (request.profile()) {
            case MAPS, APP_STORE_SERVER -> header.add(Map.entry("typ", "JWT"));
            case WEATHERKIT -> header.add(Map.entry("id", request.teamId() + "." + request.serviceId()));
            case MUSICKIT, APNS, SIGN_IN_WITH_APPLE -> { }
        }
        return B64URL.encodeToString(json(header).getBytes(StandardCharsets.UTF_8));
    }

    /** Compact JSON of an ordered list of members whose values are strings, longs or lists of strings. */
    static String json(List<Map.Entry<String, Object>> members) {
        Map<String, Object> json = new LinkedHashMap<>();
        members.forEach(m -> json.put(m.getKey(), m.getValue()));
        return Json.write(json);
    }
}
