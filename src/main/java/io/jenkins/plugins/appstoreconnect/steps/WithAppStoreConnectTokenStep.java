package io.jenkins.plugins.appstoreconnect.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.appstoreconnect.core.environment.EnvironmentNames.Variable;
import io.jenkins.plugins.appstoreconnect.credentials.AppStoreConnectApiKey;
import java.util.List;
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
 * {@code withAppStoreConnectToken(credentialsId: '…') { … }}: inside the block, every step gets a fresh token and
 * the key files (see {@code docs/pipeline.md}); the key and the tokens are masked in the log.
 */
public final class WithAppStoreConnectTokenStep extends Step {

    private final String credentialsId;
    private final KeyUseOptions options = new KeyUseOptions();

    @DataBoundConstructor
    public WithAppStoreConnectTokenStep(@CheckForNull String credentialsId) {
        this.credentialsId = credentialsId;
    }

    @CheckForNull public String getCredentialsId() { return credentialsId; }

    /** {@code "METHOD /path"} entries for the token's {@code scope} claim; none by default. */
    @NonNull public List<String> getScope() { return options.getScope(); }
    @DataBoundSetter public void setScope(List<String> scope) { options.setScope(scope); }

    /** The token lifetime in seconds ({@code exp - iat}, 361 to 1200); 0 for the default 1200. */
    public int getLifetime() { return options.getLifetime(); }
    @DataBoundSetter public void setLifetime(int lifetime) { options.setLifetime(lifetime); }

    @NonNull public String getJwtVariable() { return options.name(Variable.JWT); }
    @DataBoundSetter public void setJwtVariable(String name) { options.setName(Variable.JWT, name); }

    @NonNull public String getKeyIdVariable() { return options.name(Variable.KEY_ID); }
    @DataBoundSetter public void setKeyIdVariable(String name) { options.setName(Variable.KEY_ID, name); }

    @NonNull public String getIssuerIdVariable() { return options.name(Variable.ISSUER_ID); }
    @DataBoundSetter public void setIssuerIdVariable(String name) { options.setName(Variable.ISSUER_ID, name); }

    @NonNull public String getKeyFilePathVariable() { return options.name(Variable.KEY_FILEPATH); }
    @DataBoundSetter public void setKeyFilePathVariable(String name) { options.setName(Variable.KEY_FILEPATH, name); }

    @NonNull public String getApiKeyPathVariable() { return options.name(Variable.API_KEY_PATH); }
    @DataBoundSetter public void setApiKeyPathVariable(String name) { options.setName(Variable.API_KEY_PATH, name); }

    @NonNull public String getInHouseVariable() { return options.name(Variable.IN_HOUSE); }
    @DataBoundSetter public void setInHouseVariable(String name) { options.setName(Variable.IN_HOUSE, name); }

    @NonNull public String getDurationVariable() { return options.name(Variable.DURATION); }
    @DataBoundSetter public void setDurationVariable(String name) { options.setName(Variable.DURATION, name); }

    @NonNull public String getPrivateKeysDirVariable() { return options.name(Variable.PRIVATE_KEYS_DIR); }
    @DataBoundSetter public void setPrivateKeysDirVariable(String name) { options.setName(Variable.PRIVATE_KEYS_DIR, name); }

    @Override
    public StepExecution start(StepContext context) {
        return new KeyBlockExecution(context, credentialsId, options.copy());
    }

    /** The step's name, its block and what it needs: a run, a log and a workspace (a {@code node}). */
    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        @NonNull public String getFunctionName() {
            return "withAppStoreConnectToken";
        }

        @Override
        @NonNull public String getDisplayName() {
            return Messages.Step_DisplayName();
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, TaskListener.class);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return CredentialsIdItems.fill(item, credentialsId);
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return CredentialsIdItems.check(item, value, AppStoreConnectApiKey.class, Messages.Kind_AppStoreConnectApiKey());
        }
    }
}
