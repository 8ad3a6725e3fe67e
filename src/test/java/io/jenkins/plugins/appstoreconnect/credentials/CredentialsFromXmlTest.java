package io.jenkins.plugins.appstoreconnect.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.model.Descriptor.FormException;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.TestKeys;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitEnvironment;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenType;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenValidity;
import java.lang.reflect.Field;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Credentials created from XML (REST {@code createCredentials}, a POSTed {@code config.xml}, the CLI's
 * {@code create-credentials-by-xml}) skip the constructor: XStream fills the fields and calls {@code readResolve}.
 * Here the fields are set as XStream would (by reflection), then {@code readResolve} runs: malformed values are
 * refused with the credential and the field named (never the secret), stale ones kept, and names never fail.
 */
class CredentialsFromXmlTest {
    private final String pem = TestKeys.pkcs8Pem(TestKeys.p256());

    private static void set(Object target, String field, Object value) throws Exception {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(field);
                f.setAccessible(true);
                f.set(target, value);
                return;
            } catch (NoSuchFieldException e) {
                // in a superclass
            }
        }
        throw new NoSuchFieldException(field);
    }

    @Test
    void aWellFormedCredentialIsNormalisedAsTheFormWouldDo() throws Exception {
        AppStoreConnectApiKeyImpl c = new AppStoreConnectApiKeyImpl(CredentialsScope.GLOBAL, "asc", "", "2X9R4HXF34",
                "57246542-96FE-1A63-E053-0824D011072A", Secret.fromString(pem));
        c.setEnterprise(true);
        set(c, "keyId", " 2x9r4hxf34 ");
        set(c, "issuerId", "57246542-96FE-1A63-E053-0824D011072A");
        AppStoreConnectApiKeyImpl read = assertInstanceOf(AppStoreConnectApiKeyImpl.class, c.readResolve());
        assertEquals("2X9R4HXF34", read.getKeyId());
        assertEquals("57246542-96fe-1a63-e053-0824d011072a", read.getIssuerId());
        assertTrue(read.isEnterprise(), "set-only fields are kept");
        assertEquals(c.getFingerprint(), read.getFingerprint());
        assertEquals(CredentialsScope.GLOBAL, read.getScope());
    }

    @Test
    void aMalformedOrMissingFieldIsRefusedNamingTheCredentialAndTheField() throws Exception {
        AppStoreConnectApiKeyImpl noKey = new AppStoreConnectApiKeyImpl(CredentialsScope.GLOBAL, "asc", "", "2X9R4HXF34", null,
                Secret.fromString(pem));
        set(noKey, "privateKey", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, noKey::readResolve);
        assertEquals(true, e.getMessage().startsWith("App Store Connect API key 'asc', field privateKey: "), e.getMessage());

        AppleDeveloperKeyImpl badTeam = new AppleDeveloperKeyImpl(CredentialsScope.GLOBAL, "dev", "", "DEF123GHIJ", "ABC123DEFG",
                Secret.fromString(pem));
        set(badTeam, "teamId", null);
        e = assertThrows(IllegalArgumentException.class, badTeam::readResolve);
        assertTrue(e.getMessage().startsWith("Apple developer key 'dev', field teamId: The Team ID is missing"), e.getMessage());

        CloudKitApiTokenImpl ck = new CloudKitApiTokenImpl(CredentialsScope.GLOBAL, "ck", "", "iCloud.com.example.MyApp",
                CloudKitEnvironment.PRODUCTION, Secret.fromString("0123456789abcdef".repeat(4)), "", "");
        set(ck, "container", "not a container");
        e = assertThrows(IllegalArgumentException.class, ck::readResolve);
        assertTrue(e.getMessage().startsWith("CloudKit API token 'ck', field container: "), e.getMessage());

        String secretPart = pem.split("\n")[1];
        AppleDeveloperKeyImpl keyInId = new AppleDeveloperKeyImpl(CredentialsScope.GLOBAL, "dev", "", "DEF123GHIJ", "ABC123DEFG",
                Secret.fromString(pem));
        set(keyInId, "keyId", pem);
        e = assertThrows(IllegalArgumentException.class, keyInId::readResolve);
        assertFalse(e.getMessage().contains(secretPart), "the key pasted into the key ID is not quoted");
    }

    @Test
    void staleValuesAreKept() throws Exception {
        MapsTokenImpl maps = new MapsTokenImpl(CredentialsScope.GLOBAL, "maps", "", Secret.fromString("opaque-maps-token-0123456789"),
                MapsTokenType.MAPKIT_JS, "example.com", MapsTokenValidity.DAYS_30, "", "2020-01-01");
        maps.setExpiryWarningDays(30);
        MapsTokenImpl read = assertInstanceOf(MapsTokenImpl.class, maps.readResolve());
        assertEquals(Instant.parse("2020-01-31T00:00:00Z"), read.getExpiresAt(), "long expired, still loaded with its date");
        assertEquals(30, read.getExpiryWarningDays());
    }

    @Test
    void namesNeverFailForIncompleteCredentials() throws Exception {
        MapsTokenImpl maps = new MapsTokenImpl(CredentialsScope.GLOBAL, "maps", "", Secret.fromString("opaque-maps-token-0123456789"),
                MapsTokenType.MAPKIT_JS, "", MapsTokenValidity.NO_EXPIRATION, "", "");
        set(maps, "type", null);
        assertTrue(new AppleCredentialNames.MapsTokens().getName(maps).contains("?"));
        CloudKitServerKeyImpl s2s = new CloudKitServerKeyImpl(CredentialsScope.GLOBAL, "s2s", "", "a5cf1b2c3d4e5f60718293a4b5c6d7e8",
                Secret.fromString(pem), "iCloud.com.example.MyApp", CloudKitEnvironment.DEVELOPMENT);
        set(s2s, "environment", null);
        assertTrue(new AppleCredentialNames.CloudKitServerKeys().getName(s2s).contains("?"));
        CloudKitApiTokenImpl ck = new CloudKitApiTokenImpl(CredentialsScope.GLOBAL, "ck", "", "iCloud.com.example.MyApp",
                CloudKitEnvironment.PRODUCTION, Secret.fromString("0123456789abcdef".repeat(4)), "", "");
        set(ck, "environment", null);
        assertTrue(new AppleCredentialNames.CloudKitApiTokens().getName(ck).contains("?"));
    }

    @Test
    void aFormErrorNamesTheField() {
        FormException e = assertThrows(FormException.class, () -> new CloudKitApiTokenImpl(CredentialsScope.GLOBAL, "ck", "",
                "iCloud.com.example.MyApp", CloudKitEnvironment.PRODUCTION, Secret.fromString("0123456789abcdef".repeat(4)), "",
                "example.com"));
        assertEquals("allowedOrigins", e.getFormField());
        e = assertThrows(FormException.class, () -> new MapsTokenImpl(CredentialsScope.GLOBAL, "m", "", Secret.fromString("t"),
                null, "https://example.com", null, null, null));
        assertEquals("domains", e.getFormField());
    }
}
