package io.jenkins.plugins.appstoreconnect.credentials;

import io.jenkins.plugins.appstoreconnect.TestKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import hudson.model.Descriptor.FormException;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitEnvironment;
import io.jenkins.plugins.appstoreconnect.core.keys.KeyEncoding;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenType;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenValidity;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four credential types as data binding builds them: normalised, bad input refused with a specific message. */
class AppleCredentialsTest {

    private static final String TEAM = "DEF123GHIJ";
    private static final String CK_KEY_ID = "a5cf1b2c3d4e5f60718293a4b5c6d7e8";
    private static final String CK_TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private final KeyPair pair = TestKeys.p256();
    private final String pem = TestKeys.pkcs8Pem(pair);

    /** A SEC1 PEM of the same key, naming its curve, as {@code openssl ecparam -genkey -noout} writes it. */
    private String sec1Pem() {
        try {
            java.math.BigInteger d = ((ECPrivateKey) pair.getPrivate()).getS();
            byte[] der = new org.bouncycastle.asn1.sec.ECPrivateKey(256, d,
                    new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.840.10045.3.1.7")).getEncoded();
            return "-----BEGIN EC PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(der) + "\n-----END EC PRIVATE KEY-----\n";
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private String jwtExpiringIn(Duration d) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ABC123DEFG").build(),
                new JWTClaimsSet.Builder().issuer(TEAM).issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(d))).build());
        jwt.sign(new ECDSASigner((ECPrivateKey) pair.getPrivate()));
        return jwt.serialize();
    }

    /** A constructor refuses with a form error that names the field and says what is wrong (never the secret). */
    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable constructor) {
        FormException e = assertThrows(FormException.class, constructor);
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        assertTrue(e.getFormField() != null && !e.getFormField().isBlank(), "the field is named: " + e.getMessage());
    }

    @Test
    void developerKeyIsNormalisedAndNamed() throws Exception {
        AppleDeveloperKeyImpl k = new AppleDeveloperKeyImpl(CredentialsScope.GLOBAL, "dev", "", " def123ghij ", "abc123defg",
                Secret.fromString(pem.replace("\n", "\\n")));
        assertEquals(TEAM, k.getTeamId());
        assertEquals("ABC123DEFG", k.getKeyId());
        assertEquals(P256PrivateKeys.parse(pem).pkcs8Pem(), k.getPrivateKey().getPlainText());
        assertEquals("Apple developer key ABC123DEFG (team DEF123GHIJ)", new AppleCredentialNames.DeveloperKey().getName(k));
        assertFalse(k.toString().contains(pem.split("\n")[1].substring(0, 16)));

        assertMessage("Team ID has 4", () -> new AppleDeveloperKeyImpl(CredentialsScope.GLOBAL, "d", "", "ABCD", "ABC123DEFG",
                Secret.fromString(pem)));
        assertMessage("file name", () -> new AppleDeveloperKeyImpl(CredentialsScope.GLOBAL, "d", "", TEAM, "AuthKey_ABC123DEFG.p8",
                Secret.fromString(pem)));
        assertMessage("No private key", () -> new AppleDeveloperKeyImpl(CredentialsScope.GLOBAL, "d", "", TEAM, "ABC123DEFG",
                Secret.fromString(" ")));
        assertMessage("P-384", () -> new AppleDeveloperKeyImpl(CredentialsScope.GLOBAL, "d", "", TEAM, "ABC123DEFG",
                Secret.fromString(TestKeys.pkcs8Pem(TestKeys.generate("secp384r1")))));
    }

    @Test
    void mapsTokenShowsItsExpiryAndFailsBuildsOnceExpired() throws Exception {
        String token = jwtExpiringIn(Duration.ofDays(10).plusHours(2));
        MapsTokenImpl t = new MapsTokenImpl(CredentialsScope.GLOBAL, "maps", "", Secret.fromString(token),
                MapsTokenType.MAPKIT_JS, "example.com,*.example.com", MapsTokenValidity.NO_EXPIRATION, "", "");
        assertEquals("example.com, *.example.com", t.getDomains());
        assertEquals("", t.getCreatedOn(), "no creation date given: none made up from the day it was saved");
        assertEquals(14, t.getExpiryWarningDays());
        String name = new AppleCredentialNames.MapsTokens().getName(t);
        assertEquals("Maps token (MapKit JS) \u2014 10 days left", name);
        assertEquals(io.jenkins.plugins.appstoreconnect.core.maps.MapsExpiry.Status.EXPIRING_SOON, t.status(Clock.systemUTC()));
        assertEquals(token, t.requireUsable(Clock.systemUTC()));
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(11));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> t.requireUsable(later));
        assertTrue(e.getMessage().contains("The Maps token maps expired on"), e.getMessage());
        assertFalse(e.getMessage().contains(token.substring(0, 20)));
        assertTrue(t.expirySummary(later).startsWith("expired "), t.expirySummary(later));
        assertFalse(t.toString().contains(token.substring(0, 20)));

        t.setExpiryWarningDays(5);
        assertEquals(io.jenkins.plugins.appstoreconnect.core.maps.MapsExpiry.Status.VALID, t.status(Clock.systemUTC()));

        MapsTokenImpl never = new MapsTokenImpl(CredentialsScope.GLOBAL, "m2", "Web maps", Secret.fromString("opaque-token"),
                MapsTokenType.WEB_SNAPSHOTS, "", null, null, null);
        assertNull(never.getExpiresAt());
        assertEquals("Web maps \u2014 no expiry", new AppleCredentialNames.MapsTokens().getName(never));
    }

    @Test
    void mapsTokenBadInputIsRefused() throws Exception {
        assertMessage("No Maps token", () -> new MapsTokenImpl(CredentialsScope.GLOBAL, "m", "", Secret.fromString(""),
                null, "", null, null, null));
        assertMessage("yyyy-MM-dd", () -> new MapsTokenImpl(CredentialsScope.GLOBAL, "m", "", Secret.fromString("t"),
                null, "", MapsTokenValidity.DATE, "31.12.2020", null));
        assertMessage("is a URL", () -> new MapsTokenImpl(CredentialsScope.GLOBAL, "m", "", Secret.fromString("t"),
                null, "https://example.com", null, null, null));
        MapsTokenImpl ok = new MapsTokenImpl(CredentialsScope.GLOBAL, "m", "", Secret.fromString("t"), null, "", null, null, null);
        assertMessage("at most 365", () -> ok.setExpiryWarningDays(500));
    }

    /**
     * Configuration as Code calls the constructor at every start and for its export: what time makes stale (an
     * expired token, a past expiry date) is stored and reported, never refused, and what is stored does not depend
     * on when the constructor runs.
     */
    @Test
    void mapsTokenConstructorKeepsWhatTimeMadeStale() throws Exception {
        MapsTokenImpl pastDate = new MapsTokenImpl(CredentialsScope.GLOBAL, "m", "", Secret.fromString("t"),
                null, "", MapsTokenValidity.DATE, "2020-06-30", null);
        assertEquals(java.time.Instant.parse("2020-07-01T00:00:00Z"), pastDate.getExpiresAt());
        String expired = jwtExpiringIn(Duration.ofSeconds(-30));
        MapsTokenImpl expiredJwt = new MapsTokenImpl(CredentialsScope.GLOBAL, "m", "", Secret.fromString(expired),
                null, "", null, null, null);
        assertEquals(io.jenkins.plugins.appstoreconnect.core.maps.MapsExpiry.Status.EXPIRED, expiredJwt.status(Clock.systemUTC()));
        MapsTokenImpl days = new MapsTokenImpl(CredentialsScope.GLOBAL, "m", "", Secret.fromString("opaque"),
                null, "", MapsTokenValidity.DAYS_90, "", "2020-01-01");
        assertEquals(java.time.Instant.parse("2020-03-31T00:00:00Z"), days.getExpiresAt());
        MapsTokenImpl undated = new MapsTokenImpl(CredentialsScope.GLOBAL, "m", "", Secret.fromString("opaque"),
                null, "", MapsTokenValidity.DAYS_90, "", "");
        assertNull(undated.getExpiresAt(), "no creation date: no expiry that moves with every restart");
        assertEquals("", undated.getCreatedOn());
    }

    @Test
    void monitorReportsExpiringAndExpiredTokensSoonestFirst() throws Exception {
        MapsTokenImpl soon = new MapsTokenImpl(CredentialsScope.GLOBAL, "soon", "", Secret.fromString(jwtExpiringIn(Duration.ofDays(3))),
                null, "", null, null, null);
        MapsTokenImpl later = new MapsTokenImpl(CredentialsScope.GLOBAL, "later", "", Secret.fromString(jwtExpiringIn(Duration.ofDays(60))),
                null, "", null, null, null);
        MapsTokenImpl never = new MapsTokenImpl(CredentialsScope.GLOBAL, "never", "", Secret.fromString("x"), null, "", null, null, null);
        List<MapsTokenExpiryMonitor.Row> now = MapsTokenExpiryMonitor.report(List.of(later, soon, never), Clock.systemUTC());
        assertEquals(List.of("soon"), now.stream().map(MapsTokenExpiryMonitor.Row::getId).toList());
        assertEquals(2, now.get(0).getDaysLeft());
        Clock in50Days = Clock.offset(Clock.systemUTC(), Duration.ofDays(50));
        List<MapsTokenExpiryMonitor.Row> rows = MapsTokenExpiryMonitor.report(List.of(later, soon, never), in50Days);
        assertEquals(List.of("soon", "later"), rows.stream().map(MapsTokenExpiryMonitor.Row::getId).toList());
        assertTrue(rows.get(0).isExpired() && !rows.get(1).isExpired());
    }

    @Test
    void cloudKitApiTokenValidatesAndHidesTheToken() throws Exception {
        CloudKitApiTokenImpl t = new CloudKitApiTokenImpl(CredentialsScope.GLOBAL, "ck", "", "iCloud.com.example.MyApp",
                CloudKitEnvironment.PRODUCTION, Secret.fromString(" " + CK_TOKEN + " "), "", "https://example.com");
        assertEquals(CK_TOKEN, t.getApiToken().getPlainText());
        assertEquals("https://example.com", t.getAllowedOrigins());
        assertEquals("CloudKit API token (iCloud.com.example.MyApp, production)", new AppleCredentialNames.CloudKitApiTokens().getName(t));
        assertFalse(t.toString().contains(CK_TOKEN));
        assertMessage("must start with 'iCloud.'", () -> new CloudKitApiTokenImpl(CredentialsScope.GLOBAL, "ck", "",
                "com.example.MyApp", CloudKitEnvironment.DEVELOPMENT, Secret.fromString(CK_TOKEN), "", ""));
        assertMessage("environment is missing", () -> new CloudKitApiTokenImpl(CredentialsScope.GLOBAL, "ck", "",
                "iCloud.com.example.MyApp", null, Secret.fromString(CK_TOKEN), "", ""));
        assertMessage("API token is missing", () -> new CloudKitApiTokenImpl(CredentialsScope.GLOBAL, "ck", "",
                "iCloud.com.example.MyApp", CloudKitEnvironment.DEVELOPMENT, null, "", ""));
    }

    @Test
    void cloudKitServerKeyAcceptsOpensslSec1KeysAndStoresPkcs8() throws Exception {
        String sec1 = sec1Pem();
        assertEquals(KeyEncoding.SEC1_PEM, P256PrivateKeys.parse(sec1).encoding());
        CloudKitServerKeyImpl k = new CloudKitServerKeyImpl(CredentialsScope.GLOBAL, "s2s", "", CK_KEY_ID, Secret.fromString(sec1),
                "iCloud.com.example.MyApp", CloudKitEnvironment.DEVELOPMENT);
        assertTrue(k.getPrivateKey().getPlainText().startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertEquals(P256PrivateKeys.parse(pem).fingerprint(), k.getFingerprint());
        assertEquals("CloudKit server-to-server key (iCloud.com.example.MyApp, development)",
                new AppleCredentialNames.CloudKitServerKeys().getName(k));
        assertMessage("much longer", () -> new CloudKitServerKeyImpl(CredentialsScope.GLOBAL, "s", "", "abc", Secret.fromString(sec1),
                "iCloud.a.b", CloudKitEnvironment.DEVELOPMENT));
        assertMessage("No private key", () -> new CloudKitServerKeyImpl(CredentialsScope.GLOBAL, "s", "", CK_KEY_ID, null,
                "iCloud.a.b", CloudKitEnvironment.DEVELOPMENT));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(k);
        }
        String stored = k.getPrivateKey().getPlainText().split("\n")[1].substring(0, 20);
        String serial = bytes.toString(StandardCharsets.ISO_8859_1);
        assertEquals(1, serial.split(java.util.regex.Pattern.quote(stored), -1).length - 1, "the key is held once, in the Secret");
    }
}
