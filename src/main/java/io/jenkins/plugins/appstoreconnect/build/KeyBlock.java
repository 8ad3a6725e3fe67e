package io.jenkins.plugins.appstoreconnect.build;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.appstoreconnect.AppStoreConnectApiKey;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.build.BuildEnvironment;
import io.jenkins.plugins.appstoreconnect.core.build.EnvironmentNames;
import io.jenkins.plugins.appstoreconnect.core.build.KeyFileLayout;
import io.jenkins.plugins.appstoreconnect.core.build.KeyFilePaths;
import io.jenkins.plugins.appstoreconnect.core.build.TokenSource;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.TokenCache;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import jenkins.MasterToSlaveFileCallable;

/**
 * One use of an App Store Connect API key in a build, shared by the step, the build wrapper and the binding: the
 * credential looked up (and tracked) for the run, the checked options, the tokens, and the key files on the node.
 * Lives on the controller for the setup only; nothing of it is serialised.
 */
final class KeyBlock {

    /** The plugin's token cache: one per controller, shared by every block, wrapper and binding. */
    static final TokenCache TOKENS = new TokenCache(Clock.systemUTC());

    final String credentialsId;
    final AppStoreConnectApiKey credential;
    final ParsedKey key;
    final TokenRequest request;
    final EnvironmentNames names;
    final TokenSource tokens;
    final String maskPrefix;
    private String directory;

    private KeyBlock(String credentialsId, AppStoreConnectApiKey credential, KeyUseOptions options) throws AbortException {
        this.credentialsId = credentialsId;
        this.credential = credential;
        try {
            this.key = parse(credential);
            this.request = options.request(credential);
            this.names = options.names();
            this.tokens = new TokenSource(TOKENS, key, request);
            this.maskPrefix = tokens.maskPrefix();
        } catch (InvalidInputException e) {
            throw new AbortException(Messages.KeyUse_BadOption(credentialsId, e.getMessage()));
        }
    }

    /**
     * Looks the credential up for {@code run}, records its use, and checks the options.
     *
     * @throws AbortException with a message naming the problem (never the key)
     */
    static KeyBlock open(String credentialsId, KeyUseOptions options, Run<?, ?> run) throws AbortException {
        return new KeyBlock(credentialsId, lookup(credentialsId, run, true), options);
    }

    /** The credential of that ID for {@code run}; records the use when {@code track}. */
    static AppStoreConnectApiKey lookup(String credentialsId, Run<?, ?> run, boolean track) throws AbortException {
        return CredentialLookup.find(AppStoreConnectApiKey.class, credentialsId, run, track, Messages.KeyUse_NoCredentialsId(),
                Messages.KeyUse_NotFound(credentialsId));
    }

    /** The stored key, parsed (it was checked when the credential was saved). */
    static ParsedKey parse(AppStoreConnectApiKey credential) {
        return P256PrivateKeys.parse(credential.getPrivateKey().getPlainText());
    }

    /** A console filter masking this key and its tokens; it holds salted hashes of the key's printed forms, not the key. */
    KeyMaskingFilter filter() {
        return KeyMaskingFilter.forKey(key, credential.getPrivateKey().getPlainText(), maskPrefix);
    }

    /**
     * Chooses the block directory, {@code <workspace>@tmp/asc-<random id>}, and returns its path on the node.
     * Nothing is written yet.
     */
    String chooseDirectory(FilePath workspace) throws AbortException {
        FilePath tmp = workspace == null ? null : WorkspaceList.tempDir(workspace);
        if (tmp == null) {
            throw new AbortException(Messages.KeyUse_NoWorkspace());
        }
        directory = tmp.child(KeyFileLayout.directoryName(KeyFileLayout.newBlockId())).getRemote();
        return directory;
    }

    /**
     * Writes the key files into the chosen directory on the node of {@code workspace}: computed here, written
     * there (0700/0600 where the file system allows). A write that fails on the node removes what it made there;
     * if this thread is interrupted meanwhile (the build is aborted), the directory is deleted here too, since the
     * node may have gone on writing.
     */
    void writeFiles(FilePath workspace) throws IOException, InterruptedException {
        Map<String, byte[]> files = KeyFileLayout.files(key, request);
        try {
            new FilePath(workspace.getChannel(), directory).act(new WriteFiles(request.keyId(), files));
        } catch (InterruptedException e) {
            boolean interrupted = Thread.interrupted();
            try {
                deleteFiles(workspace, directory, null);
            } catch (IOException | InterruptedException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            throw e;
        } finally {
            files.values().forEach(b -> Arrays.fill(b, (byte) 0));
        }
    }

    /** The variables for a step starting now, with a fresh token. */
    Map<String, String> environment() {
        return tokens.environment(names, KeyFilePaths.inDirectory(directory, request.keyId()), maskPrefix);
    }

    String directory() {
        return directory;
    }

    /**
     * The block's opening lines: which key, where the files are, what is masked, and the individual-key note if
     * due.
     *
     * @param masked whether this block's console filter masks the key and its tokens (not so under
     *               {@code withCredentials}, which masks the token only)
     */
    void printIntro(TaskListener listener, boolean masked) {
        String kind = request.isIndividual() ? Messages.KeyUse_Individual() : Messages.KeyUse_Team();
        listener.getLogger().println(masked ? Messages.KeyUse_Using(credentialsId, request.keyId(), kind, directory)
                : Messages.KeyUse_UsingTokenMasked(credentialsId, request.keyId(), kind, directory));
        if (BuildEnvironment.individualKeyNoteDue(request, false)) {
            listener.getLogger().println(Messages.KeyUse_IndividualKeyNote());
        }
    }

    /**
     * Deletes a block directory on the node of {@code workspace} (recursively, without following links; only a
     * directory named {@code asc-*}).
     *
     * @param listener where to report it, or {@code null}
     * @throws AbortException if something is left
     */
    static void deleteFiles(FilePath workspace, String directory, TaskListener listener) throws IOException, InterruptedException {
        boolean gone = new FilePath(workspace.getChannel(), directory).act(new DeleteFiles());
        if (!gone) {
            throw new AbortException(Messages.KeyFiles_NotDeleted(directory));
        }
        if (listener != null) {
            listener.getLogger().println(Messages.KeyFiles_Deleted(directory));
        }
    }

    /** Runs on the node: creates the block directory (its parent if need be) and writes the files. */
    static final class WriteFiles extends MasterToSlaveFileCallable<Void> {
        private static final long serialVersionUID = 1L;

        private final String keyId;
        /** The key files' contents: secret; sent to the node over the agent channel, never persisted. */
        private final Map<String, byte[]> files;

        WriteFiles(String keyId, Map<String, byte[]> files) {
            this.keyId = keyId;
            this.files = files;
        }

        @Override
        public Void invoke(File dir, VirtualChannel channel) throws IOException {
            try {
                String name = dir.getName();
                Files.createDirectories(dir.toPath().getParent());
                KeyFileLayout.writeFiles(dir.toPath().getParent(), name.substring(KeyFileLayout.DIR_PREFIX.length()), keyId, files);
                return null;
            } finally {
                files.values().forEach(b -> Arrays.fill(b, (byte) 0));
            }
        }
    }

    /** Runs on the node: deletes the block directory; true if nothing is left. */
    static final class DeleteFiles extends MasterToSlaveFileCallable<Boolean> {
        private static final long serialVersionUID = 1L;

        @Override
        public Boolean invoke(File dir, VirtualChannel channel) {
            return KeyFileLayout.deleteQuietly(dir.toPath());
        }
    }
}
