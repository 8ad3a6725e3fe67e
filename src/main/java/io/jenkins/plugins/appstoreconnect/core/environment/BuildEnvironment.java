package io.jenkins.plugins.appstoreconnect.core.environment;

import io.jenkins.plugins.appstoreconnect.core.environment.EnvironmentNames.Variable;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.TokenSource;
import io.jenkins.plugins.appstoreconnect.core.token.MintedToken;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The environment variables of one step inside a {@code withAppStoreConnectToken} block, and the one-line note
 * about individual keys. Pure functions; the caller supplies a fresh token for every step (see
 * {@link TokenSource}) and keeps the "already noted" flag.
 */
public final class BuildEnvironment {

    /** Shown once per block when the key is an individual key. */
    public static final String INDIVIDUAL_KEY_NOTE = "Note: this is an individual API key; Apple does not accept"
            + " individual keys for notarytool or for provisioning (xcodebuild -allowProvisioningUpdates)."
            + " Use a team key for those.";

    private BuildEnvironment() {}

    /**
     * The variables for one step, in {@link Variable} order; switched-off names are left out, and so is the
     * issuer ID for an individual key (rather than set to an empty string, which fastlane would take as given).
     * Values: the token, the key ID, the issuer ID, the {@code .p8} path, the fastlane JSON path,
     * {@code true}/{@code false} for in-house, fastlane's duration in seconds, the keys directory.
     * The key itself is never a value.
     *
     * @param names   the variable names
     * @param request the request the token was minted for (key ID, issuer ID, audience, lifetime)
     * @param paths   where the key files are, as the machine running the step spells them
     * @param token   a token for {@code request}, fresh enough for this step
     * @return an unmodifiable map; its values include the token, a secret
     * @throws IllegalArgumentException if the token was signed under another key ID than the request's (a bug)
     */
    public static Map<String, String> compute(EnvironmentNames names, TokenRequest request,
            KeyFilePaths paths, MintedToken token) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(token, "token");
        if (!token.keyId().equals(request.keyId())) {
            throw new IllegalArgumentException("the token's key ID " + token.keyId() + " is not the request's "
                    + request.keyId());
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (Map.Entry<Variable, String> e : names.asMap().entrySet()) {
            String value = value(e.getKey(), request, paths, token);
            if (value != null) {
                env.put(e.getValue(), value);
            }
        }
        return Collections.unmodifiableMap(env);
    }

    private static String value(Variable v, TokenRequest request, KeyFilePaths paths, MintedToken token) {
        switch (v) {
            case JWT: return token.token();
            case KEY_ID: return request.keyId();
            case ISSUER_ID: return request.issuerId();
            case KEY_FILEPATH: return paths.p8File();
            case API_KEY_PATH: return paths.fastlaneJson();
            case IN_HOUSE: return Boolean.toString(KeyFileLayout.inHouse(request));
            case DURATION: return Integer.toString(KeyFileLayout.fastlaneDurationSeconds(request));
            case PRIVATE_KEYS_DIR: return paths.keysDirectory();
            default: throw new IllegalStateException("unknown variable " + v);
        }
    }

    /**
     * Whether to print {@link #INDIVIDUAL_KEY_NOTE} now: for an individual key that has not been noted yet in
     * this block.
     */
    public static boolean individualKeyNoteDue(TokenRequest request, boolean alreadyNoted) {
        return !alreadyNoted && request.isIndividual();
    }

    /** {@link #compute} for a step starting now, with a token fetched from {@code tokens}. */
    public static Map<String, String> forStep(EnvironmentNames names, TokenSource tokens, KeyFilePaths paths) {
        return compute(names, tokens.request(), paths, tokens.token());
    }

    /**
     * {@link #forStep(EnvironmentNames, TokenSource, KeyFilePaths)}, checking that the token starts with
     * {@code maskPrefix}, the prefix the block's console filter masks.
     *
     * @throws IllegalStateException if it does not (the token would show in the log); the message holds no token
     */
    public static Map<String, String> forStep(EnvironmentNames names, TokenSource tokens, KeyFilePaths paths, String maskPrefix) {
        return compute(names, tokens.request(), paths, tokens.token(maskPrefix));
    }
}
