package io.jenkins.plugins.appstoreconnect.core.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jenkins.plugins.appstoreconnect.MutableClock;
import io.jenkins.plugins.appstoreconnect.TestKeys;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Portal Maps tokens: expiry from the JWT (made by nimbus, as the portal would) or from the validity, days left, bad input. */
class PortalMapsTokenTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

    /** A token as the portal hands it out, signed by nimbus (not by our code). */
    private String portalJwt(Instant exp) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ABC123DEFG").build(),
                new JWTClaimsSet.Builder().issuer("DEF123GHIJ").issueTime(Date.from(clock.instant().minus(Duration.ofDays(1))))
                        .expirationTime(Date.from(exp)).build());
        jwt.sign(new ECDSASigner((ECPrivateKey) TestKeys.p256().getPrivate()));
        return jwt.serialize();
    }

    @Test
    void jwtExpiryWinsAndDaysLeftCountDown() throws Exception {
        Instant exp = clock.instant().plus(Duration.ofDays(20)).plus(Duration.ofHours(5));
        String jwt = portalJwt(exp);
        PortalMapsToken t = PortalMapsToken.create(jwt, MapsTokenType.MAPKIT_JS, "example.com, *.example.com",
                MapsTokenValidity.NO_EXPIRATION, null, null, clock);
        assertEquals(Optional.of(exp), t.expiresAt());
        assertEquals(PortalMapsToken.ExpirySource.TOKEN, t.expirySource());
        assertEquals(Optional.of(20L), t.daysLeft(clock));
        assertEquals(List.of("example.com", "*.example.com"), t.domains());
        assertEquals(MapsExpiry.Status.VALID, t.status(MapsExpiry.DEFAULT_WINDOW_DAYS, clock));
        clock.advance(Duration.ofDays(7));
        assertEquals(MapsExpiry.Status.EXPIRING_SOON, t.status(14, clock));
        assertEquals(Optional.of(13L), t.daysLeft(clock));
        clock.advance(Duration.ofDays(14));
        assertEquals(MapsExpiry.Status.EXPIRED, t.status(14, clock));
        assertEquals(Optional.of(-1L), t.daysLeft(clock));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> t.requireUsable(clock));
        assertTrue(e.getMessage().contains("expired on " + exp), e.getMessage());
        assertFalse(e.getMessage().contains(jwt.substring(0, 20)));
        assertFalse(t.toString().contains(jwt.substring(0, 20)));
    }

    @Test
    void validityGivesTheExpiryOfOpaqueTokens() {
        PortalMapsToken t = PortalMapsToken.create("opaque-token-1234", MapsTokenType.SERVER_API, "", MapsTokenValidity.DAYS_90,
                null, "2026-02-01", clock);
        assertEquals(Optional.of(Instant.parse("2026-05-02T00:00:00Z")), t.expiresAt());
        assertEquals(PortalMapsToken.ExpirySource.VALIDITY, t.expirySource());
        assertEquals(List.of(), t.domains());
        PortalMapsToken dated = PortalMapsToken.create("opaque", null, null, MapsTokenValidity.DATE, "2026-03-31", null, clock);
        assertEquals(Optional.of(Instant.parse("2026-04-01T00:00:00Z")), dated.expiresAt(), "valid through the chosen day (UTC)");
        assertEquals(MapsTokenType.MAPKIT_JS, dated.type());
        PortalMapsToken never = PortalMapsToken.create("opaque", MapsTokenType.WEB_SNAPSHOTS, null, null, null, null, clock);
        assertEquals(Optional.empty(), never.expiresAt());
        assertEquals(MapsExpiry.Status.NO_EXPIRY, never.status(14, clock));
        assertEquals("opaque", never.requireUsable(clock));
    }

    @Test
    void badInputGetsSpecificMessages() throws Exception {
        assertMessage("is in the past", () -> PortalMapsToken.create("t", MapsTokenType.MAPKIT_JS, "", MapsTokenValidity.DATE,
                "2026-02-28", null, clock));
        assertMessage("no expiry date is given", () -> PortalMapsToken.create("t", null, "", MapsTokenValidity.DATE, " ", null, clock));
        assertMessage("yyyy-MM-dd", () -> PortalMapsToken.create("t", null, "", MapsTokenValidity.DATE, "31.12.2026", null, clock));
        assertMessage("in the future", () -> PortalMapsToken.create("t", null, "", MapsTokenValidity.DAYS_30, null, "2026-03-02", clock));
        assertMessage("expired on 2026-03-01T00:00:00Z", () -> PortalMapsToken.create("t", null, "", MapsTokenValidity.DAYS_30,
                null, "2026-01-30", clock));
        assertMessage("(its exp claim)", () -> PortalMapsToken.create(portalJwt(clock.instant().minusSeconds(5)), null, "", null, null,
                null, clock));
        assertMessage("Maps token is missing", () -> PortalMapsToken.create(" ", null, "", null, null, null, clock));
        assertMessage("private key", () -> PortalMapsToken.create(TestKeys.pkcs8Pem(TestKeys.p256()), null, "", null, null, null, clock));
        assertMessage("domain 2 of the restriction is a URL", () -> PortalMapsToken.create("t", null, "example.com, https://x.example",
                null, null, null, clock));
        assertMessage("contains '_'", () -> PortalMapsToken.create("t", null, "ex_ample.com", null, null, null, clock));
        // a stored token that has since expired is read back (and reported), not refused
        PortalMapsToken old = PortalMapsToken.read("t", null, "", MapsTokenValidity.DAYS_30, null, "2025-01-01");
        assertEquals(MapsExpiry.Status.EXPIRED, old.status(14, clock));
    }

    /**
     * What a stored credential is built from never depends on when that happens: Configuration as Code builds it at
     * every start and for its export, so an expired token, a past date or a creation date ahead of the clock is kept
     * (and reported), and a duration without a creation date has no expiry rather than one counted from "today".
     */
    @Test
    void readingIsTheSameAtAnyTimeAndRefusesNothingStale() throws Exception {
        Clock start = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
        Clock years = Clock.fixed(Instant.parse("2029-12-31T23:59:00Z"), ZoneOffset.UTC);
        String expiredJwt = portalJwt(start.instant().minusSeconds(5));
        for (String[] row : new String[][] {
                {"opaque", "DAYS_30", "", "2025-01-01"}, {"opaque", "DATE", "2025-06-30", ""}, {expiredJwt, "NO_EXPIRATION", "", ""},
                {"opaque", "DAYS_180", "", ""}}) {
            MapsTokenValidity validity = MapsTokenValidity.valueOf(row[1]);
            PortalMapsToken first = PortalMapsToken.read(row[0], null, "", validity, row[2], row[3]);
            PortalMapsToken again = PortalMapsToken.read(row[0], null, "", validity, row[2], row[3]);
            assertEquals(first.expiresAt(), again.expiresAt(), String.join(",", row));
            assertEquals(first.createdOn(), again.createdOn(), String.join(",", row));
            assertTrue(first.status(14, years) != MapsExpiry.Status.VALID, "reported at use: " + String.join(",", row));
        }
        PortalMapsToken ahead = PortalMapsToken.read("opaque", null, "", MapsTokenValidity.DAYS_90, "", "2031-01-01");
        assertEquals(Optional.of(Instant.parse("2031-04-01T00:00:00Z")), ahead.expiresAt(), "a creation date ahead of the clock is kept");
        PortalMapsToken undated = PortalMapsToken.read("opaque", null, "", MapsTokenValidity.DAYS_180, "", "");
        assertEquals(Optional.empty(), undated.expiresAt(), "no creation date: no expiry counted from the day it is read");
        assertEquals(null, undated.createdOn());
        // the form (create) still says what is stale or missing
        assertMessage("no creation date", () -> PortalMapsToken.create("opaque", null, "", MapsTokenValidity.DAYS_180, "", "", start));
        assertMessage("in the future", () -> PortalMapsToken.create("opaque", null, "", MapsTokenValidity.DAYS_30, "", "2026-03-02", start));
    }

    @Test
    void windowDays() {
        assertEquals(14, MapsExpiry.windowDays(0));
        assertEquals(30, MapsExpiry.windowDays(30));
        assertMessage("at most 365", () -> MapsExpiry.windowDays(400));
    }

    interface Throwing {
        void run() throws Exception;
    }

    private static void assertMessage(String expected, Throwing r) {
        InvalidInputException e = assertThrows(InvalidInputException.class, r::run);
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }
}
