package io.jenkins.plugins.appstoreconnect.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.console.ConsoleLogFilter;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildWrapperDescriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.appstoreconnect.core.environment.EnvironmentNames.Variable;
import io.jenkins.plugins.appstoreconnect.credentials.AppStoreConnectApiKey;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import jenkins.tasks.SimpleBuildWrapper;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * "Provide App Store Connect API key" for freestyle jobs: the variables and key files of
 * {@code withAppStoreConnectToken} for the whole build, the key and its tokens masked in the log, the files deleted
 * by the disposer. The environment is set once, when the build starts, so the token is the one minted then.
 */
public final class AppStoreConnectKeyWrapper extends SimpleBuildWrapper {

    private final String credentialsId;
    private KeyUseOptions options = new KeyUseOptions();
    /**
     * The block each running build opened for its console filter, which Jenkins asks for first, taken again by
     * {@link #setUp}: one lookup, one use record and one parse of the key per build. Never saved.
     */
    private transient Map<Run<?, ?>, KeyUse> opened;

    @DataBoundConstructor
    public AppStoreConnectKeyWrapper(@CheckForNull String credentialsId) {
        this.credentialsId = credentialsId;
    }

    @CheckForNull public String getCredentialsId() { return credentialsId; }

    /** XStream skips field initialisers: a configuration saved without options gets the defaults. */
    private Object readResolve() {
        if (options == null) {
            options = new KeyUseOptions();
        }
        return this;
    }

    /** Scope entries, one {@code "METHOD /path"} per line. */
    @NonNull public String getScope() { return options.getScopeLines(); }
    @DataBoundSetter public void setScope(String lines) { options.setScopeLines(lines); }

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
    public void setUp(Context context, Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener,
            EnvVars initialEnvironment) throws IOException, InterruptedException {
        KeyUse block = opened().remove(build);
        if (block == null) {
            block = KeyUse.open(credentialsId, options, build);
        }
        String directory = block.chooseDirectory(workspace);
        block.writeFiles(workspace);
        try {
            Map<String, String> env = block.environment();
            block.printIntro(listener, true);
            env.forEach(context::env);
            context.setDisposer(new Cleanup(directory));
        } catch (RuntimeException e) {
            KeyUse.deleteFiles(workspace, directory, listener); // no disposer runs when setUp fails
            throw e;
        }
    }

    /** Masks the key and its tokens from the start of the build; none if the credential cannot be used (setUp says why). */
    @Override
    public ConsoleLogFilter createLoggerDecorator(Run<?, ?> build) {
        try {
            KeyUse block = KeyUse.open(credentialsId, options, build);
            opened().put(build, block);
            return block.filter();
        } catch (AbortException e) {
            return null;
        }
    }

    private synchronized Map<Run<?, ?>, KeyUse> opened() {
        if (opened == null) {
            opened = Collections.synchronizedMap(new WeakHashMap<>());
        }
        return opened;
    }

    @Override
    public void makeSensitiveBuildVariables(AbstractBuild build, Set<String> sensitiveVariables) {
        String jwt = options.name(Variable.JWT);
        if (!jwt.isEmpty()) {
            sensitiveVariables.add(jwt);
        }
    }

    /** Deletes the build's key files when the build ends. Holds the directory's path only. */
    static final class Cleanup extends Disposer {
        private static final long serialVersionUID = 1L;

        private final String directory;

        Cleanup(String directory) {
            this.directory = directory;
        }

        @Override
        public void tearDown(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
                throws IOException, InterruptedException {
            KeyUse.deleteFiles(workspace, directory, listener);
        }
    }

    /** "Provide App Store Connect API key" under Build Environment. */
    @Extension
    public static final class DescriptorImpl extends BuildWrapperDescriptor {

        /** Shares the step's help pages for the fields both have ({@link SharedHelp}). */
        public DescriptorImpl() {
            SharedHelp.register(AppStoreConnectKeyWrapper.class, this::addHelpFileRedirect);
        }

        @Override
        public boolean isApplicable(AbstractProject<?, ?> item) {
            return true;
        }

        @Override
        @NonNull public String getDisplayName() {
            return Messages.Wrapper_DisplayName();
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
