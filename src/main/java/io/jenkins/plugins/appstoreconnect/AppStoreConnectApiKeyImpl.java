package io.jenkins.plugins.appstoreconnect;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.Extension;
import hudson.util.Secret;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The stored App Store Connect API key. The private key is held only as an encrypted {@link Secret}.
 */
public class AppStoreConnectApiKeyImpl extends BaseStandardCredentials implements AppStoreConnectApiKey {
    private static final long serialVersionUID = 1L;

    private final String keyId;
    private final String issuerId;
    private final Secret privateKey;

    @DataBoundConstructor
    public AppStoreConnectApiKeyImpl(
            CredentialsScope scope, String id, String description, String keyId, String issuerId, Secret privateKey) {
        super(scope, id, description);
        this.keyId = keyId == null ? null : keyId.trim();
        this.issuerId = issuerId == null || issuerId.isBlank() ? null : issuerId.trim();
        this.privateKey = privateKey;
    }

    @Override
    public String getKeyId() {
        return keyId;
    }

    @Override
    public String getIssuerId() {
        return issuerId;
    }

    /** The private key, encrypted at rest; only the Jenkins glue decrypts it, to hand it to core. */
    public Secret getPrivateKey() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "AppStoreConnectApiKey[id=" + getId() + ", keyId=" + keyId + ", "
                + (issuerId == null ? "individual" : "team") + "]";
    }

    /** The credentials form and Configuration as Code entry point. */
    @Extension
    @Symbol("appStoreConnectApiKey")
    public static class DescriptorImpl extends BaseStandardCredentialsDescriptor {
        @Override
        public String getDisplayName() {
            return Messages.AppStoreConnectApiKeyImpl_DisplayName();
        }
    }
}
