package io.jenkins.plugins.appstoreconnect.build;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.appstoreconnect.AppleDeveloperKey;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.build.TokenSource;
import io.jenkins.plugins.appstoreconnect.core.token.TokenCache;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;

/**
 * One use of an Apple developer key in a build ({@code withAppleToken}, the {@code appleToken} binding): the
 * credential, its parsed key, the checked request and variable, and the prefix every token of the request starts
 * with. Lives on the controller only; nothing of it is serialised.
 */
final class AppleKeyUse {

    final String credentialsId;
    final AppleDeveloperKey credential;
    final ParsedKey key;
    final TokenRequest request;
    final String variable;
    final String maskPrefix;
    private final TokenSource tokens;

    /**
     * Checks the options against the credential and parses the key; no token is minted yet.
     *
     * @throws AbortException naming the problem (an unknown profile, a missing or wrong parameter, a bad variable
     *                        name), never the key
     */
    AppleKeyUse(String credentialsId, AppleDeveloperKey credential, AppleTokenOptions options, TokenCache cache)
            throws AbortException {
        this.credentialsId = credentialsId;
        this.credential = credential;
        try {
            this.variable = options.variableName();
            this.request = options.request(credential);
            this.key = P256PrivateKeys.parse(credential.getPrivateKey().getPlainText());
            this.tokens = new TokenSource(cache, key, request);
            this.maskPrefix = tokens.maskPrefix();
        } catch (InvalidInputException e) {
            throw new AbortException(Messages.AppleToken_BadOption(credentialsId, e.getMessage()));
        }
    }

    /** Looks the credential up for {@code run}, records its use, and checks the options. */
    static AppleKeyUse open(String credentialsId, AppleTokenOptions options, Run<?, ?> run) throws AbortException {
        return new AppleKeyUse(credentialsId, lookup(credentialsId, run, true), options, KeyBlock.TOKENS);
    }

    static AppleDeveloperKey lookup(String credentialsId, Run<?, ?> run, boolean track) throws AbortException {
        return CredentialLookup.find(AppleDeveloperKey.class, credentialsId, run, track, Messages.Kind_AppleDeveloperKey());
    }

    /** A token with at least the profile's refresh margin of life left, starting with {@link #maskPrefix}. */
    String token() {
        return tokens.token(maskPrefix).token();
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
