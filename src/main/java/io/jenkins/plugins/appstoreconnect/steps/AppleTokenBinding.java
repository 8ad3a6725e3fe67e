package io.jenkins.plugins.appstoreconnect.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.appstoreconnect.credentials.AppleDeveloperKey;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.credentialsbinding.BindingDescriptor;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code withCredentials([appleToken(credentialsId: '…', profile: 'apns', variable: 'APNS_TOKEN')])}: a token of the
 * chosen profile, minted from an Apple developer key when the block starts (once: use {@code withAppleToken} for a
 * fresh token per step). credentials-binding masks it.
 *
 * <p>credentials-binding is an optional dependency: only the binding classes refer to it, and their descriptors are
 * optional extensions.
 */
public final class AppleTokenBinding extends MultiBinding<AppleDeveloperKey> {

    private final AppleTokenOptions options;

    @DataBoundConstructor
    public AppleTokenBinding(@CheckForNull String credentialsId, @CheckForNull String profile) {
        super(credentialsId);
        this.options = new AppleTokenOptions(profile);
    }

    @Override
    protected Class<AppleDeveloperKey> type() {
        return AppleDeveloperKey.class;
    }

    /** The token profile: {@code maps}, {@code weatherkit}, {@code musickit}, {@code apns}, {@code sign-in-with-apple}, {@code app-store-server} (or the earlier siwa, iap). */
    @CheckForNull public String getProfile() { return options.getProfile(); }

    /** The token variable's name; {@value AppleTokenOptions#DEFAULT_VARIABLE} if none. */
    @CheckForNull public String getVariable() { return options.getVariable(); }
    @DataBoundSetter public void setVariable(String variable) { options.setVariable(variable); }

    /** The issuer ID ({@code app-store-server} only). */
    @CheckForNull public String getIssuerId() { return options.getIssuerId(); }
    @DataBoundSetter public void setIssuerId(String issuerId) { options.setIssuerId(issuerId); }

    /** The Service ID ({@code weatherkit} only). */
    @CheckForNull public String getServiceId() { return options.getServiceId(); }
    @DataBoundSetter public void setServiceId(String serviceId) { options.setServiceId(serviceId); }

    /** The client ID ({@code sign-in-with-apple} only). */
    @CheckForNull public String getClientId() { return options.getClientId(); }
    @DataBoundSetter public void setClientId(String clientId) { options.setClientId(clientId); }

    /** The bundle ID ({@code app-store-server} only). */
    @CheckForNull public String getBundleId() { return options.getBundleId(); }
    @DataBoundSetter public void setBundleId(String bundleId) { options.setBundleId(bundleId); }

    /** Web origins, comma-separated ({@code maps}: one, {@code musickit}: a list). */
    @CheckForNull public String getOrigins() { return options.getOrigins(); }
    @DataBoundSetter public void setOrigins(String origins) { options.setOrigins(origins); }

    /** The {@code scope} claim ({@code maps} only, e.g. {@code server_api}). */
    @CheckForNull public String getScope() { return options.getScope(); }
    @DataBoundSetter public void setScope(String scope) { options.setScope(scope); }

    /** The token lifetime in seconds; 0 for the profile's default. */
    public int getLifetime() { return options.getLifetime(); }
    @DataBoundSetter public void setLifetime(int lifetime) { options.setLifetime(lifetime); }

    @Override
    public MultiEnvironment bind(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
            throws IOException, InterruptedException {
        KeyUse use = KeyUse.open(getCredentialsId(), options, build);
        use.printIntro(listener, false);
        return new MultiEnvironment(use.environment(), Map.of());
    }

    /** The token variable (credentials-binding lists it). */
    @Override
    public Set<String> variables() {
        return Set.of(options.getVariable());
    }

    /** {@code appleToken(…)} in {@code withCredentials}; loaded only when credentials-binding is installed. */
    @Extension(optional = true)
    @Symbol({"appleDeveloperKey", "appleToken"})
    public static final class DescriptorImpl extends BindingDescriptor<AppleDeveloperKey> {

        /** Shares the step's help pages for the fields both have ({@link SharedHelp}). */
        public DescriptorImpl() {
            SharedHelp.register(AppleTokenBinding.class, this::addHelpFileRedirect);
        }

        @Override
        protected Class<AppleDeveloperKey> type() {
            return AppleDeveloperKey.class;
        }

        @Override
        @NonNull public String getDisplayName() {
            return Messages.AppleToken_Binding_DisplayName();
        }

        @Override
        public boolean requiresWorkspace() {
            return false;
        }

        /** The profiles, by their short names. */
        @POST
        public ListBoxModel doFillProfileItems() {
            return AppleTokenOptions.profileItems();
        }
    }
}
