package io.jenkins.plugins.appstoreconnect.credentials;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.Extension;
import hudson.ProxyConfiguration;
import hudson.model.Descriptor.FormException;
import hudson.model.ModelObject;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.keys.AppleIds;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The stored App Store Connect API key. Everything is checked by core when the credential is created
 * (form, Configuration as Code, REST/CLI), so a bad key ID, issuer ID or key can never be stored; what is
 * stored is the normalised PKCS#8 PEM, encrypted as a {@link Secret}, and its public fingerprint.
 */
public class AppStoreConnectApiKeyImpl extends BaseStandardCredentials implements AppStoreConnectApiKey {
    private static final long serialVersionUID = 1L;

    private final String keyId;
    private final String issuerId;
    private final Secret privateKey;
    private final String fingerprint;
    private boolean enterprise;

    /**
     * @param keyId the 10-character key ID
     * @param issuerId the issuer ID (UUID) of a team key; blank for an individual key
     * @param privateKey the key in any form core accepts (PKCS#8 or SEC1 PEM, escaped, base64, …)
     * @throws InvalidInputException naming what is wrong (never containing the key)
     */
    @DataBoundConstructor
    public AppStoreConnectApiKeyImpl(
            CredentialsScope scope, String id, String description, String keyId, String issuerId, Secret privateKey)
            throws FormException {
        super(scope, id, description);
        this.keyId = CredentialFields.check("keyId", () -> AppleIds.requireKeyId(keyId));
        this.issuerId = CredentialFields.check("issuerId", () -> AppleIds.optionalIssuerId(issuerId).orElse(null));
        StoredKey key = CredentialFields.check("privateKey",
                () -> StoredKey.parse(privateKey, Messages::AppStoreConnectApiKeyImpl_NoKey));
        this.privateKey = key.pem();
        this.fingerprint = key.fingerprint();
    }

    /**
     * A credential created from XML (REST {@code createCredentials}, a POSTed {@code config.xml}, the CLI) or loaded
     * from disk is built again through the constructor, so it is checked and normalised as a saved form is; stale
     * values are kept, malformed ones refused with a message naming the field.
     */
    protected Object readResolve() {
        return CredentialFields.fromXml(Messages.Kind_AppStoreConnectApiKey(), getId(), () -> {
            AppStoreConnectApiKeyImpl c = new AppStoreConnectApiKeyImpl(getScope(), getId(), getDescription(),
                    keyId, issuerId, privateKey);
            c.enterprise = enterprise;
            return c;
        });
    }

    @Override
    public String getKeyId() {
        return keyId;
    }

    @Override
    public String getIssuerId() {
        return issuerId;
    }

    @Override
    public boolean isEnterprise() {
        return enterprise;
    }

    @DataBoundSetter
    public void setEnterprise(boolean enterprise) {
        this.enterprise = enterprise;
    }

    @Override
    public String getFingerprint() {
        return fingerprint;
    }

    @Override
    public Secret getPrivateKey() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "AppStoreConnectApiKey[id=" + getId() + ", keyId=" + keyId + ", "
                + (issuerId == null ? "individual" : "team") + (enterprise ? ", enterprise" : "") + ", "
                + fingerprint + "]";
    }

    /** The credentials form and the Configuration as Code entry point. */
    @Extension
    @Symbol("appStoreConnectApiKey")
    public static class DescriptorImpl extends BaseStandardCredentialsDescriptor {

        @Override
        public String getDisplayName() {
            return Messages.AppStoreConnectApiKeyImpl_DisplayName();
        }

        @POST
        public FormValidation doCheckKeyId(
                @AncestorInPath ModelObject context, @QueryParameter String value, @QueryParameter String keyFileName) {
            if (!CredentialFormContext.mayConfigure(context)) {
                return FormValidation.ok();
            }
            return CredentialFormChecks.keyId(value, keyFileName);
        }

        @POST
        public FormValidation doCheckIssuerId(@AncestorInPath ModelObject context, @QueryParameter String value) {
            if (!CredentialFormContext.mayConfigure(context)) {
                return FormValidation.ok();
            }
            return CredentialFormChecks.issuerId(value);
        }

        /** POST only: the key travels in the request body, never in a URL that logs could keep. */
        @POST
        public FormValidation doCheckPrivateKey(@AncestorInPath ModelObject context, @QueryParameter String value) {
            if (!CredentialFormContext.mayConfigure(context)) {
                return FormValidation.ok();
            }
            return CredentialFormChecks.privateKey(value);
        }

        /**
         * Calls Apple's host (or the administrator's, see {@link AppleCredentialChecks#adminBaseUrl}); a stored key is
         * used only for the credential being edited ({@code id}), never any other encrypted value.
         */
        @POST
        public FormValidation doTestConnection(
                @AncestorInPath ModelObject context,
                @QueryParameter String keyId,
                @QueryParameter String issuerId,
                @QueryParameter String privateKey,
                @QueryParameter boolean enterprise,
                @QueryParameter String id)
                throws InterruptedException {
            CredentialFormContext.checkMayConfigure(context);
            AppStoreConnectApiKeyImpl stored = CredentialFormContext.edited(context, AppStoreConnectApiKeyImpl.class, id);
            return new TestConnection(ProxyConfiguration.newHttpClient()).run(keyId, issuerId,
                    AppleCredentialChecks.formSecret(privateKey, stored == null ? null : stored.getPrivateKey()), enterprise,
                    AppleCredentialChecks.adminBaseUrl(AppleCredentialChecks.APP_STORE_CONNECT_URL_PROPERTY));
        }
    }
}
