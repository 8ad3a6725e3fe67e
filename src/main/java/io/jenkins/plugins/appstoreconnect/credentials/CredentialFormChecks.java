package io.jenkins.plugins.appstoreconnect.credentials;

import hudson.util.FormValidation;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.keys.AppleIds;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import java.util.Optional;

/**
 * The live checks of the credentials form, as plain functions of what was typed (the descriptor adds
 * the permission check). Core's messages name the problem and never the key.
 */
final class CredentialFormChecks {
    private CredentialFormChecks() {}

    static FormValidation keyId(String value, String keyFileName) {
        Optional<String> fromFile = AppleIds.keyIdFromFileName(keyFileName);
        if (value == null || value.isBlank()) {
            return fromFile.isPresent()
                    ? FormValidation.ok(Messages.CredentialFormChecks_KeyIdFromFile(fromFile.get()))
                    : FormValidation.error(Messages.CredentialFormChecks_KeyIdRequired());
        }
        String keyId;
        try {
            keyId = AppleIds.requireKeyId(value);
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
        if (fromFile.isPresent() && !fromFile.get().equals(keyId)) {
            return FormValidation.warning(Messages.CredentialFormChecks_KeyIdMismatch(keyId, fromFile.get()));
        }
        return FormValidation.ok();
    }

    static FormValidation issuerId(String value) {
        try {
            return AppleIds.optionalIssuerId(value).isPresent()
                    ? FormValidation.ok()
                    : FormValidation.ok(Messages.CredentialFormChecks_IndividualKey());
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /**
     * {@code value} is what the form sends: pasted text, or the encrypted form of the stored key. The latter is never
     * decrypted here (nothing is said; the form shows the stored key's fingerprint).
     */
    static FormValidation privateKey(String value) {
        if (AppleCredentialChecks.looksEncrypted(value)) {
            return FormValidation.ok();
        }
        String plain = value == null ? "" : value;
        if (plain.isBlank()) {
            return FormValidation.error(Messages.AppStoreConnectApiKeyImpl_NoKey());
        }
        try {
            ParsedKey key = P256PrivateKeys.parse(plain);
            return FormValidation.ok(Messages.CredentialFormChecks_KeyOk(key.encoding().label(), key.fingerprint()));
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
