package io.jenkins.plugins.appstoreconnect.core.token;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.json.Json;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;
import io.jsonwebtoken.io.Serializer;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Mints every Apple token: compact JWS, ES256 (the 64-byte {@code R||S} signature JWS requires), signed by jjwt,
 * with the header and claims of the request's {@link TokenProfile}, in the order listed there, written by
 * {@link Json}.
 *
 * <p>Time: {@code iat = now - backdate} and {@code exp = iat + lifetime} ({@link TokenRequest}). The returned
 * {@link MintedToken}'s {@code expiresAt} is {@code exp}; for APNs, which has no {@code exp}, it is the end of the
 * reuse window {@code iat + lifetime}.
 */
public final class Tokens {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    /** jjwt writes the header and claims with our Jackson configuration (one mapper, not a service lookup per token). */
    private static final Serializer<Map<String, ?>> JSON = Json::tokenBytes;

    private Tokens() {}

    /** Signs a token for {@code request} with a parsed (so validated P-256) key at the time of {@code clock}. */
    public static MintedToken mint(ParsedKey key, TokenRequest request, Clock clock) {
        Objects.requireNonNull(key, "key");
        return mint(key.privateKey(), request, clock);
    }

    /**
     * Signs a token for {@code request} with {@code key} at the time of {@code clock} (whole seconds).
     *
     * @throws InvalidInputException if the key is not a usable P-256 private key
     */
    public static MintedToken mint(ECPrivateKey key, TokenRequest request, Clock clock) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(clock, "clock");
        P256PrivateKeys.requireP256(key);
        long now = Math.floorDiv(clock.millis(), 1000L);
        long iat = now - request.backdate().getSeconds();
        long exp = iat + request.lifetime().getSeconds();

        JwtBuilder builder = Jwts.builder().serializeToJsonWith(JSON).setHeader(header(request));
        claims(request, iat, exp).forEach(builder::claim);
        String token;
        try {
            token = builder.signWith(key, SignatureAlgorithm.ES256).compact();
        } catch (JwtException e) {
            throw new InvalidInputException("could not sign an ES256 token with this key (" + e.getClass().getSimpleName()
                    + "); check that it is the " + (request.profile() == TokenProfile.APP_STORE_CONNECT
                            ? "App Store Connect API key's" : "developer key's") + " private key", e);
        }
        return new MintedToken(token, request.keyId(), Instant.ofEpochSecond(iat), Instant.ofEpochSecond(exp));
    }

    /**
     * The base64url header segment every token of {@code request} starts with, computed from the request: no token
     * is minted. The header holds only constants of the request ({@code alg}, {@code kid}, {@code typ}, WeatherKit's
     * {@code id}), never a time.
     */
    public static String headerSegment(TokenRequest request) {
        return B64URL.encodeToString(Json.write(header(request)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The header segment and the dot after it: the same for every token of the request, so a log masker given it
     * as a token prefix masks them all, now and later. Not a secret.
     */
    public static String maskPrefix(TokenRequest request) {
        return headerSegment(request) + ".";
    }

    private static Map<String, Object> header(TokenRequest request) {
        Map<String, Object> header = new LinkedHashMap<>(4);
        header.put("alg", "ES256");
        header.put("kid", request.keyId());
        switch (request.profile()) {
            case APP_STORE_CONNECT, MAPS, APP_STORE_SERVER -> header.put("typ", "JWT");
            case WEATHERKIT -> header.put("id", request.teamId() + "." + request.serviceId());
            case MUSICKIT, APNS, SIGN_IN_WITH_APPLE -> { }
        }
        return header;
    }

    private static Map<String, Object> claims(TokenRequest request, long iat, long exp) {
        Map<String, Object> claims = new LinkedHashMap<>(8);
        switch (request.profile()) {
            case APP_STORE_CONNECT -> {
                if (request.isIndividual()) {
                    claims.put("sub", "user");
                } else {
                    claims.put("iss", request.issuerId());
                }
                claims.put("iat", iat);
                claims.put("exp", exp);
                claims.put("aud", request.audience().value());
                if (!request.scope().isEmpty()) {
                    claims.put("scope", request.scope());
                }
            }
            case MAPS -> {
                claims.put("iss", request.teamId());
                claims.put("iat", iat);
                claims.put("exp", exp);
                if (!request.origins().isEmpty()) {
                    claims.put("origin", request.origins().get(0));
                }
                if (!request.scope().isEmpty()) {
                    claims.put("scope", String.join(" ", request.scope()));
                }
            }
            case WEATHERKIT -> {
                claims.put("iss", request.teamId());
                claims.put("iat", iat);
                claims.put("exp", exp);
                claims.put("sub", request.serviceId());
            }
            case MUSICKIT -> {
                claims.put("iss", request.teamId());
                claims.put("iat", iat);
                claims.put("exp", exp);
                if (!request.origins().isEmpty()) {
                    claims.put("origin", request.origins());
                }
            }
            case APNS -> {
                claims.put("iss", request.teamId());
                claims.put("iat", iat);
            }
            case SIGN_IN_WITH_APPLE -> {
                claims.put("iss", request.teamId());
                claims.put("iat", iat);
                claims.put("exp", exp);
                claims.put("aud", "https://appleid.apple.com");
                claims.put("sub", request.clientId());
            }
            case APP_STORE_SERVER -> {
                claims.put("iss", request.issuerId());
                claims.put("iat", iat);
                claims.put("exp", exp);
                claims.put("aud", Audience.STANDARD.value());
                claims.put("bid", request.bundleId());
            }
        }
        return claims;
    }
}
