package io.jenkins.plugins.appstoreconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.util.Secret;
import org.junit.jupiter.api.Test;

class AppStoreConnectApiKeyImplTest {

    private static final String NOT_A_REAL_KEY = "throwaway-fixture-not-a-key-" + System.nanoTime();

    @Test
    void teamKeyHoldsIdsAndNamesItself() {
        AppStoreConnectApiKeyImpl key = new AppStoreConnectApiKeyImpl(
                CredentialsScope.GLOBAL, "asc", "", " 2X9R4HXF34 ", "69a6de70-03db-47e3-e053-5b8c7c11a4d1",
                Secret.fromString(NOT_A_REAL_KEY));
        assertEquals("2X9R4HXF34", key.getKeyId());
        assertEquals("69a6de70-03db-47e3-e053-5b8c7c11a4d1", key.getIssuerId());
        assertFalse(key.isIndividual());
        assertEquals("App Store Connect API key 2X9R4HXF34 (team)", new AppStoreConnectApiKeyNameProvider().getName(key));
    }

    @Test
    void blankIssuerMeansIndividualKey() {
        AppStoreConnectApiKeyImpl key = new AppStoreConnectApiKeyImpl(
                CredentialsScope.GLOBAL, "asc", "My key", "2X9R4HXF34", "  ", Secret.fromString(NOT_A_REAL_KEY));
        assertNull(key.getIssuerId());
        assertTrue(key.isIndividual());
        assertEquals("My key", new AppStoreConnectApiKeyNameProvider().getName(key));
    }

    @Test
    void toStringNeverShowsTheKey() {
        AppStoreConnectApiKeyImpl key = new AppStoreConnectApiKeyImpl(
                CredentialsScope.GLOBAL, "asc", "d", "2X9R4HXF34", null, Secret.fromString(NOT_A_REAL_KEY));
        assertFalse(key.toString().contains(NOT_A_REAL_KEY), key.toString());
        assertTrue(key.toString().contains("2X9R4HXF34"));
    }
}
