package io.jenkins.plugins.appstoreconnect.build;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.appstoreconnect.AppleDeveloperKey;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.apple.AppleTokenRequest;
import io.jenkins.plugins.appstoreconnect.core.apple.AppleTokenSource;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import java.time.Clock;

/**
 * One use of an Apple developer key in a build ({@code withAppleToken}, the {@code appleToken} binding): the
 * credential, its parsed key, the checked request and variable, and the prefix every token of the request starts
 * with. Lives on the controller only; nothing of it is serialised.
 */
final class AppleKeyUse {

    /** The plugin's Apple token cache: one per controller, shared by every block and binding. */
    static final AppleTokenSource TOKENS = new AppleTokenSource(Clock.systemUTC());

    final String credentialsId;
    final AppleDeveloperKey credential;
    final ParsedKey key;
    final AppleTokenRequest request;
    final String variable;
    final String maskPrefix;
    private final AppleTokenSource tokens;

    /**
     * Checks the options against the credential and mints the first token (for the mask prefix).
     *
     * @throws AbortException naming the problem (an unknown profile, a missing or wrong parameter, a bad variable
     *                        name), never the key
     */
    AppleKeyUse(String credentialsId, AppleDeveloperKey credential, AppleTokenOptions options, AppleTokenSource tokens)
            throws AbortException {
        this.credentialsId = credentialsId;
        this.credential = credential;
        this.tokens = tokens;
        try {
            this.variable = options.variableName();
            this.request = options.request(credential);
            this.key = P256PrivateKeys.parse(credential.getPrivateKey().getPlainText());
            this.maskPrefix = AppleTokenSource.maskPrefix(request);
        } catch (InvalidInputException e) {
            throw new AbortException(Messages.AppleToken_BadOption(credentialsId, e.getMessage()));
        }
    }

    /** Looks the credential up for {@code run}, records its use, and checks the options. */
    static AppleKeyUse open(String credentialsId, AppleTokenOptions options, Run<?, ?> run) throws AbortException {
        return new AppleKeyUse(credentialsId, lookup(credentialsId, run, true), options, TOKENS);
    }

    static AppleDeveloperKey lookup(String credentialsId, Run<?, ?> run, boolean track) throws AbortException {
        return CredentialLookup.find(AppleDeveloperKey.class, credentialsId, run, track, Messages.Kind_AppleDeveloperKey());
    }

    /** A token with at least the profile's refresh margin of life left, starting with {@link #maskPrefix}. */
    String token() {
        return tokens.token(key, request, maskPrefix).token();
    }

    /** A console filter masking the key and every token of this request. */
    KeyMaskingFilter filter() {
        return KeyMaskingFilter.forKey(key, credential.getPrivateKey().getPlainText(), maskPrefix);
    }

    /** The block's opening line: which key, which profile, which variable. */
    void printIntro(TaskListener listener, boolean masked) {
        String what = request.profile().cliName() + ", " + request.profile().title();
        listener.getLogger().println(masked ? Messages.AppleToken_Using(credentialsId, request.keyId(), what, variable)
                : Messages.AppleToken_UsingBinding(credentialsId, request.keyId(), what, variable));
    }
}
