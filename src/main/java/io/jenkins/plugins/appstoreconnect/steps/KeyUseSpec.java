package io.jenkins.plugins.appstoreconnect.steps;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.core.token.TokenSource;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one kind of key use needs from its credential and gives a build: the App Store Connect options (tokens, key
 * files and the variables fastlane and Apple's tools read) or a team key's token profile (one token variable).
 * {@link KeyUse} does the rest the same way for both. Plain, serialisable data: no secret.
 *
 * @param <C> the credential type
 */
interface KeyUseSpec<C extends StandardCredentials> extends Serializable {

    /** The credential of that ID for {@code run}, with this kind's messages; records the use when {@code track}. */
    C lookup(String credentialsId, Run<?, ?> run, boolean track) throws AbortException;

    /** The credential kind, for messages. */
    String kind();

    Secret privateKey(C credential);

    /**
     * The checked request and variable names for {@code credential}.
     *
     * @throws io.jenkins.plugins.appstoreconnect.core.InvalidInputException naming the problem
     */
    TokenRequest request(C credential);

    /** Whether the block writes key files (and so needs a workspace). */
    boolean writesKeyFiles();

    /**
     * The variables for a step starting now, with a fresh token that starts with {@code maskPrefix}.
     *
     * @param directory the block directory of the key files, or {@code null} when none are written
     */
    Map<String, String> variables(TokenSource tokens, String maskPrefix, String directory);

    /** The variables that hold a token: Pipeline warns when Groovy interpolates them into a step's arguments. */
    Set<String> tokenVariables();

    /** The lines that open the block's log. {@code masked}: our filter masks the key (not so under {@code withCredentials}). */
    List<String> intro(String credentialsId, TokenRequest request, String directory, boolean masked);

    /** Why the options cannot be used with this credential. */
    String badOption(String credentialsId, String problem);

    /** The message when the credential holds another key than when the block started. */
    String changed(String credentialsId);
}
