package io.jenkins.plugins.appstoreconnect.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.appstoreconnect.core.environment.EnvironmentNames.Variable;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.mask.SecretForms;
import io.jenkins.plugins.appstoreconnect.credentials.AppStoreConnectApiKey;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.credentialsbinding.BindingDescriptor;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code withCredentials([appStoreConnectApiKey(credentialsId: '…')])}: the variables and key files of
 * {@code withAppStoreConnectToken}, for builds that combine bindings. The token is minted once, when the block
 * starts. credentials-binding masks only the values a binding declares secret, and it masks them line by line; so
 * besides the token this binding declares each printed form of the key that fits on one line (each PEM body line,
 * the joined body, the base64 of the file and its wrapped lines, the one-line escaped PEMs:
 * {@link SecretForms#singleLine}) as a secret value of a variable of its own ({@link #keyFormVariables}), so that
 * {@code cat} of a key file is masked too. Like every secret value, credentials-binding keeps them in its own
 * filter, which it sends to the agents and saves with the build; {@code withAppStoreConnectToken}'s filter masks the
 * key without holding it. The files are deleted by the unbinder.
 *
 * <p>credentials-binding is an optional dependency: this class and its descriptor are the only ones that refer to
 * it, and the descriptor is an optional extension, so the plugin loads without it.
 */
public final class AppStoreConnectApiKeyBinding extends MultiBinding<AppStoreConnectApiKey> {

    private KeyUseOptions options = new KeyUseOptions();

    @DataBoundConstructor
    public AppStoreConnectApiKeyBinding(@CheckForNull String credentialsId) {
        super(credentialsId);
    }

    @Override
    protected Class<AppStoreConnectApiKey> type() {
        return AppStoreConnectApiKey.class;
    }

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
    public MultiEnvironment bind(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
            throws IOException, InterruptedException {
        KeyUse block = KeyUse.open(getCredentialsId(), options, build);
        String directory = block.chooseDirectory(workspace);
        block.writeFiles(workspace);
        try {
            Set<String> tokenVariables = options.tokenVariables();
            Map<String, String> secret = new LinkedHashMap<>();
            Map<String, String> visible = new LinkedHashMap<>();
            block.environment().forEach((name, value) -> (tokenVariables.contains(name) ? secret : visible).put(name, value));
            keyFormVariables(block.request.keyId(), block.key).forEach((name, value) -> {
                if (!visible.containsKey(name)) {
                    secret.put(name, value);
                }
            });
            block.printIntro(listener, false);
            return new MultiEnvironment(secret, visible, new Unbind(directory));
        } catch (RuntimeException e) {
            KeyUse.deleteFiles(workspace, directory, listener);
            throw e;
        }
    }

    /**
     * The key's one-line forms as secret values, each under a variable {@code _ASC_KEY_<key ID>_FORM_<n>} (the key ID
     * keeps two keys bound in one block apart). credentials-binding sets them in the block's environment, like every
     * secret value, and masks each of them in every line of the log.
     */
    static Map<String, String> keyFormVariables(String keyId, ParsedKey key) {
        Map<String, String> out = new LinkedHashMap<>();
        int n = 0;
        for (String form : SecretForms.singleLine(key)) {
            out.put("_ASC_KEY_" + keyId + "_FORM_" + ++n, form);
        }
        return out;
    }

    /** The variable names this binding sets (credentials-binding lists them). */
    @Override
    public Set<String> variables() {
        return new LinkedHashSet<>(options.names().asMap().values());
    }

    /** Deletes the key files when the {@code withCredentials} block ends. Holds the directory's path only. */
    static final class Unbind implements MultiBinding.Unbinder {
        private static final long serialVersionUID = 1L;

        private final String directory;

        Unbind(String directory) {
            this.directory = directory;
        }

        @Override
        public void unbind(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
                throws IOException, InterruptedException {
            KeyUse.deleteFiles(workspace, directory, listener);
        }
    }

    /** {@code appStoreConnectApiKey(…)} in {@code withCredentials}; loaded only when credentials-binding is installed. */
    @Extension(optional = true)
    @Symbol("appStoreConnectApiKey")
    public static final class DescriptorImpl extends BindingDescriptor<AppStoreConnectApiKey> {

        /** Shares the step's help pages for the fields both have ({@link SharedHelp}). */
        public DescriptorImpl() {
            SharedHelp.register(AppStoreConnectApiKeyBinding.class, this::addHelpFileRedirect);
        }

        @Override
        protected Class<AppStoreConnectApiKey> type() {
            return AppStoreConnectApiKey.class;
        }

        @Override
        @NonNull public String getDisplayName() {
            return Messages.Binding_DisplayName();
        }

        @Override
        public boolean requiresWorkspace() {
            return true;
        }
    }
}
