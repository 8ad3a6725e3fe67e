package io.jenkins.plugins.appstoreconnect.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;

/**
 * Finding a build's credential (and the build again, after a controller restart), for every step, wrapper and
 * binding of this package. Messages name the ID and the kind of credential, never a secret.
 */
final class CredentialLookup {

    private CredentialLookup() {}

    /**
     * The credential of that ID and type for {@code run}; records the use when {@code track}.
     *
     * @param kind the credential kind for messages, e.g. "Apple developer key"
     * @throws AbortException if no ID is given or no such credential is available to the run
     */
    static <C extends StandardCredentials> C find(Class<C> type, String credentialsId, Run<?, ?> run, boolean track,
            String kind) throws AbortException {
        return find(type, credentialsId, run, track, Messages.Credential_NoId(kind), Messages.Credential_NotFound(credentialsId, kind));
    }

    /** {@link #find(Class, String, Run, boolean, String)} with the caller's own messages. */
    static <C extends StandardCredentials> C find(Class<C> type, String credentialsId, Run<?, ?> run, boolean track,
            String noIdMessage, String notFoundMessage) throws AbortException {
        if (credentialsId == null || credentialsId.isBlank()) {
            throw new AbortException(noIdMessage);
        }
        C credential = CredentialsProvider.findCredentialById(credentialsId, type, run);
        if (credential == null) {
            throw new AbortException(notFoundMessage);
        }
        if (track) {
            CredentialsProvider.track(run, credential);
        }
        return credential;
    }

    /**
     * The build of that {@link Run#getExternalizableId()}, found as the system (an environment expander restored
     * after a restart runs without the build's authentication).
     *
     * @throws AbortException if it is gone
     */
    static Run<?, ?> run(String runId, String kind) throws AbortException {
        Run<?, ?> run;
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            run = Run.fromExternalizableId(runId);
        }
        if (run == null) {
            throw new AbortException(Messages.Credential_RunGone(runId, kind));
        }
        return run;
    }
}
