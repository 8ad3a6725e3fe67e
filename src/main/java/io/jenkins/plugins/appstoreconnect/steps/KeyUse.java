package io.jenkins.plugins.appstoreconnect.steps;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.environment.KeyFileLayout;
import io.jenkins.plugins.appstoreconnect.core.token.TokenSource;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.token.TokenCache;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import jenkins.MasterToSlaveFileCallable;

/**
 * One use of a key in a build, the same for every step, wrapper and binding that mints tokens: the credential
 * looked up (and tracked) for the run once, its key parsed once, the checked request, the tokens, the masking
 * filter, and (for App Store Connect) the key files on the node and their cleanup. What differs between an App
 * Store Connect key and a team's developer key is its {@link KeyUseSpec}. Lives on the controller for the setup
 * only; nothing of it is serialised ({@link KeyUseExpander} keeps what a restart needs).
 */
final class KeyUse {

    /** The plugin's token cache: one per controller, shared by every block, wrapper and binding. */
    static final TokenCache TOKENS = new TokenCache(Clock.systemUTC());

    final String credentialsId;
    final KeyUseSpec<?> spec;
    final ParsedKey key;
    final TokenRequest request;
    final TokenSource tokens;
    final String maskPrefix;
    private final String storedPem;
    private String directory;

    /**
     * @param directory the block directory chosen before (after a restart), else {@code null}
     * @param cache     the token cache ({@link #TOKENS}; tests give their own, on their clock)
     * @throws AbortException naming the problem with the options or the stored key (never the key)
     */
    <C extends StandardCredentials> KeyUse(String credentialsId, KeyUseSpec<C> spec, C credential, String directory,
            TokenCache cache) throws AbortException {
        this.credentialsId = credentialsId;
        this.spec = spec;
        this.directory = directory;
        try {
            this.storedPem = spec.privateKey(credential).getPlainText();
            this.key = P256PrivateKeys.parse(storedPem);
            this.request = spec.request(credential);
            this.tokens = new TokenSource(cache, key, request);
            this.maskPrefix = tokens.maskPrefix();
        } catch (InvalidInputException e) {
            throw new AbortException(spec.badOption(credentialsId, e.getMessage()));
        }
    }

    /**
     * Looks the credential up for {@code run}, records its use, parses its key and checks the options.
     *
     * @throws AbortException with a message naming the problem (never the key)
     */
    static <C extends StandardCredentials> KeyUse open(String credentialsId, KeyUseSpec<C> spec, Run<?, ?> run)
            throws AbortException {
        return new KeyUse(credentialsId, spec, spec.lookup(credentialsId, run, true), null, TOKENS);
    }

    /**
     * The same use again after a controller restart, for the block directory chosen before it: looked up without
     * recording a use, and refused when the credential now holds another key or mints tokens another filter would
     * not mask.
     */
    static <C extends StandardCredentials> KeyUse reopen(String credentialsId, KeyUseSpec<C> spec, Run<?, ?> run,
            String fingerprint, String maskPrefix, String directory) throws AbortException {
        KeyUse use = new KeyUse(credentialsId, spec, spec.lookup(credentialsId, run, false), directory, TOKENS);
        if (!use.key.fingerprint().equals(fingerprint) || !use.maskPrefix.equals(maskPrefix)) {
            throw new AbortException(spec.changed(credentialsId));
        }
        return use;
    }

    /** A console filter masking this key and its tokens; it holds salted hashes of the key's printed forms, not the key. */
    KeyMaskingFilter filter() {
        return KeyMaskingFilter.forKey(key, storedPem, maskPrefix);
    }

    /** The environment expander of a block: fresh variables for every step, from this use (again after a restart). */
    KeyUseExpander expander(Run<?, ?> run) {
        return new KeyUseExpander(run.getExternalizableId(), this);
    }

    /** The variables for a step starting now, with a fresh token. */
    Map<String, String> environment() {
        return spec.variables(tokens, maskPrefix, directory);
    }

    /** The block's opening lines. {@code masked}: whether this block's own filter masks the key and its tokens. */
    void printIntro(TaskListener listener, boolean masked) {
        spec.intro(credentialsId, request, directory, masked).forEach(listener.getLogger()::println);
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

    String directory() {
        return directory;
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
