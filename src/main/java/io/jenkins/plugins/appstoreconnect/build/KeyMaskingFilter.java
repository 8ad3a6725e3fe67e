package io.jenkins.plugins.appstoreconnect.build;

import hudson.console.ConsoleLogFilter;
import hudson.model.AbstractBuild;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.core.mask.MaskingOutputStream;
import io.jenkins.plugins.appstoreconnect.core.mask.SecretForms;
import io.jenkins.plugins.appstoreconnect.core.mask.SecretMasker;
import java.io.OutputStream;
import java.io.Serializable;

/**
 * Masks an App Store Connect key and every token of its key ID in a build log, with core's
 * {@link MaskingOutputStream}: each form of the key ({@link SecretForms#of(String)}), and each token through its
 * shared header ({@link SecretMasker#addTokenPrefix(String)}), so that tokens minted after the filter was made,
 * which it never sees, are masked too.
 *
 * <p>Pipeline sends this filter to the agents that run the block's steps, so it holds what it masks: the key as a
 * {@link Secret} (encrypted wherever Jenkins writes it as XML; in Java serialisation, to agents and into the
 * build's {@code program.dat} on the controller, it travels as credentials-binding's filter does) and the token
 * prefix, which is not secret. It never holds a token.
 */
final class KeyMaskingFilter extends ConsoleLogFilter implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Secret key;
    private final String tokenPrefix;
    private transient volatile SecretMasker masker;

    KeyMaskingFilter(Secret key, String tokenPrefix) {
        this.key = key;
        this.tokenPrefix = tokenPrefix;
    }

    @Override
    public OutputStream decorateLogger(Run build, OutputStream logger) {
        return new MaskingOutputStream(logger, masker());
    }

    /**
     * The overload that Pipeline's agents and older callers use (with no build, or a freestyle one): masks as the
     * {@code Run} one does, as credentials-binding's filter overrides it. Not the {@code Computer} one: that
     * decorates an agent's connection log, never a block's output.
     */
    @Deprecated
    @Override
    public OutputStream decorateLogger(AbstractBuild build, OutputStream logger) {
        return new MaskingOutputStream(logger, masker());
    }

    /** The masker, built once per copy of the filter and shared by the streams it decorates. */
    SecretMasker masker() {
        SecretMasker m = masker;
        if (m == null) {
            m = new SecretMasker(SecretForms.of(key.getPlainText()));
            m.addTokenPrefix(tokenPrefix);
            masker = m;
        }
        return m;
    }

    /** The handler that masks this block's tokens in a failure raised inside it (it holds the token prefix only). */
    KeyFailureHandler failureHandler() {
        return new KeyFailureHandler(tokenPrefix);
    }

    /** The token prefix only; never the key. */
    @Override
    public String toString() {
        return "KeyMaskingFilter[" + tokenPrefix + "]";
    }
}
