package io.jenkins.plugins.appstoreconnect.steps;

import hudson.console.ConsoleLogFilter;
import hudson.model.AbstractBuild;
import hudson.model.Run;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.mask.KeySegments;
import io.jenkins.plugins.appstoreconnect.core.mask.MaskingOutputStream;
import io.jenkins.plugins.appstoreconnect.core.mask.SecretForms;
import io.jenkins.plugins.appstoreconnect.core.mask.SecretMasker;
import io.jenkins.plugins.appstoreconnect.core.mask.SegmentMaskingOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Masks an App Store Connect or Apple key and every token of its key ID in a build log: each printed form of the key
 * through core's {@link SegmentMaskingOutputStream}, and each token through its shared header with
 * {@link MaskingOutputStream} ({@link SecretMasker#addTokenPrefix(String)}), so that tokens minted after the filter
 * was made, which it never sees, are masked too.
 *
 * <p>Pipeline sends this filter to every agent that prints in the block and saves it with the build (in
 * {@code program.dat}), in Java serialisation, which writes even a {@code Secret} in clear. So it does not hold the
 * key: it holds {@link KeySegments}, salted SHA-256 hashes of the whole base64 runs the key's printed forms consist
 * of (each PEM body line, the joined body, the base64 of the file and its wrapped lines) and their lengths, with a
 * random salt of its own. That is enough to recognise the key in the log, run by run, and not enough to get it back:
 * the hashes cannot be inverted, each run that holds bits of the private key holds too many to guess, and no hash
 * covers a short or overlapping window that could be guessed a few bits at a time ({@link KeySegments} says why in
 * detail). The token prefix is a JOSE header, not a secret. It never holds a token.
 */
final class KeyMaskingFilter extends ConsoleLogFilter implements Serializable {
    /** Unchanged from the version that held the key, so that builds saved by it still load (see {@link #readResolve}). */
    private static final long serialVersionUID = 1L;

    private final KeySegments segments;
    private final String tokenPrefix;
    private transient volatile SecretMasker masker;

    KeyMaskingFilter(KeySegments segments, String tokenPrefix) {
        this.segments = segments;
        this.tokenPrefix = tokenPrefix;
    }

    /**
     * A filter for {@code key}: the segments of its normalised PEM and of the PEM as the credential stores it
     * ({@code stored}, left out if it is no PEM block). Neither PEM is kept.
     */
    static KeyMaskingFilter forKey(ParsedKey key, String stored, String tokenPrefix) {
        List<String> pems = new ArrayList<>();
        pems.add(key.pkcs8Pem());
        try {
            SecretForms.of(stored);
            pems.add(stored);
        } catch (InvalidInputException e) {
            // stored in another form: the normalised PEM's segments are what the key files and tools print
        }
        return new KeyMaskingFilter(KeySegments.of(pems), tokenPrefix);
    }

    /**
     * A filter saved by an earlier version held the key (its {@code key} field, which Java serialisation drops now);
     * read back, it has no segments: it then masks the block's tokens only, never failing the build it belongs to.
     */
    private Object readResolve() {
        return segments == null ? new KeyMaskingFilter(KeySegments.of(List.of()), tokenPrefix) : this;
    }

    @Override
    public OutputStream decorateLogger(Run build, OutputStream logger) {
        return decorate(logger);
    }

    /**
     * The overload that Pipeline's agents and older callers use (with no build, or a freestyle one): masks as the
     * {@code Run} one does, as credentials-binding's filter overrides it. Not the {@code Computer} one: that
     * decorates an agent's connection log, never a block's output.
     */
    @Deprecated
    @Override
    public OutputStream decorateLogger(AbstractBuild build, OutputStream logger) {
        return decorate(logger);
    }

    /** Tokens first (their bytes become {@code ****}), then the key's runs. */
    OutputStream decorate(OutputStream logger) {
        return new MaskingOutputStream(new SegmentMaskingOutputStream(logger, segments), masker());
    }

    /** The token prefix masker, built once per copy of the filter and shared by the streams it decorates. */
    SecretMasker masker() {
        SecretMasker m = masker;
        if (m == null) {
            m = new SecretMasker();
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
