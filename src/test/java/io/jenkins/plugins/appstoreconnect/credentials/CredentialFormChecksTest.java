package io.jenkins.plugins.appstoreconnect.credentials;

import io.jenkins.plugins.appstoreconnect.TestKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.util.FormValidation;
import hudson.util.FormValidation.Kind;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class CredentialFormChecksTest {

    @Test
    void keyIdChecks() {
        assertEquals(Kind.OK, CredentialFormChecks.keyId("2X9R4HXF34", null).kind);
        assertEquals(Kind.OK, CredentialFormChecks.keyId("2X9R4HXF34", "AuthKey_2X9R4HXF34.p8").kind);
        FormValidation fromFile = CredentialFormChecks.keyId("", "C:\\Downloads\\AuthKey_2X9R4HXF34.p8");
        assertEquals(Kind.OK, fromFile.kind);
        assertTrue(fromFile.getMessage().contains("2X9R4HXF34"), fromFile.getMessage());
        FormValidation mismatch = CredentialFormChecks.keyId("ABCDE12345", "AuthKey_2X9R4HXF34.p8");
        assertEquals(Kind.WARNING, mismatch.kind);
        assertTrue(mismatch.getMessage().contains("ABCDE12345") && mismatch.getMessage().contains("2X9R4HXF34"));
        assertEquals(Kind.ERROR, CredentialFormChecks.keyId("", null).kind);
        assertEquals(Kind.ERROR, CredentialFormChecks.keyId("ABC", null).kind);
        assertEquals(Kind.ERROR, CredentialFormChecks.keyId("ABCDE-1234", null).kind);
    }

    @Test
    void issuerIdChecks() {
        assertEquals(Kind.OK, CredentialFormChecks.issuerId("57246542-96FE-1A63-E053-0824D011072A").kind);
        FormValidation individual = CredentialFormChecks.issuerId("  ");
        assertEquals(Kind.OK, individual.kind);
        assertTrue(individual.getMessage().contains("individual"), individual.getMessage());
        assertEquals(Kind.ERROR, CredentialFormChecks.issuerId("57246542-96fe-1a63").kind);
    }

    @Test
    void privateKeyChecksNameTheFormAndNeverEchoTheKey() {
        KeyPair pair = TestKeys.p256();
        String pem = TestKeys.pkcs8Pem(pair);
        FormValidation ok = CredentialFormChecks.privateKey(pem);
        assertEquals(Kind.OK, ok.kind, ok.getMessage());
        assertTrue(ok.getMessage().contains("SHA256:"), ok.getMessage());

        String escaped = pem.replace("\n", "\\n");
        assertEquals(Kind.OK, CredentialFormChecks.privateKey(escaped).kind);

        assertEquals(Kind.ERROR, CredentialFormChecks.privateKey("").kind);
        String truncated = pem.substring(0, pem.length() / 2);
        FormValidation bad = CredentialFormChecks.privateKey(truncated);
        assertEquals(Kind.ERROR, bad.kind);
        for (String line : pem.split("\n")) {
            if (!line.startsWith("-----") && line.length() > 16) {
                assertFalse(bad.getMessage().contains(line.substring(0, 16)), "message echoes key material");
            }
        }

        FormValidation p384 = CredentialFormChecks.privateKey(TestKeys.pkcs8Pem(TestKeys.generate("secp384r1")));
        assertEquals(Kind.ERROR, p384.kind);
        assertTrue(p384.getMessage().contains("P-384"), p384.getMessage());
    }
}
