package io.jenkins.plugins.appstoreconnect.credentials;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.Extension;
import hudson.model.Descriptor.FormException;
import hudson.model.ModelObject;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.keys.AppleIds;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The stored Apple developer key. Team ID, key ID and key are checked by core when the credential is created
 * (form, Configuration as Code, REST), so nothing unusable is stored; the key is kept as normalised PKCS#8 PEM
 * in a {@link Secret}, with its public fingerprint.
 */
public class AppleDeveloperKeyImpl extends BaseStandardCredentials implements AppleDeveloperKey {
    private static final long serialVersionUID = 1L;

    private final String teamId;
    private final String keyId;
    private final Secret privateKey;
    private final String fingerprint;

    /**
     * @throws InvalidInputException naming what is wrong (never containing the key)
     */
    @DataBoundConstructor
    public AppleDeveloperKeyImpl(CredentialsScope scope, String id, String description, String teamId, String keyId,
            Secret privateKey) throws FormException {
        super(scope, id, description);
        this.teamId = CredentialFields.check("teamId", () -> AppleIds.requireTeamId(teamId));
        this.keyId = CredentialFields.check("keyId", () -> AppleIds.requireDeveloperKeyId(keyId));
        StoredKey key = CredentialFields.check("privateKey",
                () -> StoredKey.parse(privateKey, Messages::AppleDeveloperKeyImpl_NoKey));
        this.privateKey = key.pem();
        this.fingerprint = key.fingerprint();
    }

    /**
     * A credential created from XML (REST {@code createCredentials}, a POSTed {@code config.xml}, the CLI) or loaded
     * from disk is built again through the constructor, so it is checked and normalised as a saved form is; stale
     * values are kept, malformed ones refused with a message naming the field.
     */
    protected Object readResolve() {
        return CredentialFields.fromXml(Messages.Kind_AppleDeveloperKey(), getId(),
                () -> new AppleDeveloperKeyImpl(getScope(), getId(), getDescription(),
                        teamId, keyId, privateKey));
    }

    @Override
    public String getTeamId() {
        return teamId;
    }

    @Override
    public String getKeyId() {
        return keyId;
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
        return "AppleDeveloperKey[id=" + getId() + ", team=" + teamId + ", keyId=" + keyId + ", " + fingerprint + "]";
    }

    /** The credentials form and the Configuration as Code entry point. */
    @Extension
    @Symbol("appleDeveloperKey")
    public static class DescriptorImpl extends BaseStandardCredentialsDescriptor {

        @Override
        public String getDisplayName() {
            return Messages.AppleDeveloperKeyImpl_DisplayName();
        }

        @POST
        public FormValidation doCheckTeamId(@AncestorInPath ModelObject context, @QueryParameter String value) {
            return CredentialFormContext.mayConfigure(context) ? AppleCredentialChecks.teamId(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckKeyId(@AncestorInPath ModelObject context, @QueryParameter String value) {
            return CredentialFormContext.mayConfigure(context) ? AppleCredentialChecks.developerKeyId(value) : FormValidation.ok();
        }

        /** POST only: the key travels in the request body. */
        @POST
        public FormValidation doCheckPrivateKey(@AncestorInPath ModelObject context, @QueryParameter String value) {
            return CredentialFormContext.mayConfigure(context)
                    ? AppleCredentialChecks.privateKey(value, Messages.AppleDeveloperKeyImpl_NoKey())
                    : FormValidation.ok();
        }
    }
}
