package io.jenkins.plugins.appstoreconnect.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.appstoreconnect.credentials.AppleDeveloperKey;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code withAppleToken(credentialsId: '…', profile: 'weatherkit', serviceId: '…', variable: 'WEATHERKIT_TOKEN') { … }}:
 * inside the block every step gets a fresh token of the chosen profile, minted from an Apple developer key; the key
 * and every token of the profile are masked in the log (see {@code docs/apple-tokens.md}).
 */
public final class WithAppleTokenStep extends Step {

    private final String credentialsId;
    private final AppleTokenOptions options;

    @DataBoundConstructor
    public WithAppleTokenStep(@CheckForNull String credentialsId, @CheckForNull String profile) {
        this.credentialsId = credentialsId;
        this.options = new AppleTokenOptions(profile);
    }

    @CheckForNull public String getCredentialsId() { return credentialsId; }

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
    public StepExecution start(StepContext context) {
        return new KeyBlockExecution(context, credentialsId, options.copy());
    }

    /** The step's name, its block and what it needs: a run and a log (no workspace: nothing is written). */
    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        @NonNull public String getFunctionName() {
            return "withAppleToken";
        }

        @Override
        @NonNull public String getDisplayName() {
            return Messages.AppleToken_Step_DisplayName();
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return CredentialsIdItems.fill(item, credentialsId, AppleDeveloperKey.class);
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return CredentialsIdItems.check(item, value, AppleDeveloperKey.class, Messages.Kind_AppleDeveloperKey());
        }

        /** The profiles, by their short names. */
        @POST
        public ListBoxModel doFillProfileItems() {
            return AppleTokenOptions.profileItems();
        }
    }
}
