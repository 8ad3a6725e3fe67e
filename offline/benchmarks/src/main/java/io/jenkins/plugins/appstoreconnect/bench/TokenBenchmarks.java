package io.jenkins.plugins.appstoreconnect.bench;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.Tokens;
import io.jenkins.plugins.appstoreconnect.core.token.MintedToken;
import io.jenkins.plugins.appstoreconnect.core.token.TokenCache;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One App Store Connect team-key token (ES256, header alg/kid/typ, claims iss/iat/exp/aud) made six ways.
 * Every way signs with a fresh {@link Signature} per token, as thread-safe code must. Average time per
 * operation, nanoseconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TokenBenchmarks {

    static final String KID = "ABCDE12345";
    static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";
    static final String AUD = "appstoreconnect-v1";
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private ECPrivateKey privateKey;
    private Clock clock;
    private TokenRequest request;
    private String rawHeader;
    private JWSHeader nimbusHeader;
    private ECDSASigner nimbusSigner;
    private Algorithm javaJwtAlgorithm;
    private TokenCache cache;
    private Supplier<MintedToken> cacheMinter;

    @Setup
    public void setUp() throws GeneralSecurityException, JOSEException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        privateKey = (ECPrivateKey) kp.getPrivate();
        clock = Clock.systemUTC();
        request = TokenRequest.team(KID, ISSUER);
        rawHeader = B64URL.encodeToString(("{\"alg\":\"ES256\",\"kid\":\"" + KID + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
        nimbusHeader = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KID).type(JOSEObjectType.JWT).build();
        nimbusSigner = new ECDSASigner(privateKey);
        javaJwtAlgorithm = Algorithm.ECDSA256((ECPublicKey) kp.getPublic(), privateKey);
        cache = new TokenCache(clock);
        ECPrivateKey key = privateKey;
        TokenRequest r = request;
        Clock c = clock;
        cacheMinter = () -> Tokens.mint(key, r, c);
        cache.get("fingerprint", request, cacheMinter); // warm entry: every call below is a hit
    }

    /** Ours: {@link Tokens#mint} (jjwt 0.11.5 with our Jackson JSON writer). */
    @Benchmark
    public String mint() {
        return Tokens.mint(privateKey, request, clock).token();
    }

    /** The floor: hand-built header and payload, {@code SHA256withECDSAinP1363Format}, base64url. */
    @Benchmark
    public String rawJca() throws GeneralSecurityException {
        long iat = Math.floorDiv(clock.millis(), 1000L) - 60;
        String payload = "{\"iss\":\"" + ISSUER + "\",\"iat\":" + iat + ",\"exp\":" + (iat + 1200) + ",\"aud\":\"" + AUD + "\"}";
        String input = rawHeader + "." + B64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initSign(privateKey);
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64URL.encodeToString(s.sign());
    }

    /** jjwt 0.11.5 used the usual way (Jackson found through the service loader). */
    @Benchmark
    public String jjwt() {
        long iat = Math.floorDiv(clock.millis(), 1000L) - 60;
        return Jwts.builder()
                .setHeaderParam("kid", KID)
                .setHeaderParam("typ", "JWT")
                .setIssuer(ISSUER)
                .setIssuedAt(new Date(iat * 1000))
                .setExpiration(new Date((iat + 1200) * 1000))
                .setAudience(AUD)
                .signWith(privateKey, SignatureAlgorithm.ES256)
                .compact();
    }

    /** nimbus-jose-jwt, signer made once. */
    @Benchmark
    public String nimbus() throws JOSEException {
        long iat = Math.floorDiv(clock.millis(), 1000L) - 60;
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .issueTime(new Date(iat * 1000))
                .expirationTime(new Date((iat + 1200) * 1000))
                .audience(AUD)
                .build();
        SignedJWT jwt = new SignedJWT(nimbusHeader, claims);
        jwt.sign(nimbusSigner);
        return jwt.serialize();
    }

    /** auth0 java-jwt, algorithm made once. */
    @Benchmark
    public String javaJwt() {
        long iat = Math.floorDiv(clock.millis(), 1000L) - 60;
        return JWT.create()
                .withKeyId(KID)
                .withHeader(Map.of("typ", "JWT"))
                .withIssuer(ISSUER)
                .withIssuedAt(new Date(iat * 1000))
                .withExpiresAt(new Date((iat + 1200) * 1000))
                .withAudience(AUD)
                .sign(javaJwtAlgorithm);
    }

    /** {@link TokenCache#get} for an entry holding a fresh token. */
    @Benchmark
    public MintedToken cacheHit() {
        return cache.get("fingerprint", request, cacheMinter);
    }
}
