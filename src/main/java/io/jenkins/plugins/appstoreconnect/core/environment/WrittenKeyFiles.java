package io.jenkins.plugins.appstoreconnect.core.environment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The key files of one {@code withAppStoreConnectToken} block as {@link KeyFileLayout#write} made them on
 * this machine. Closing (or {@link #delete()}) removes the whole {@link #directory()}; doing so again does
 * nothing. The record holds paths only, so {@link #toString()} shows no secret.
 *
 * @param directory     the block's private directory, {@code <base>/asc-<block id>}
 * @param keysDirectory {@code <directory>/private_keys}, for {@code API_PRIVATE_KEYS_DIR}
 * @param p8File        {@code <directory>/private_keys/AuthKey_<KEY ID>.p8}
 * @param fastlaneJson  {@code <directory>/fastlane-api-key.json}
 */
public record WrittenKeyFiles(Path directory, Path keysDirectory, Path p8File, Path fastlaneJson) implements AutoCloseable {

    public WrittenKeyFiles {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(keysDirectory, "keysDirectory");
        Objects.requireNonNull(p8File, "p8File");
        Objects.requireNonNull(fastlaneJson, "fastlaneJson");
    }

    /** The same paths as absolute strings, for {@link BuildEnvironment#compute}. */
    public KeyFilePaths paths() {
        return new KeyFilePaths(directory.toAbsolutePath().toString(), keysDirectory.toAbsolutePath().toString(),
                p8File.toAbsolutePath().toString(), fastlaneJson.toAbsolutePath().toString());
    }

    /**
     * Deletes {@link #directory()} and everything in it (see {@link KeyFileLayout#delete(Path)}); nothing to do
     * if it is already gone.
     *
     * @throws IOException if something could not be deleted (the message names paths only)
     */
    public void delete() throws IOException {
        KeyFileLayout.delete(directory);
    }

    /** {@link #delete()}. */
    @Override
    public void close() throws IOException {
        delete();
    }
}
