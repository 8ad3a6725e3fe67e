package io.jenkins.plugins.appstoreconnect.core.token;

import io.jenkins.plugins.appstoreconnect.core.json.Json;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.keys.AppleIds;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes an App Store Connect API token and checks it against Apple's rules ("Generating Tokens for API
 * Requests"). Decoding does not verify the signature; {@link #verifySignature(DecodedToken, ECPublicKey)}
 * does, given the public key.
 *
 * <p>{@link #decode(String)} throws only {@link InvalidInputException}, for any input, with a message that
 * names the part and the problem and never contains the token.
 *
 * <p>{@link #violations(DecodedToken, Clock)} checks: header {@code alg} "ES256", {@code kid} a 10-character
 * key ID, {@code typ} "JWT"; payload {@code aud} "appstoreconnect-v1" (the Enterprise Program's
 * "apple-developer-enterprise-v1" is accepted too), integer {@code iat} and {@code exp} in seconds with
 * {@code exp - iat} at most 1200 s, {@code iat} not more than {@value #CLOCK_SKEW_SECONDS} s in the future,
 * not expired; exactly one of the team shape ({@code iss} a UUID, no {@code sub}) and the individual shape
 * ({@code sub} "user", no {@code iss}); {@code scope}, if present, a non-empty array of
 * {@code "METHOD /path[?query]"} strings; a 64-byte signature.
 */
public final class TokenLinter {

    /** Tokens longer than this many characters are refused undecoded; real ones are a few hundred. */
    public static final int MAX_TOKEN_CHARS = 16 * 1024;
    /** How far in the future {@code iat} may be before it is reported. */
    public static final long CLOCK_SKEW_SECONDS = 60;

    private static final String[] PART_NAMES = {"header", "payload", "signature"};

    private TokenLinter() {}

    /**
     * Splits and decodes a compact JWS. Surrounding whitespace and an {@code "Bearer "} prefix are ignored.
     *
     * @throws InvalidInputException if {@code token} is null, empty, too long, not three base64url parts, or
     *                               its header or payload is not a UTF-8 JSON object
     */
    public static DecodedToken decode(String token) {
        if (token == null) {
            throw new InvalidInputException("no token given");
        }
        String t = token.strip();
        if (t.regionMatches(true, 0, "Bearer", 0, 6) && (t.length() == 6 || Character.isWhitespace(t.charAt(6)))) {
            t = t.substring(6).strip();
        }
        if (t.isEmpty()) {
            throw new InvalidInputException("the token is empty");
        }
        if (t.length() > MAX_TOKEN_CHARS) {
            throw new InvalidInputException("the token is " + t.length() + " characters long; App Store Connect tokens are a "
                    + "few hundred, and more than " + MAX_TOKEN_CHARS + " are not decoded");
        }
        int dot1 = t.indexOf('.');
        int dot2 = dot1 < 0 ? -1 : t.indexOf('.', dot1 + 1);
        if (dot1 < 0 || dot2 < 0 || t.indexOf('.', dot2 + 1) >= 0) {
            int parts = 1;
            for (int i = 0; i < t.length(); i++) {
                if (t.charAt(i) == '.') {
                    parts++;
                }
            }
            throw new InvalidInputException("a signed JWT has 3 parts separated by '.' (header.payload.signature); this has "
                    + parts + (parts == 5 ? " (an encrypted JWE, not a signed JWS)" : ""));
        }
        byte[] headerBytes = base64url(t, 0, dot1, 0);
        byte[] payloadBytes = base64url(t, dot1 + 1, dot2, 1);
        byte[] signature = base64url(t, dot2 + 1, t.length(), 2);
        Map<String, Object> header = jsonObject(headerBytes, "header");
        Map<String, Object> payload = jsonObject(payloadBytes, "payload");
        return new DecodedToken(header, payload, signature, t.substring(0, dot2));
    }

    private static byte[] base64url(String t, int from, int to, int part) {
        String name = PART_NAMES[part];
        if (from == to) {
            if (part == 2) {
                return new byte[0];
            }
            throw new InvalidInputException("the " + name + " part is empty");
        }
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                continue;
            }
            String where = "the " + name + " part has ";
            if (c == '+' || c == '/') {
                throw new InvalidInputException(where + "'" + c + "' at character " + (i - from + 1)
                        + ": that is standard base64, a JWT uses base64url ('-' and '_')");
            }
            if (c == '=') {
                throw new InvalidInputException(where + "'=' padding, which a JWT's base64url does not use");
            }
            throw new InvalidInputException(where + "a character that is not base64url at character " + (i - from + 1));
        }
        if ((to - from) % 4 == 1) {
            throw new InvalidInputException("the " + name + " part's length (" + (to - from)
                    + " characters) is not a possible base64url length: it has been cut or has extra characters");
        }
        try {
            return Base64.getUrlDecoder().decode(t.substring(from, to));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("the " + name + " part is not valid base64url");
        }
    }

    private static Map<String, Object> jsonObject(byte[] bytes, String what) {
        String text;
        try {
            CharBuffer cb = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            text = cb.toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("the " + what + " is not UTF-8 text");
        }
        Object v = Json.parse(text, what);
        if (!(v instanceof Map)) {
            throw new InvalidInputException("the " + what + " is JSON but not an object: it is " + Json.describe(v));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        return m;
    }

    /**
     * Apple's rules that {@code token} breaks at the time of {@code clock}, one sentence each, in a stable
     * order (header, payload, signature); empty if none. The sentences quote short claim values but never
     * the token.
     */
    public static List<String> violations(DecodedToken token, Clock clock) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(clock, "clock");
        List<String> v = new ArrayList<>();
        Map<String, Object> h = token.header();
        Map<String, Object> p = token.payload();

        // header
        if (!h.containsKey("alg")) {
            v.add("header has no alg; Apple requires \"ES256\"");
        } else if (!"ES256".equals(h.get("alg"))) {
            v.add("header alg is " + Json.describe(h.get("alg")) + "; Apple requires \"ES256\"");
        }
        if (!h.containsKey("kid")) {
            v.add("header has no kid; Apple requires the key's 10-character key ID");
        } else if (!(h.get("kid") instanceof String)) {
            v.add("header kid is " + Json.describe(h.get("kid")) + "; Apple requires the key's 10-character key ID as a string");
        } else {
            String problem = keyIdProblem((String) h.get("kid"));
            if (problem != null) {
                v.add("header kid is not a valid key ID: " + problem);
            }
        }
        if (!h.containsKey("typ")) {
            v.add("header has no typ; Apple requires \"JWT\"");
        } else if (!"JWT".equals(h.get("typ"))) {
            v.add("header typ is " + Json.describe(h.get("typ")) + "; Apple requires \"JWT\"");
        }

        // payload: audience
        if (!p.containsKey("aud")) {
            v.add("payload has no aud; Apple requires \"appstoreconnect-v1\"");
        } else {
            Object aud = p.get("aud");
            if (aud instanceof List) {
                v.add("payload aud is an array; Apple requires the string \"appstoreconnect-v1\"");
            } else if (!(aud instanceof String) || Audience.fromValue((String) aud) == null) {
                v.add("payload aud is " + Json.describe(aud) + "; Apple requires \"appstoreconnect-v1\" "
                        + "(\"apple-developer-enterprise-v1\" for the Enterprise Program)");
            }
        }

        // payload: time window
        Long iat = seconds(p, "iat", "the time it was issued", v);
        Long exp = seconds(p, "exp", "the time it expires", v);
        long now = Math.floorDiv(clock.millis(), 1000L);
        if (iat != null && exp != null) {
            long lifetime = exp - iat;
            if (exp <= iat) {
                v.add("payload exp is not after iat (exp - iat = " + lifetime + " s)");
            } else if (lifetime > TokenRequest.MAX_LIFETIME.getSeconds()) {
                v.add("token lifetime exp - iat is " + lifetime + " s; Apple rejects tokens valid for more than 20 minutes "
                        + "(1200 s), counting from iat");
            }
        }
        if (iat != null && iat > now + CLOCK_SKEW_SECONDS) {
            v.add("payload iat is " + (iat - now) + " s in the future (" + Instant.ofEpochSecond(iat) + "), more than "
                    + CLOCK_SKEW_SECONDS + " s of clock skew; Apple rejects tokens issued in the future");
        }
        if (exp != null && exp <= now) {
            v.add("the token has expired: exp " + Instant.ofEpochSecond(exp) + " is " + (now - exp) + " s ago");
        }

        // payload: team or individual key
        boolean hasIss = p.containsKey("iss");
        boolean hasSub = p.containsKey("sub");
        if (hasIss && hasSub) {
            v.add("payload has both iss and sub: a team key's token has iss (the issuer ID) and no sub, "
                    + "an individual key's token has sub \"user\" and no iss");
        } else if (!hasIss && !hasSub) {
            v.add("payload has neither iss (a team key's issuer ID) nor sub \"user\" (an individual key)");
        } else if (hasIss) {
            Object iss = p.get("iss");
            if (!(iss instanceof String) || !isUuid((String) iss)) {
                v.add("payload iss is " + Json.describe(iss) + "; a team key's token has the issuer ID, a UUID such as "
                        + "01234567-89ab-cdef-0123-456789abcdef");
            }
        } else if (!"user".equals(p.get("sub"))) {
            v.add("payload sub is " + Json.describe(p.get("sub")) + "; an individual key's token has sub \"user\"");
        }

        // payload: scope
        if (p.containsKey("scope")) {
            Object scope = p.get("scope");
            if (!(scope instanceof List)) {
                v.add("payload scope is " + Json.describe(scope) + "; it must be an array of strings such as "
                        + "[\"GET /v1/apps?filter[platform]=IOS\"]");
            } else if (((List<?>) scope).isEmpty()) {
                v.add("payload scope is an empty array; leave scope out for a token without restrictions");
            } else {
                List<?> entries = (List<?>) scope;
                for (int i = 0; i < entries.size(); i++) {
                    Object e = entries.get(i);
                    if (!(e instanceof String)) {
                        v.add("payload scope[" + i + "] is " + Json.describe(e) + ", not a string");
                    } else {
                        String problem = TokenRequest.scopeEntryProblem((String) e);
                        if (problem != null) {
                            v.add("payload scope[" + i + "] " + problem);
                        }
                    }
                }
            }
        }

        // signature
        byte[] sig = token.rawSignature();
        if (sig.length != 64) {
            v.add("signature is " + sig.length + " bytes; an ES256 signature is 64 bytes (R||S)"
                    + (sig.length >= 8 && sig.length <= 72 && (sig[0] & 0xff) == 0x30
                            ? ": this looks DER-encoded, which a JWS does not use" : ""));
        }
        return v;
    }

    private static Long seconds(Map<String, Object> p, String claim, String meaning, List<String> v) {
        if (!p.containsKey(claim)) {
            v.add("payload has no " + claim + "; Apple requires " + meaning + " in seconds since 1970");
            return null;
        }
        Object o = p.get(claim);
        if (!(o instanceof Long)) {
            v.add("payload " + claim + " is " + Json.describe(o) + ", not a whole number of seconds since 1970");
            return null;
        }
        long s = (Long) o;
        if (s > 100_000_000_000L) {
            v.add("payload " + claim + " is " + s + ", which looks like milliseconds; Apple requires seconds since 1970");
            return null;
        }
        if (s < 0) {
            v.add("payload " + claim + " is negative");
            return null;
        }
        return s;
    }

    /**
     * Checks the signature with {@code publicKey} (ES256: ECDSA P-256 with SHA-256 over {@code header.payload},
     * 64-byte {@code R||S}). False for a wrong signature, a signature of the wrong size, or a key that cannot
     * verify ES256.
     */
    public static boolean verifySignature(DecodedToken token, ECPublicKey publicKey) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(publicKey, "publicKey");
        byte[] sig = token.rawSignature();
        if (sig.length != 64) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(publicKey);
            verifier.update(token.signingInput().getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Why a token's {@code kid} is not a valid key ID (exactly 10 characters A-Z, 0-9), or {@code null}. */
    static String keyIdProblem(String keyId) {
        if (keyId == null || keyId.isEmpty()) {
            return "key ID is missing: it is the 10-character ID App Store Connect shows for the key "
                    + "(and the XXXXXXXXXX in AuthKey_XXXXXXXXXX.p8)";
        }
        if (keyId.length() != AppleIds.KEY_ID_LENGTH) {
            return "key ID must be exactly 10 characters (A-Z, 0-9); got " + keyId.length() + " characters";
        }
        for (int i = 0; i < keyId.length(); i++) {
            char c = keyId.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return "key ID must be 10 characters A-Z and 0-9; character " + (i + 1) + " is not"
                        + (c >= 'a' && c <= 'z' ? " (lower-case letters do not occur in Apple key IDs)" : "");
            }
        }
        return null;
    }

    /**
     * Whether {@code s} is a UUID in {@code 8-4-4-4-12} hex form, either case (as Apple writes issuer IDs). ASCII
     * hex digits only: {@link Character#digit(char, int)} would also accept other scripts' digits (fullwidth
     * {@code ０}, Arabic-Indic {@code ٣}), which Apple's issuer IDs never contain.
     */
    static boolean isUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
            } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }
}
