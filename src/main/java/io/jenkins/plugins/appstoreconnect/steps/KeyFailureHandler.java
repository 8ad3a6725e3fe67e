package io.jenkins.plugins.appstoreconnect.steps;

import io.jenkins.plugins.appstoreconnect.core.mask.MaskedThrowable;
import io.jenkins.plugins.appstoreconnect.core.mask.SecretMasker;
import org.jenkinsci.plugins.workflow.steps.FailureHandler;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Masks the block's tokens in a failure raised inside the block, as credentials-binding's {@code withCredentials}
 * does for its values: the build's final error is printed after the block (and its console filter) ended, so a
 * token in an exception message would otherwise reach the log in clear. Holds the tokens' shared header only,
 * which is not secret (never the key, never a token).
 */
final class KeyFailureHandler implements FailureHandler {
    private static final long serialVersionUID = 1L;

    private final String tokenPrefix;
    private transient volatile SecretMasker masker;

    KeyFailureHandler(String tokenPrefix) {
        this.tokenPrefix = tokenPrefix;
    }

    @Override
    public Throwable handle(StepContext ctx, Throwable t) {
        SecretMasker m = masker;
        if (m == null) {
            m = new SecretMasker();
            m.addTokenPrefix(tokenPrefix);
            masker = m;
        }
        return MaskedThrowable.of(t, m);
    }
}
