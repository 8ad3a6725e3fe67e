package io.jenkins.plugins.appstoreconnect.steps;

import hudson.AbortException;
import hudson.EnvVars;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;

/**
 * The variables of every step in a key-use block ({@code withAppStoreConnectToken}, {@code withAppleToken}),
 * computed on the controller each time a step asks for its environment, with a token from the plugin's cache that
 * has at least its refresh margin of life left. Serialised with the build: holds the credential ID, the run's ID,
 * the options, the key's fingerprint, the mask prefix and the block directory's path, never the key or a token.
 * After a controller restart it looks the credential up again ({@link KeyUse#reopen}).
 */
final class KeyUseExpander extends EnvironmentExpander {
    private static final long serialVersionUID = 1L;

    private final String credentialsId;
    private final String runId;
    private final KeyUseSpec<?> spec;
    private final String fingerprint;
    private final String maskPrefix;
    private final String directory;
    private transient volatile KeyUse use;

    /** @param use the block's key use, kept in memory only (looked up again after a restart) */
    KeyUseExpander(String runId, KeyUse use) {
        this.credentialsId = use.credentialsId;
        this.runId = runId;
        this.spec = use.spec;
        this.fingerprint = use.key.fingerprint();
        this.maskPrefix = use.maskPrefix;
        this.directory = use.directory();
        this.use = use;
    }

    @Override
    public void expand(EnvVars env) throws IOException, InterruptedException {
        for (Map.Entry<String, String> e : use().environment().entrySet()) {
            env.override(e.getKey(), e.getValue());
        }
    }

    /** The token variables: Pipeline warns when Groovy interpolates them into a step's arguments. */
    @Override
    public Set<String> getSensitiveVariables() {
        return spec.tokenVariables();
    }

    private KeyUse use() throws AbortException {
        KeyUse u = use;
        if (u == null) {
            u = KeyUse.reopen(credentialsId, spec, CredentialLookup.run(runId, spec.kind()), fingerprint, maskPrefix, directory);
            use = u;
        }
        return u;
    }
}
