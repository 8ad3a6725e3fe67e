package io.jenkins.plugins.appstoreconnect.core.token;

import io.jenkins.plugins.appstoreconnect.core.json.Json;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.fuzz.Fuzzing;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Fuzz targets for the token decoder and linter ({@link TokenLinter}, {@link DecodedToken}) and our strict JSON
 * configuration ({@link Json}, Jackson with duplicate, trailing-text and depth checks). Rules: {@link Fuzzing}. Oracles:
 * a Jackson mapper with its own strict settings for JSON (what our configuration adds must only refuse, never change a value),
 * Apple's written rules for the linter, and our own minter (every token it makes must lint clean and verify).
 */
class TokenDecoderFuzzTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-06-01T12:00:00Z"), ZoneOffset.UTC);
    private static final Pattern KEY_ID = Pattern.compile("[A-Z0-9]{10}");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern NON_ASCII_HEX_ESCAPE = Pattern.compile("\\\\u[\\x00-\\x7F]{0,3}[^\\x00-\\x7F]");
    private static final Pattern BASE64URL_RUN = Pattern.compile("[A-Za-z0-9_-]{24,}");
    private static final ObjectMapper JACKSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Any text as a token: decoding rejects it with an {@link InvalidInputException} or yields parts the linter can judge. */
    @FuzzTest(maxDuration = "10s")
    void decodeAndLint(byte[] data) {
        String token = new String(data, StandardCharsets.UTF_8);
        DecodedToken d;
        try {
            d = TokenLinter.decode(token);
        } catch (InvalidInputException e) {
            Fuzzing.checkMessage(e);
            var run = BASE64URL_RUN.matcher(token);
            while (run.find()) { // messages name parts and offsets, never the token's text
                if (e.getMessage().contains(run.group().substring(0, 24))) {
                    throw new AssertionError("the message quotes the token: " + e.getMessage());
                }
            }
            return;
        }
        lintAll(d);
    }

    /**
     * Tokens built from fuzzed claims (so the linter sees every kind of value, not just what survives base64url):
     * decoding gives back exactly the claims, and each rule the linter does not report must really hold.
     */
    @FuzzTest(maxDuration = "10s")
    void structuredToken(FuzzedDataProvider data) {
        if (data.consumeInt(0, 7) == 0) {
            mintedTokensLintClean(data);
            return;
        }
        Map<String, Object> header = claims(data, new String[] {"alg", "kid", "typ", "x5c", "crit"});
        Map<String, Object> payload = claims(data, new String[] {"iss", "sub", "iat", "exp", "aud", "scope", "nbf"});
        byte[] signature = data.consumeBytes(data.consumeInt(0, 80));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String token = b64.encodeToString(Json.bytes(header)) + "."
                + b64.encodeToString(Json.bytes(payload)) + "." + b64.encodeToString(signature);
        if (token.length() > TokenLinter.MAX_TOKEN_CHARS) {
            return;
        }
        DecodedToken d = TokenLinter.decode(token); // must not throw: the parts are valid base64url of JSON objects
        if (!d.header().equals(header) || !d.payload().equals(payload)) {
            throw new AssertionError("decoding changed the claims: " + header + " " + payload + " -> " + d.header() + " " + d.payload());
        }
        List<String> v = lintAll(d);
        if (none(v, "header alg", "header has no alg") && !"ES256".equals(header.get("alg"))) {
            throw new AssertionError("alg not reported: " + header.get("alg"));
        }
        if (none(v, "header kid", "header has no kid") && !(header.get("kid") instanceof String && KEY_ID.matcher((String) header.get("kid")).matches())) {
            throw new AssertionError("kid not reported: " + header.get("kid"));
        }
        if (none(v, "header typ", "header has no typ") && !"JWT".equals(header.get("typ"))) {
            throw new AssertionError("typ not reported: " + header.get("typ"));
        }
        Object aud = payload.get("aud");
        if (none(v, "payload aud", "payload has no aud") && !("appstoreconnect-v1".equals(aud) || "apple-developer-enterprise-v1".equals(aud))) {
            throw new AssertionError("aud not reported: " + aud);
        }
        boolean shapeOk = none(v, "payload has both iss and sub", "payload has neither", "payload iss", "payload sub");
        if (shapeOk) {
            Object iss = payload.get("iss");
            Object sub = payload.get("sub");
            boolean team = iss instanceof String && UUID.matcher((String) iss).matches() && !payload.containsKey("sub");
            boolean individual = "user".equals(sub) && !payload.containsKey("iss");
            if (!team && !individual) {
                throw new AssertionError("iss/sub not reported: iss=" + iss + " sub=" + sub);
            }
        }
        Object iat = payload.get("iat");
        Object exp = payload.get("exp");
        if (none(v, "payload iat", "payload has no iat", "payload exp", "payload has no exp", "token lifetime", "the token has expired")) {
            long now = CLOCK.instant().getEpochSecond();
            if (!(iat instanceof Long && exp instanceof Long) || (Long) exp <= (Long) iat || (Long) exp - (Long) iat > 1200
                    || (Long) exp <= now || (Long) iat > now + TokenLinter.CLOCK_SKEW_SECONDS) {
                throw new AssertionError("time window not reported: iat=" + iat + " exp=" + exp);
            }
        }
        if (none(v, "signature is") && signature.length != 64) {
            throw new AssertionError("signature length not reported: " + signature.length);
        }
    }

    /** Any text as JSON: our strict reader and Jackson (strict) agree on what is JSON and what it means. */
    @FuzzTest(maxDuration = "10s")
    void jsonReader(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        Object ours;
        try {
            ours = Json.parse(text, "payload");
        } catch (InvalidInputException e) {
            Fuzzing.checkMessage(e);
            ours = e;
        }
        if (!(ours instanceof InvalidInputException)) {
            Object again = Json.parse(Json.pretty(ours), "payload");
            if (!Objects.equals(again, ours)) {
                throw new AssertionError("pretty() does not read back: " + ours + " -> " + again);
            }
        }
        if (text.length() > 900) {
            return; // newer Jackson versions limit number lengths; keep the comparison to where both are unlimited
        }
        if (NON_ASCII_HEX_ESCAPE.matcher(text).find()) {
            return; // older Jacksons read the low 7 bits of any character as a hex digit (U+0663 as c); RFC 8259 says ASCII
        }
        JsonNode theirs;
        try {
            theirs = JACKSON.readTree(text);
            if (theirs == null || theirs.isMissingNode()) {
                theirs = null;
            }
        } catch (Exception e) {
            theirs = null;
        }
        if (ours instanceof InvalidInputException) {
            String why = ((InvalidInputException) ours).getMessage();
            // we refuse nesting beyond 20 and numbers BigDecimal cannot hold (an exponent beyond an int); Jackson reads
            // the first and turns the second into an infinite double
            if (theirs != null && depth(theirs) <= Json.MAX_DEPTH && !why.contains("nested deeper") && !why.contains("number out of range")) {
                throw new AssertionError("Jackson reads it, we do not: " + ((InvalidInputException) ours).getMessage());
            }
        } else {
            if (theirs == null) {
                throw new AssertionError("we read it, Jackson does not: " + ours);
            }
            if (!sameValue(ours, theirs)) {
                throw new AssertionError("we read " + ours + ", Jackson " + theirs);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void mintedTokensLintClean(FuzzedDataProvider data) {
        ParsedKey key = Fuzzing.key();
        TokenRequest.Builder b = TokenRequest.builder()
                .keyId(keyId(data));
        if (data.consumeBoolean()) {
            b.issuerId(data.consumeBoolean() ? "57246542-96fe-1a63-e053-0824d011072a" : data.consumeString(40));
        }
        List<String> scope = new ArrayList<>();
        for (int n = data.consumeInt(0, 3); n > 0; n--) {
            scope.add(data.consumeBoolean() ? pick(data, "GET", "POST", "PATCH", "DELETE") + " /v1/" + data.consumeAsciiString(20)
                    : data.consumeString(30));
        }
        b.scope(scope).audience(data.consumeBoolean() ? Audience.STANDARD : Audience.ENTERPRISE);
        long lifetime = data.consumeBoolean() ? data.consumeLong(1, 1200) : data.consumeLong(-5, 1300);
        long backdate = data.consumeBoolean() ? data.consumeLong(0, 120) : data.consumeLong(-5, 1300);
        b.lifetime(Duration.ofSeconds(lifetime)).backdate(Duration.ofSeconds(backdate));
        TokenRequest request;
        try {
            request = b.build();
        } catch (InvalidInputException e) {
            Fuzzing.checkMessage(e);
            return;
        }
        MintedToken t = Tokens.mint(key.privateKey(), request, CLOCK);
        DecodedToken d = TokenLinter.decode(t.token());
        List<String> v = TokenLinter.violations(d, CLOCK);
        if (!v.isEmpty() || !TokenLinter.verifySignature(d, key.publicKey())) {
            throw new AssertionError("a token we minted breaks Apple's rules: " + v + " for " + request);
        }
        if (t.toString().contains(t.token()) || d.toString().contains(t.token().substring(t.token().lastIndexOf('.') + 1))) {
            throw new AssertionError("toString() shows the token");
        }
    }

    private static List<String> lintAll(DecodedToken d) {
        List<String> v = TokenLinter.violations(d, CLOCK);
        d.headerJson();
        d.payloadJson();
        d.keyId();
        String s = d.toString();
        if (d.signatureLength() >= 12) {
            String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(d.signature());
            if (s.contains(sig.substring(0, 16))) {
                throw new AssertionError("toString() shows the signature");
            }
        }
        TokenLinter.verifySignature(d, Fuzzing.key().publicKey());
        return v;
    }

    private static boolean none(List<String> violations, String... prefixes) {
        for (String v : violations) {
            for (String p : prefixes) {
                if (v.startsWith(p)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Map<String, Object> claims(FuzzedDataProvider data, String[] names) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int n = data.consumeInt(0, names.length + 1); n > 0; n--) {
            String name = data.consumeInt(0, 5) == 0 ? text(data, 8) : names[data.consumeInt(0, names.length - 1)];
            m.put(name, value(data, 0));
        }
        return m;
    }

    private static Object value(FuzzedDataProvider data, int depth) {
        switch (data.consumeInt(0, depth < 3 ? 9 : 6)) {
            case 0: return null;
            case 1: return data.consumeBoolean();
            case 2: return data.consumeLong();
            case 3: return CLOCK.instant().getEpochSecond() + data.consumeLong(-3000, 3000);
            case 4: return pick(data, "ES256", "JWT", "appstoreconnect-v1", "apple-developer-enterprise-v1", "user",
                    "2X9R4HXF34", "57246542-96fe-1a63-e053-0824d011072a", "GET /v1/apps", "HS256", "none");
            case 5:
            case 6: return text(data, 48);
            case 7:
            case 8: {
                List<Object> l = new ArrayList<>();
                for (int n = data.consumeInt(0, 3); n > 0; n--) {
                    l.add(value(data, depth + 1));
                }
                return java.util.Collections.unmodifiableList(l);
            }
            default: {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int n = data.consumeInt(0, 3); n > 0; n--) {
                    m.put(text(data, 6), value(data, depth + 1));
                }
                return m;
            }
        }
    }

    /** Fuzzed text that survives UTF-8 (an unpaired surrogate would turn into '?' and change the claim). */
    private static String text(FuzzedDataProvider data, int max) {
        String s = data.consumeString(max);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else {
                sb.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }

    private static String keyId(FuzzedDataProvider data) {
        if (data.consumeInt(0, 4) == 0) {
            return data.consumeString(12);
        }
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            sb.append(alphabet.charAt(data.consumeInt(0, alphabet.length() - 1)));
        }
        return sb.toString();
    }

    private static String pick(FuzzedDataProvider data, String... options) {
        return options[data.consumeInt(0, options.length - 1)];
    }

    private static int depth(JsonNode n) {
        int max = 0;
        for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
            max = Math.max(max, depth(it.next()));
        }
        return n.isContainerNode() ? max + 1 : 0;
    }

    private static boolean sameValue(Object ours, JsonNode theirs) {
        if (ours == null) {
            return theirs.isNull();
        }
        if (ours instanceof String) {
            return theirs.isTextual() && theirs.textValue().equals(ours);
        }
        if (ours instanceof Boolean) {
            return theirs.isBoolean() && theirs.booleanValue() == (Boolean) ours;
        }
        if (ours instanceof Long || ours instanceof BigDecimal) {
            BigDecimal a = ours instanceof Long ? BigDecimal.valueOf((Long) ours) : (BigDecimal) ours;
            if (theirs.isDouble() && !Double.isFinite(theirs.doubleValue())) {
                // Jackson 2.12 gives a double for floats beyond double's range even when asked for BigDecimal
                return a.doubleValue() == theirs.doubleValue();
            }
            return theirs.isNumber() && a.compareTo(theirs.decimalValue()) == 0;
        }
        if (ours instanceof List) {
            List<?> l = (List<?>) ours;
            if (!theirs.isArray() || theirs.size() != l.size()) {
                return false;
            }
            for (int i = 0; i < l.size(); i++) {
                if (!sameValue(l.get(i), theirs.get(i))) {
                    return false;
                }
            }
            return true;
        }
        Map<?, ?> m = (Map<?, ?>) ours;
        if (!theirs.isObject() || theirs.size() != m.size()) {
            return false;
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            JsonNode t = theirs.get((String) e.getKey());
            if (t == null || !sameValue(e.getValue(), t)) {
                return false;
            }
        }
        return true;
    }
}
