package io.jenkins.plugins.appstoreconnect.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.token.TokenProfile;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.TokenParameters;
import io.jenkins.plugins.appstoreconnect.core.token.Tokens;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitApiTokenConfig;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitEnvironment;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitIds;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitSignInput;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsExpiry;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenType;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenValidity;
import io.jenkins.plugins.appstoreconnect.core.maps.PortalMapsToken;
import io.jenkins.plugins.appstoreconnect.core.token.MintedToken;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fuzz targets for the other Apple inputs: a Maps token from the developer portal with its restriction, validity and
 * dates ({@link PortalMapsToken}, expiry from the token's {@code exp} or the validity); CloudKit identifiers, API token
 * settings and sign inputs ({@link CloudKitIds}, {@link CloudKitApiTokenConfig}, {@link CloudKitSignInput}); and Apple
 * developer key token requests built from string parameters as a pipeline step or the CLI has them
 * ({@link TokenParameters#request}, {@link TokenParameters#requestForKey}). Inputs are lines of text (one field per
 * line). Only {@link InvalidInputException} may escape, with a message that passes {@link Fuzzing#checkMessage} and never
 * repeats a secret input (the Maps token, the CloudKit API token); an accepted value has the documented shape, and a
 * request that builds is minted with the fixed fuzzing key and checked by nimbus-jose-jwt (signature, {@code kid},
 * {@code iss}, lifetime within the profile's bounds). Seed inputs: {@code AppleInputsFuzzTestInputs/<target>/}.
 */
class AppleInputsFuzzTest {

    /** A fixed "now", so that a seed's verdict does not change with the date. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-06-15T12:00:00Z"), ZoneOffset.UTC);
    private static final Pattern CONTAINER = Pattern.compile("iCloud\\.[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");
    private static final Pattern SERVER_KEY_ID = Pattern.compile("[A-Za-z0-9]{8,128}");
    private static final Pattern ORIGIN = Pattern.compile("https?://[^/?#\\s]+");

    /**
     * A Maps token record: line 1 the token, 2 the type (index), 3 the domains, 4 the validity (index), 5 the expiry
     * date, 6 the creation date. {@code read} and {@code create} agree; an expiry comes from the token or the validity
     * as documented; {@code toString} and every message leave the token out.
     */
    @FuzzTest(maxDuration = "10s")
    void mapsToken(byte[] data) {
        List<String> f = fields(data, 6);
        input = new String(data, StandardCharsets.UTF_8);
        String token = f.get(0);
        MapsTokenType type = pick(MapsTokenType.values(), f.get(1));
        MapsTokenValidity validity = pick(MapsTokenValidity.values(), f.get(3));
        String secret = secret(token.strip().replaceFirst("^(?i)bearer ", ""), f.subList(1, 6));
        PortalMapsToken read = check(secret, () -> PortalMapsToken.read(token, type, f.get(2), validity, f.get(4), f.get(5)));
        PortalMapsToken created = check(secret, () -> PortalMapsToken.create(token, type, f.get(2), validity, f.get(4), f.get(5), CLOCK));
        if (read == null) {
            require(created == null, "create accepted what read refused");
            return;
        }
        notQuoted(secret, read.toString(), "toString()");
        require(!read.token().isEmpty() && read.token().chars().allMatch(c -> c > 0x20 && c < 0x7f), "token shape");
        require(read.type() == (type == null ? MapsTokenType.MAPKIT_JS : type), "type");
        for (String d : read.domains()) {
            require(!d.isEmpty() && d.chars().noneMatch(c -> c <= 0x20 || c == '/' || c == ','), "domain shape: " + d);
        }
        switch (read.expirySource()) {
            case NONE -> require(read.expiresAt().isEmpty() && read.validity() == MapsTokenValidity.NO_EXPIRATION, "no expiry");
            case VALIDITY -> require(read.expiresAt().isPresent() && read.validity() != MapsTokenValidity.NO_EXPIRATION, "validity expiry");
            case TOKEN -> require(read.expiresAt().isPresent() && read.token().chars().filter(c -> c == '.').count() == 2, "token expiry");
        }
        MapsExpiry.Status status = read.status(MapsExpiry.DEFAULT_WINDOW_DAYS, CLOCK);
        boolean expired = status == MapsExpiry.Status.EXPIRED;
        require(expired == read.expiresAt().map(e -> !CLOCK.instant().isBefore(e)).orElse(false), "status vs expiry");
        read.daysLeft(CLOCK).ifPresent(d -> require(expired == (d < 0), "days left " + d + " vs " + status));
        String usable = check(secret, () -> read.requireUsable(CLOCK));
        require(expired == (usable == null), "requireUsable vs status");
        if (created != null) {
            require(!expired, "create accepted an expired token");
            require(created.expiresAt().equals(read.expiresAt()) && created.domains().equals(read.domains()), "create and read differ");
        }
    }

    /**
     * CloudKit: the whole input as each identifier, then its lines as an API token configuration (container,
     * environment, token, callback URL, origins) and as a sign input (subpath, body, body file).
     */
    @FuzzTest(maxDuration = "10s")
    void cloudKit(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8);
        input = s;
        String container = check(null, () -> CloudKitIds.requireContainer(s));
        if (container != null) {
            require(CONTAINER.matcher(container).matches() && container.equals(s.strip()), "container shape: " + container);
        }
        String keyId = check(null, () -> CloudKitIds.requireServerKeyId(s));
        if (keyId != null) {
            require(SERVER_KEY_ID.matcher(keyId).matches(), "server key ID shape");
        }
        String apiToken = check(secret(s, List.of()), () -> CloudKitIds.requireApiToken(s));
        if (apiToken != null) {
            require(apiToken.equals(s.strip()) && apiToken.chars().allMatch(c -> c > 0x20 && c < 0x7f), "API token shape");
        }
        String callback = check(null, () -> CloudKitIds.optionalCallbackUrl(s));
        require(callback == null || callback.toLowerCase(java.util.Locale.ROOT).startsWith("http"), "callback URL (any case: a scheme is case-insensitive)");
        CloudKitEnvironment env = check(null, () -> CloudKitEnvironment.parse(s));
        require(env == null || env.pathSegment().startsWith(s.strip().toLowerCase(java.util.Locale.ROOT).substring(0, 3)), "environment");

        List<String> f = fields(data, 5);
        String token = f.get(2).strip();
        CloudKitApiTokenConfig config = check(secret(token, List.of(f.get(0), f.get(1), f.get(3), f.get(4))), () -> CloudKitApiTokenConfig.of(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4)));
        if (config != null) {
            notQuoted(secret(token, List.of(f.get(0), f.get(1), f.get(3), f.get(4))), config.toString(), "toString()");
            require(config.variables().get(CloudKitApiTokenConfig.TOKEN_VARIABLE).equals(token), "token variable");
            for (String o : config.allowedOrigins()) {
                require(ORIGIN.matcher(o).matches(), "origin shape: " + o);
            }
        }
        List<String> g = fields(data, 3);
        CloudKitSignInput in = check(null, () -> CloudKitSignInput.of(g.get(0), g.get(1), g.get(2)));
        if (in != null) {
            require(in.subpath().startsWith("/"), "subpath: " + in.subpath());
            if (in.fromFile()) {
                String file = in.bodyFile();
                require(g.get(1).isEmpty(), "body and body file both accepted");
                require(!file.startsWith("/") && !file.startsWith("\\") && !(file.length() > 1 && file.charAt(1) == ':'), "absolute: " + file);
                for (String segment : file.split("[/\\\\]")) {
                    require(!segment.equals(".."), "'..' accepted: " + file);
                }
            } else {
                require(new String(in.bodyBytes(), StandardCharsets.UTF_8).equals(g.get(1).isEmpty() ? "" : g.get(1)), "body bytes");
            }
        }
    }

    /**
     * An Apple developer key token request: line 1 the profile, then {@code name=value} lines. Built both ways (all
     * parameters; and for a stored key, with key ID and Team ID from the "credential"); one that builds is minted with
     * the fixed key and read back by nimbus-jose-jwt.
     */
    @FuzzTest(maxDuration = "10s")
    void appleRequest(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        input = text;
        String[] lines = text.split("\n", -1);
        String profile = lines[0];
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq > 0) {
                parameters.put(lines[i].substring(0, eq), lines[i].substring(eq + 1));
            }
        }
        TokenRequest request = check(null, () -> TokenParameters.request(profile, parameters));
        if (request != null) {
            checkMinted(request);
        }
        Map<String, String> build = new LinkedHashMap<>(parameters);
        build.remove("keyId");
        build.remove("teamId");
        TokenRequest forKey = check(null, () -> TokenParameters.requestForKey(profile, "ABC123DEFG", "DEF123GHIJ", build));
        if (forKey != null) {
            require(forKey.keyId().equals("ABC123DEFG"), "key ID from the credential");
            require(forKey.profile().usesTeamId() == "DEF123GHIJ".equals(forKey.teamId()), "Team ID only where the profile uses it");
            checkMinted(forKey);
        }
    }

    private static void checkMinted(TokenRequest r) {
        TokenProfile p = r.profile();
        require(r.lifetime().compareTo(p.minLifetime()) >= 0 && r.lifetime().compareTo(p.maxLifetime()) <= 0, "lifetime bounds");
        require((r.teamId() != null) == p.usesTeamId() && (r.issuerId() != null) == !p.usesTeamId(), "team or issuer");
        MintedToken t = Tokens.mint(Fuzzing.key(), r, CLOCK);
        require(!r.toString().contains(t.token()), "request toString holds the token");
        try {
            SignedJWT jwt = SignedJWT.parse(t.token());
            require(jwt.getHeader().getAlgorithm().equals(JWSAlgorithm.ES256), "alg");
            require(jwt.verify(new ECDSAVerifier(Fuzzing.key().publicKey())), "signature (nimbus)");
            require(r.keyId().equals(jwt.getHeader().getKeyID()), "kid");
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            require(claims.getIssuer().equals(p.usesTeamId() ? r.teamId() : r.issuerId()), "iss");
            if (p.hasExpiry()) {
                long life = (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000;
                require(life == r.lifetime().getSeconds(), "exp - iat = " + life + ", lifetime " + r.lifetime().getSeconds());
            } else {
                require(claims.getExpirationTime() == null, "an apns token with exp");
            }
        } catch (ParseException | com.nimbusds.jose.JOSEException e) {
            throw new AssertionError("nimbus cannot read a minted token", e);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The first {@code n - 1} lines and the rest; missing fields are empty. */
    private static List<String> fields(byte[] data, int n) {
        String[] parts = new String(data, StandardCharsets.UTF_8).split("\n", n);
        List<String> out = new ArrayList<>(List.of(parts));
        while (out.size() < n) {
            out.add("");
        }
        return out;
    }

    /** The constant at index {@code text} (mod length), {@code null} for a blank or non-numeric text. */
    private static <E> E pick(E[] values, String text) {
        try {
            return values[Math.floorMod(Integer.parseInt(text.strip()), values.length)];
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The input of the current run. The fixed key is not an input of these parsers, so a message can hold key material
     * only by quoting the input; a short input is quoted on purpose (a parameter name, an origin). The fuzzer does type
     * 16-character pieces of the key into such fields (it learns them from the check's own comparisons: findings
     * {@code key-window-typed-into-*}), so the check applies to inputs without key material.
     */
    private static String input = "";

    private static boolean holdsKeyMaterial(String text) {
        try {
            Fuzzing.assertNoKeyMaterial(text);
            return false;
        } catch (AssertionError e) {
            return true;
        }
    }

    private interface Call<T> {
        T get();
    }

    /**
     * The secret to look for in messages: the stripped input if it is at least 40 characters (longer than any run of
     * fixed text without a space in a message, so a hit is a quote, not a coincidence) and not part of another field
     * (whose own message may quote it); else {@code null}.
     */
    private static String secret(String input, List<String> otherFields) {
        String s = input.strip();
        if (s.length() < 40) {
            return null;
        }
        for (String o : otherFields) {
            if (o.contains(s)) {
                return null;
            }
        }
        return s;
    }

    /** The result, or null after checking the rejection; {@code secret} (see {@link #secret}) is never quoted. */
    private static <T> T check(String secret, Call<T> call) {
        try {
            return call.get();
        } catch (InvalidInputException e) {
            if (input.contains("(unexpected ") || input.contains("internal error")) {
                // a short input is quoted on purpose, so the marker words may come from it (seed internal-error-typed-*)
                require(e.getMessage() != null && !e.getMessage().isBlank(), "a rejection without a message");
            } else {
                Fuzzing.checkMessage(e);
            }
            notQuoted(secret, e.getMessage(), "message");
            if (!holdsKeyMaterial(input)) {
                Fuzzing.assertNoKeyMaterial(e.getMessage());
            }
            return null;
        }
    }

    private static void notQuoted(String secret, String text, String where) {
        if (secret != null && text.contains(secret)) {
            throw new AssertionError("the " + where + " repeats the secret input: " + text.replace(secret, "<SECRET>"));
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

}
