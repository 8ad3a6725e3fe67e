package io.jenkins.plugins.appstoreconnect.core.environment;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.keys.AppleIds;
import java.util.Objects;

/**
 * Where a block's key files are, as path strings of the machine that holds them (an agent, perhaps of
 * another operating system than the controller, so not {@link java.nio.file.Path}s). Paths only; no secret.
 *
 * @param directory     the block's private directory
 * @param keysDirectory the directory holding {@code AuthKey_<KEY ID>.p8}
 * @param p8File        the {@code .p8} file
 * @param fastlaneJson  the fastlane API key JSON file
 */
public record KeyFilePaths(String directory, String keysDirectory, String p8File, String fastlaneJson) {

    public KeyFilePaths {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(keysDirectory, "keysDirectory");
        Objects.requireNonNull(p8File, "p8File");
        Objects.requireNonNull(fastlaneJson, "fastlaneJson");
    }

    /**
     * The paths {@link KeyFileLayout} uses inside {@code directory} (the block's directory, as the agent spells
     * it). The separator is {@code \} if {@code directory} contains a backslash and no slash (a Windows path),
     * else {@code /}.
     *
     * @throws InvalidInputException if {@code directory} is blank or the key ID is not one
     */
    public static KeyFilePaths inDirectory(String directory, String keyId) {
        if (directory == null || directory.isBlank()) {
            throw new InvalidInputException("The key file directory is empty.");
        }
        String id = AppleIds.requireKeyId(keyId);
        String sep = directory.indexOf('\\') >= 0 && directory.indexOf('/') < 0 ? "\\" : "/";
        String dir = directory;
        while (dir.length() > 1 && dir.endsWith(sep)) {
            dir = dir.substring(0, dir.length() - 1);
        }
        String keys = dir + sep + KeyFileLayout.KEYS_DIR;
        return new KeyFilePaths(dir, keys, keys + sep + KeyFileLayout.p8FileName(id), dir + sep + KeyFileLayout.FASTLANE_JSON);
    }
}
