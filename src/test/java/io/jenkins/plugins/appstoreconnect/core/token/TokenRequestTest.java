package io.jenkins.plugins.appstoreconnect.core.token;

import static io.jenkins.plugins.appstoreconnect.core.token.TestKeys.ISSUER;
import static io.jenkins.plugins.appstoreconnect.core.token.TestKeys.KID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenRequestTest {

    private static TokenRequest.Builder base() {
        return TokenRequest.builder().keyId(KID).issuerId(ISSUER);
    }

    private static String rejected(TokenRequest.Builder b) {
        return assertThrows(InvalidInputException.class, b::build).getMessage();
    }

    @Test
    void defaults() {
        TokenRequest r = TokenRequest.team(KID, ISSUER);
        assertEquals(KID, r.keyId());
        assertEquals(ISSUER, r.issuerId());
        assertFalse(r.isIndividual());
        assertEquals(List.of(), r.scope());
        assertEquals(Duration.ofSeconds(1200), r.lifetime());
        assertEquals(Duration.ofSeconds(60), r.backdate());
        assertEquals(Duration.ofSeconds(1140), r.validityAfterMint());
        assertEquals(Audience.STANDARD, r.audience());
        assertEquals("appstoreconnect-v1", r.audience().value());
        assertEquals("apple-developer-enterprise-v1", Audience.ENTERPRISE.value());
    }

    @Test
    void individualHasNoIssuer() {
        TokenRequest r = TokenRequest.individual(KID);
        assertTrue(r.isIndividual());
        assertNull(r.issuerId());
    }

    @Test
    void teamFactoryNeedsIssuer() {
        String m = assertThrows(InvalidInputException.class, () -> TokenRequest.team(KID, null)).getMessage();
        assertTrue(m.contains("issuer ID is missing"), m);
    }

    @Test
    void issuerIsNormalisedToLowerCase() {
        TokenRequest r = base().issuerId(ISSUER.toUpperCase()).build();
        assertEquals(ISSUER, r.issuerId());
        assertEquals(base().build(), r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "57246542-96fe-1a63-e053-0824d011072", "57246542-96fe-1a63-e053-0824d011072a0",
        "57246542_96fe_1a63_e053_0824d011072a", "g7246542-96fe-1a63-e053-0824d011072a", "ABCDE12345"})
    void badIssuerIds(String issuer) {
        String m = rejected(base().issuerId(issuer));
        assertTrue(m.startsWith("The issuer ID "), m);
        if (!issuer.isBlank()) {
            assertFalse(m.contains(issuer.strip()), "message must not echo the input: " + m);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ABCDE1234   | has 9 characters; App Store Connect key IDs have exactly 10",
        "ABCDE123456 | has 11 characters; App Store Connect key IDs have exactly 10",
        "ABCDE-2345  | at position 6",
        "ABCDE 2345  | at position 6",
        "ABCDÉ12345  | at position 5",
    })
    void badKeyIds(String keyId, String expected) {
        String m = rejected(base().keyId(keyId.strip()));
        assertTrue(m.contains(expected), m);
        assertFalse(m.contains(keyId.strip()), "message must not echo the input: " + m);
    }

    @Test
    void missingKeyId() {
        assertTrue(rejected(base().keyId(null)).startsWith("The key ID is empty"));
        assertTrue(rejected(base().keyId("")).startsWith("The key ID is empty"));
    }

    @Test
    void idsAreNormalisedLikeTheCredentialForm() {
        TokenRequest r = base().keyId(" abcde12345 ").issuerId("5724654296FE1A63E0530824D011072A").build();
        assertEquals("ABCDE12345", r.keyId());
        assertEquals("57246542-96fe-1a63-e053-0824d011072a", r.issuerId());
    }

    @Test
    void goodScope() {
        List<String> scope = List.of("GET /v1/apps?filter[platform]=IOS", "POST /v1/builds", "PATCH /v1/apps/123",
                "DELETE /v1/users/abc", "GET /v1/salesReports?filter[frequency]=DAILY&filter[reportType]=SALES");
        TokenRequest r = base().scope(scope).build();
        assertEquals(scope, r.scope());
        assertThrows(UnsupportedOperationException.class, () -> r.scope().add("GET /x"));
    }

    @Test
    void scopeIsCopied() {
        List<String> scope = new ArrayList<>(List.of("GET /v1/apps"));
        TokenRequest.Builder b = base().scope(scope);
        scope.add("not a scope");
        TokenRequest r = b.build();
        assertEquals(List.of("GET /v1/apps"), r.scope());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                          | it is empty",
        "GET                         | no space between the HTTP method and the path",
        "get /v1/apps                | not one of the HTTP methods",
        "FETCH /v1/apps              | not one of the HTTP methods",
        "GET v1/apps                 | must start with '/'",
        "'GET '                      | must start with '/'",
        "'GET  /v1/apps'             | must start with '/'",
        "'GET /v1/apps HTTP/1.1'     | character 13 is whitespace",
        "GET /v1/äpps                | character 9 is not ASCII",
        "GET /v1/apps#x              | is '#'",
    })
    void badScopeEntryNamesItsIndex(String entry, String expected) {
        String m = rejected(base().scope("GET /v1/apps", entry));
        assertTrue(m.startsWith("scope[1] must look like \"GET /v1/apps?filter[platform]=IOS\""), m);
        assertTrue(m.contains(expected), m);
    }

    @Test
    void nullScopeEntry() {
        String m = rejected(base().scope(Arrays.asList("GET /v1/apps", "GET /v1/builds", null)));
        assertTrue(m.startsWith("scope[2] ") && m.endsWith("it is null"), m);
    }

    @Test
    void emptyOrNullScopeMeansNone() {
        assertEquals(List.of(), base().scope(List.of()).build().scope());
        assertEquals(List.of(), base().scope((List<String>) null).build().scope());
    }

    @Test
    void lifetimeBoundaries() {
        assertEquals(Duration.ofSeconds(1200), base().lifetime(Duration.ofMinutes(20)).build().lifetime());
        assertEquals(Duration.ofSeconds(61), base().lifetime(Duration.ofSeconds(61)).build().lifetime());
        String m = rejected(base().lifetime(Duration.ofSeconds(1201)));
        assertTrue(m.contains("1201 s") && m.contains("Apple's 20-minute limit (1200 s)") && m.contains("60 s backdate"), m);
        // fastlane's historical 1260 s tokens
        m = rejected(base().lifetime(Duration.ofSeconds(1260)));
        assertTrue(m.contains("1260 s"), m);
        assertTrue(rejected(base().lifetime(Duration.ZERO)).contains("must be positive"));
        assertTrue(rejected(base().lifetime(Duration.ofSeconds(-5))).contains("must be positive"));
        assertTrue(rejected(base().lifetime(Duration.ofMillis(600_500))).contains("whole number of seconds"));
    }

    @Test
    void backdateBoundaries() {
        TokenRequest zero = base().backdate(Duration.ZERO).build();
        assertEquals(Duration.ZERO, zero.backdate());
        assertEquals(Duration.ofSeconds(1200), zero.validityAfterMint());
        // backdate one second shorter than the lifetime: valid for 1 s after minting
        TokenRequest tight = base().lifetime(Duration.ofSeconds(300)).backdate(Duration.ofSeconds(299)).build();
        assertEquals(Duration.ofSeconds(1), tight.validityAfterMint());
        String m = rejected(base().lifetime(Duration.ofSeconds(300)).backdate(Duration.ofSeconds(300)));
        assertTrue(m.contains("backdate (300 s) must be shorter than the token lifetime (300 s)"), m);
        assertTrue(rejected(base().backdate(Duration.ofSeconds(-1))).contains("must not be negative"));
        assertTrue(rejected(base().backdate(Duration.ofMillis(1500))).contains("whole number of seconds"));
        // the backdate counts inside the 1200 s: a big backdate does not buy a longer total window
        assertTrue(rejected(base().backdate(Duration.ofSeconds(120)).lifetime(Duration.ofSeconds(1260))).contains("1260 s"));
    }

    @Test
    void equalsHashCodeAndToBuilder() {
        TokenRequest a = base().scope("GET /v1/apps").audience(Audience.ENTERPRISE).build();
        TokenRequest b = a.toBuilder().build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, a.toBuilder().scope("GET /v1/builds").build());
        assertNotEquals(a, a.toBuilder().audience(Audience.STANDARD).build());
        assertNotEquals(a, a.toBuilder().issuerId(null).build());
        assertNotEquals(a, a.toBuilder().lifetime(Duration.ofSeconds(600)).build());
        assertNotEquals(a, a.toBuilder().backdate(Duration.ofSeconds(30)).build());
        assertNotEquals(a, a.toBuilder().keyId("ZZZZZ99999").build());
    }

    @Test
    void toStringShowsIdentifiersOnly() {
        String s = base().scope("GET /v1/apps").build().toString();
        assertTrue(s.contains(KID) && s.contains(ISSUER) && s.contains("1 entries") && s.contains("lifetime=1200s"), s);
    }
}
