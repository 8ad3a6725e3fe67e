package io.jenkins.plugins.appstoreconnect.core.environment;

import io.jenkins.plugins.appstoreconnect.core.token.TokenSource;
import static io.jenkins.plugins.appstoreconnect.core.environment.BuildTestKeys.ISSUER;
import static io.jenkins.plugins.appstoreconnect.core.environment.BuildTestKeys.KID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jenkins.plugins.appstoreconnect.MutableClock;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.Tokens;
import io.jenkins.plugins.appstoreconnect.core.token.Audience;
import io.jenkins.plugins.appstoreconnect.core.token.TokenCache;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenOptionsTest {

    @Test
    void defaultsForATeamKey() {
        TokenRequest r = TokenOptions.request(KID, ISSUER, false, null, null);
        assertEquals(TokenRequest.team(KID, ISSUER), r);
    }

    @Test
    void optionsReachTheToken() throws Exception {
        TokenRequest r = TokenOptions.request(KID, null, true,
                Arrays.asList(" GET /v1/apps ", "", null, "POST /v1/builds"), 600);
        assertTrue(r.isIndividual());
        assertEquals(Audience.ENTERPRISE, r.audience());
        assertEquals(List.of("GET /v1/apps", "POST /v1/builds"), r.scope(), "blank entries dropped, entries stripped");
        assertEquals(Duration.ofSeconds(600), r.lifetime());

        MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));
        JWTClaimsSet claims = SignedJWT.parse(Tokens.mint(BuildTestKeys.key().privateKey(), r, clock).token())
                .getJWTClaimsSet();
        assertEquals(600, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000, "exp - iat");
        assertEquals("user", claims.getSubject());
        assertNull(claims.getIssuer());
        assertEquals(List.of("apple-developer-enterprise-v1"), claims.getAudience());
        assertEquals(List.of("GET /v1/apps", "POST /v1/builds"), claims.getStringListClaim("scope"));
    }

    @Test
    void lifetimeBounds() {
        assertEquals(361, TokenOptions.MIN_LIFETIME_SECONDS);
        assertEquals(1200, TokenOptions.MAX_LIFETIME_SECONDS);
        for (int bad : new int[] {0, -1, 60, 360, 1201, 3600}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> TokenOptions.request(KID, ISSUER, false, null, bad));
            assertTrue(e.getMessage().contains("361 to 1200 seconds") && e.getMessage().contains("got " + bad), e.getMessage());
        }
        // the shortest accepted lifetime still works with the plugin's cache (margin 5 min, backdate 60 s)
        TokenRequest shortest = TokenOptions.request(KID, ISSUER, false, null, 361);
        MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));
        TokenSource source = new TokenSource(new TokenCache(clock), BuildTestKeys.key(), shortest);
        assertTrue(source.token().remaining(clock).compareTo(TokenCache.DEFAULT_REFRESH_MARGIN) > 0);
    }

    @Test
    void badScopeAndIdsAreRejectedByName() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TokenOptions.request(KID, ISSUER, false, List.of("GET /v1/apps", "fetch everything"), null));
        assertTrue(e.getMessage().startsWith("scope[1]"), e.getMessage());
        assertFalse(e.getMessage().contains("fetch everything"), "the entry is not echoed");
        assertThrows(InvalidInputException.class, () -> TokenOptions.request("bad", ISSUER, false, null, null));
    }
}
