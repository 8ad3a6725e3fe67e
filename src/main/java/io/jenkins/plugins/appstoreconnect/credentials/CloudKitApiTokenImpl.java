package io.jenkins.plugins.appstoreconnect.credentials;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.Extension;
import hudson.ProxyConfiguration;
import hudson.model.Descriptor.FormException;
import hudson.model.ModelObject;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitApiTokenConfig;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitConnectionCheck;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitEnvironment;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitIds;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The stored CloudKit API token, validated by {@link CloudKitApiTokenConfig#of} when saved. */
public class CloudKitApiTokenImpl extends BaseStandardCredentials implements CloudKitApiToken {
    private static final long serialVersionUID = 1L;

    private final String container;
    private final CloudKitEnvironment environment;
    private final Secret apiToken;
    private final String signInCallbackUrl;
    private final String allowedOrigins;

    /**
     * @throws io.jenkins.plugins.appstoreconnect.core.InvalidInputException naming the field (never quoting the token)
     */
    @DataBoundConstructor
    public CloudKitApiTokenImpl(CredentialsScope scope, String id, String description, String container,
            CloudKitEnvironment environment, Secret apiToken, String signInCallbackUrl, String allowedOrigins)
            throws FormException {
        super(scope, id, description);
        String plainToken = apiToken == null ? null : apiToken.getPlainText();
        CredentialFields.check("container", () -> CloudKitIds.requireContainer(container));
        CredentialFields.check("environment", () -> CloudKitEnvironment.parse(environment == null ? null : environment.pathSegment()));
        CredentialFields.check("apiToken", () -> CloudKitIds.requireApiToken(plainToken));
        CredentialFields.check("signInCallbackUrl", () -> CloudKitIds.optionalCallbackUrl(signInCallbackUrl));
        CloudKitApiTokenConfig c = CredentialFields.check("allowedOrigins", () -> CloudKitApiTokenConfig.of(container,
                environment == null ? null : environment.pathSegment(), plainToken, signInCallbackUrl, allowedOrigins));
        this.container = c.container();
        this.environment = c.environment();
        this.apiToken = Secret.fromString(c.apiToken());
        this.signInCallbackUrl = c.signInCallbackUrl() == null ? "" : c.signInCallbackUrl();
        this.allowedOrigins = String.join(", ", c.allowedOrigins());
    }

    /**
     * A credential created from XML (REST {@code createCredentials}, a POSTed {@code config.xml}, the CLI) or loaded
     * from disk is built again through the constructor, so it is checked and normalised as a saved form is; stale
     * values are kept, malformed ones refused with a message naming the field.
     */
    protected Object readResolve() {
        return CredentialFields.fromXml(Messages.Kind_CloudKitApiToken(), getId(),
                () -> new CloudKitApiTokenImpl(getScope(), getId(), getDescription(),
                        container, environment, apiToken, signInCallbackUrl, allowedOrigins));
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
    public Secret getApiToken() {
        return apiToken;
    }

    @Override
    public String getSignInCallbackUrl() {
        return signInCallbackUrl;
    }

    @Override
    public String getAllowedOrigins() {
        return allowedOrigins;
    }

    @Override
    public String toString() {
        return "CloudKitApiToken[id=" + getId() + ", " + container + ", " + environment.pathSegment() + ", token=<redacted>]";
    }

    /** The credentials form and the Configuration as Code entry point. */
    @Extension
    @Symbol("cloudKitApiToken")
    public static class DescriptorImpl extends BaseStandardCredentialsDescriptor {

        @Override
        public String getDisplayName() {
            return Messages.CloudKitApiTokenImpl_DisplayName();
        }

        @POST
        public FormValidation doCheckContainer(@AncestorInPath ModelObject context, @QueryParameter String value) {
            return CredentialFormContext.mayConfigure(context) ? AppleCredentialChecks.container(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckApiToken(@AncestorInPath ModelObject context, @QueryParameter String value) {
            return CredentialFormContext.mayConfigure(context) ? AppleCredentialChecks.apiToken(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckSignInCallbackUrl(@AncestorInPath ModelObject context, @QueryParameter String value) {
            return CredentialFormContext.mayConfigure(context)
                    ? AppleCredentialChecks.check(() -> io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitIds.optionalCallbackUrl(value))
                    : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckAllowedOrigins(@AncestorInPath ModelObject context, @QueryParameter String value) {
            return CredentialFormContext.mayConfigure(context)
                    ? AppleCredentialChecks.check(() -> CloudKitApiTokenConfig.of("iCloud.a.b", "development", "t", "", value))
                    : FormValidation.ok();
        }

        /** Lists the zones of the public database with {@code ckAPIToken} at Apple's host; the token is never shown. */
        @POST
        public FormValidation doTestConnection(@AncestorInPath ModelObject context, @QueryParameter String container,
                @QueryParameter String environment, @QueryParameter String apiToken, @QueryParameter String id)
                throws InterruptedException {
            CredentialFormContext.checkMayConfigure(context);
            CloudKitApiTokenImpl stored = CredentialFormContext.edited(context, CloudKitApiTokenImpl.class, id);
            String token = AppleCredentialChecks.formSecret(apiToken, stored == null ? null : stored.getApiToken());
            if (token == null) {
                return FormValidation.error(Messages.AppleCredentialChecks_NotThisCredential());
            }
            CloudKitConnectionCheck check = new CloudKitConnectionCheck(ProxyConfiguration.newHttpClient(), AppleCredentialChecks.timeout());
            return AppleCredentialChecks.testCloudKit(container, environment,
                    AppleCredentialChecks.adminBaseUrl(AppleCredentialChecks.CLOUDKIT_URL_PROPERTY),
                    w -> check.checkApiToken(w.base(), w.container(), w.environment(), token));
        }
    }
}
