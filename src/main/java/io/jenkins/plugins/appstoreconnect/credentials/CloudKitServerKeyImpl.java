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
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitConnectionCheck;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitEnvironment;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitIds;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import java.time.Clock;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The stored CloudKit server-to-server key. The key (usually SEC1 {@code BEGIN EC PRIVATE KEY} from
 * {@code openssl ecparam}) is parsed by core and kept as normalised PKCS#8 PEM in a {@link Secret}.
 */
public class CloudKitServerKeyImpl extends BaseStandardCredentials implements CloudKitServerKey {
    private static final long serialVersionUID = 1L;

    private final String keyId;
    private final String container;
    private final CloudKitEnvironment environment;
    private final Secret privateKey;
    private final String fingerprint;

    /**
     * @throws InvalidInputException naming the field (never quoting the key)
     */
    @DataBoundConstructor
    public CloudKitServerKeyImpl(CredentialsScope scope, String id, String description, String keyId, Secret privateKey,
            String container, CloudKitEnvironment environment) throws FormException {
        super(scope, id, description);
        this.keyId = CredentialFields.check("keyId", () -> CloudKitIds.requireServerKeyId(keyId));
        this.container = CredentialFields.check("container", () -> CloudKitIds.requireContainer(container));
        this.environment = CredentialFields.check("environment",
                () -> CloudKitEnvironment.parse(environment == null ? null : environment.pathSegment()));
        StoredKey key = CredentialFields.check("privateKey",
                () -> StoredKey.parse(privateKey, Messages::CloudKitServerKeyImpl_NoKey));
        this.privateKey = key.pem();
        this.fingerprint = key.fingerprint();
    }

    /**
     * A credential created from XML (REST {@code createCredentials}, a POSTed {@code config.xml}, the CLI) or loaded
     * from disk is built again through the constructor, so it is checked and normalised as a saved form is; stale
     * values are kept, malformed ones refused with a message naming the field.
     */
    protected Object readResolve() {
        return CredentialFields.fromXml(Messages.Kind_CloudKitServerKey(), getId(),
                () -> new CloudKitServerKeyImpl(getScope(), getId(), getDescription(),
                        keyId, privateKey, container, environment));
    }

    @Override
    public String getKeyId() {
        return keyId;
    }

    @Override
    public String getContainer() {
        return container;
    }

    @Override
    public CloudKitEnvironment getEnvironment() {
        return environment;
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
        return "CloudKitServerKey[id=" + getId() + ", keyId=" + keyId + ", " + container + ", " + environment.pathSegment()
                + ", " + fingerprint + "]";
    }

    /** The credentials form and the Configuration as Code entry point. */
    @Extension
    @Symbol("cloudKitServerKey")
    public static class DescriptorImpl extends BaseStandardCredentialsDescriptor {

        @Override
        public String getDisplayName() {
            return Messages.CloudKitServerKeyImpl_DisplayName();
        }

        @POST
        public FormValidation doCheckKeyId(@AncestorInPath ModelObject context, @QueryParameter String value) {
            return CredentialFormContext.mayConfigure(context) ? AppleCredentialChecks.serverKeyId(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckContainer(@AncestorInPath ModelObject context, @QueryParameter String value) {
            return CredentialFormContext.mayConfigure(context) ? AppleCredentialChecks.container(value) : FormValidation.ok();
        }

        /** POST only: the key travels in the request body. */
        @POST
        public FormValidation doCheckPrivateKey(@AncestorInPath ModelObject context, @QueryParameter String value) {
            return CredentialFormContext.mayConfigure(context)
                    ? AppleCredentialChecks.privateKey(value, Messages.CloudKitServerKeyImpl_NoKey())
                    : FormValidation.ok();
        }

        /** Lists the zones of the public database with a request signed by the key. */
        @POST
        public FormValidation doTestConnection(@AncestorInPath ModelObject context, @QueryParameter String keyId,
                @QueryParameter String privateKey, @QueryParameter String container, @QueryParameter String environment,
                @QueryParameter String id) throws InterruptedException {
            CredentialFormContext.checkMayConfigure(context);
            CloudKitServerKeyImpl stored = CredentialFormContext.edited(context, CloudKitServerKeyImpl.class, id);
            String plain = AppleCredentialChecks.formSecret(privateKey, stored == null ? null : stored.getPrivateKey());
            if (plain == null) {
                return FormValidation.error(Messages.AppleCredentialChecks_NotThisCredential());
            }
            if (plain.isBlank()) {
                return FormValidation.error(Messages.CloudKitServerKeyImpl_NoKey());
            }
            CloudKitConnectionCheck check = new CloudKitConnectionCheck(ProxyConfiguration.newHttpClient(), AppleCredentialChecks.timeout());
            return AppleCredentialChecks.testCloudKit(container, environment,
                    AppleCredentialChecks.adminBaseUrl(AppleCredentialChecks.CLOUDKIT_URL_PROPERTY),
                    w -> check.checkServerKey(w.base(), w.container(), w.environment(), P256PrivateKeys.parse(plain), keyId,
                            Clock.systemUTC()));
        }
    }
}
