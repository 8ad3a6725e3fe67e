package io.jenkins.plugins.appstoreconnect.credentials;

import io.jenkins.plugins.appstoreconnect.TestKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.model.Descriptor.FormException;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;

/** The credential as data binding builds it (constructor + setters), without a running Jenkins. */
class AppStoreConnectApiKeyImplTest {

    private final KeyPair pair = TestKeys.p256();
    private final String pem = TestKeys.pkcs8Pem(pair);

    private AppStoreConnectApiKeyImpl create(String keyId, String issuerId, String key) throws Exception {
        return new AppStoreConnectApiKeyImpl(
                CredentialsScope.GLOBAL, "asc", "", keyId, issuerId, Secret.fromString(key));
    }

    @Test
    void teamKeyIsNormalisedAndNamesItself() throws Exception {
        AppStoreConnectApiKeyImpl key = create(" 2x9r4hxf34 ", "69A6DE70-03DB-47E3-E053-5B8C7C11A4D1", pem.replace("\n", "\\n"));
        assertEquals("2X9R4HXF34", key.getKeyId());
        assertEquals("69a6de70-03db-47e3-e053-5b8c7c11a4d1", key.getIssuerId());
        assertFalse(key.isIndividual());
        assertFalse(key.isEnterprise());
        String stored = key.getPrivateKey().getPlainText();
        assertTrue(stored.equals(P256PrivateKeys.parse(pem).pkcs8Pem()), "stored as the normalised PKCS#8 PEM");
        assertTrue(stored.startsWith("-----BEGIN PRIVATE KEY-----\n") && stored.endsWith("-----END PRIVATE KEY-----\n"));
        assertEquals(P256PrivateKeys.parse(pem).fingerprint(), key.getFingerprint());
        assertTrue(key.getFingerprint().startsWith("SHA256:"));
        assertEquals("App Store Connect API key 2X9R4HXF34 (team)", new AppStoreConnectApiKeyNameProvider().getName(key));
    }

    @Test
    void blankIssuerMeansIndividualKey() throws Exception {
        AppStoreConnectApiKeyImpl key = new AppStoreConnectApiKeyImpl(
                CredentialsScope.SYSTEM, "asc", "My key", "2X9R4HXF34", "  ", Secret.fromString(pem));
        key.setEnterprise(true);
        assertNull(key.getIssuerId());
        assertTrue(key.isIndividual());
        assertTrue(key.isEnterprise());
        assertEquals("My key", new AppStoreConnectApiKeyNameProvider().getName(key));
        assertEquals(CredentialsScope.SYSTEM, key.getScope());
    }

    @Test
    void badInputIsRejectedSoNothingIsStored() {
        FormException noKey = assertThrows(FormException.class, () -> create("2X9R4HXF34", null, " "));
        assertTrue(noKey.getMessage().contains("No private key"), noKey.getMessage());
        assertEquals("privateKey", noKey.getFormField(), "the form marks the field");
        assertEquals("keyId", assertThrows(FormException.class, () -> create("2X9R4HXF3", null, pem)).getFormField());
        assertEquals("issuerId", assertThrows(FormException.class, () -> create("2X9R4HXF34", "not-a-uuid", pem)).getFormField());
        assertThrows(FormException.class, () -> create("2X9R4HXF34", null, pem.substring(0, 120)));
        assertThrows(FormException.class, () -> create("2X9R4HXF3", null, pem));
        assertThrows(FormException.class, () -> create("2X9R4HXF34", "not-a-uuid", pem));
        FormException p384 = assertThrows(FormException.class,
                () -> create("2X9R4HXF34", null, TestKeys.pkcs8Pem(TestKeys.generate("secp384r1"))));
        assertTrue(p384.getMessage().contains("P-384"), p384.getMessage());
    }

    @Test
    void toStringAndSerialFormNeverShowTheKeyInPlain() throws Exception {
        AppStoreConnectApiKeyImpl key = create("2X9R4HXF34", null, pem);
        String body = pem.split("\n")[1];
        assertFalse(key.toString().contains(body.substring(0, 20)), "toString shows key material");
        String storedBody = key.getPrivateKey().getPlainText().split("\n")[1];
        assertTrue(key.toString().contains("2X9R4HXF34") && key.toString().contains(key.getFingerprint()));
        // The stand-in Secret holds plain text in memory (the real one serialises encrypted): what matters here is
        // that no field of ours besides the Secret holds the key.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(key);
        }
        String serial = bytes.toString(StandardCharsets.ISO_8859_1);
        int occurrences = serial.split(java.util.regex.Pattern.quote(storedBody.substring(0, 20)), -1).length - 1;
        assertEquals(1, occurrences, "the key should be held once, inside the Secret");
    }
}
