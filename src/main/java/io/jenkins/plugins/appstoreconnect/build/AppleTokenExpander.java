package io.jenkins.plugins.appstoreconnect.build;

import hudson.AbortException;
import hudson.EnvVars;
import io.jenkins.plugins.appstoreconnect.AppleDeveloperKey;
import java.io.IOException;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;

/**
 * The token variable of every step in a {@code withAppleToken} block, minted on the controller each time a step asks
 * for its environment (from the plugin's Apple token cache, so it has at least the profile's refresh margin of
 * life left). Serialised with the build: holds the credential ID, the run's ID, the options, the key's fingerprint
 * and the mask prefix, never the key or a token. After a controller restart it looks the credential up again (and
 * refuses one that now holds another key, or whose tokens would not start with the prefix the log masks).
 */
final class AppleTokenExpander extends EnvironmentExpander {
    private static final long serialVersionUID = 1L;

    private final String credentialsId;
    private final String runId;
    private final AppleTokenOptions options;
    private final String fingerprint;
    private final String variable;
    private final String maskPrefix;
    private transient volatile AppleKeyUse use;

    /** @param use the block's key use, kept in memory only (looked up again after a restart) */
    AppleTokenExpander(String runId, AppleTokenOptions options, AppleKeyUse use) {
        this.credentialsId = use.credentialsId;
        this.runId = runId;
        this.options = options;
        this.fingerprint = use.key.fingerprint();
        this.variable = use.variable;
        this.maskPrefix = use.maskPrefix;
        this.use = use;
    }

    @Override
    public void expand(EnvVars env) throws IOException, InterruptedException {
        env.override(variable, use().token());
    }

    /** The token variable: Pipeline warns when Groovy interpolates it into a step's arguments. */
    @Override
    public Set<String> getSensitiveVariables() {
        return Set.of(variable);
    }

    private AppleKeyUse use() throws AbortException {
        AppleKeyUse u = use;
        if (u == null) {
            String kind = Messages.Kind_AppleDeveloperKey();
            AppleDeveloperKey credential = AppleKeyUse.lookup(credentialsId, CredentialLookup.run(runId, kind), false);
            u = new AppleKeyUse(credentialsId, credential, options, KeyBlock.TOKENS);
            if (!u.key.fingerprint().equals(fingerprint) || !u.maskPrefix.equals(maskPrefix)) {
                throw new AbortException(Messages.AppleToken_Changed(credentialsId));
            }
            use = u;
        }
        return u;
    }
}
