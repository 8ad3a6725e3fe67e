package io.jenkins.plugins.appstoreconnect.core.environment;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.environment.FastlaneApiKeyJson;
import io.jenkins.plugins.appstoreconnect.core.keys.AppleIds;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.Audience;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The key files of a {@code withAppStoreConnectToken} block: what they are, where they go, and how they are
 * written and removed.
 *
 * <h2>Layout</h2>
 * <pre>
 * &lt;base&gt;/                                 the build's temp dir, e.g. &lt;workspace&gt;@tmp (must exist)
 *   asc-&lt;block id&gt;/                       0700, created new (never reused)
 *     private_keys/                        0700  (API_PRIVATE_KEYS_DIR)
 *       AuthKey_&lt;KEY ID&gt;.p8               0600  the key as PKCS#8 PEM
 *     fastlane-api-key.json                0600  fastlane's api_key_path file (contains the key)
 * </pre>
 * {@link #files} and {@link #directories()} give the same layout as data (relative path, {@code /}-separated,
 * to content), so code that writes through another file API (Jenkins' {@code FilePath}) writes exactly
 * what {@link #write} writes; {@link #writeFiles} writes that data on a local file system (for example inside
 * a callable run on the agent).
 *
 * <h2>Permissions and links</h2>
 * On a POSIX file system, directories are created with mode 0700 and files with
 * 0600 in the same system call that creates them ({@code mkdir}/{@code open} with a mode,
 * so the umask can only narrow them), then set to exactly those modes. The block directory is created with
 * {@code createDirectory}, which fails if anything, including a symbolic link, is already there; files are
 * opened with {@code CREATE_NEW} and {@code NOFOLLOW_LINKS}. Nothing an attacker planted is followed or reused.
 * On a file system without POSIX permissions (Windows: NTFS), files get the ACLs they inherit from
 * {@code base}, that is from the workspace; the plugin does not tighten ACLs.
 *
 * <h2>Deletion</h2>
 * {@link #delete(Path)} removes the block directory recursively, without following symbolic links, and is
 * idempotent; it first makes read-only entries writable again (POSIX mode and the DOS read-only flag). Before
 * unlinking a small regular file with a single link it overwrites the content with zeros and syncs: a best
 * effort against recovery from the disk, <em>not a guarantee</em>. SSDs remap blocks, and copy-on-write or
 * journaling file systems (APFS, btrfs, ZFS) and snapshots keep old blocks; the real protection is that the
 * files live only as long as the block, readable only by the agent's user.
 */
public final class KeyFileLayout {

    /** The block directory is {@code asc-<block id>}; {@link #deleteQuietly(Path)} deletes nothing else. */
    public static final String DIR_PREFIX = "asc-";
    /** The directory holding the {@code .p8} file. */
    public static final String KEYS_DIR = "private_keys";
    /** The fastlane API key JSON file. */
    public static final String FASTLANE_JSON = "fastlane-api-key.json";
    /** Directory mode 0700 (for {@code FilePath.chmod}). */
    public static final int DIR_MODE = 0700;
    /** File mode 0600 (for {@code FilePath.chmod}). */
    public static final int FILE_MODE = 0600;
    /** {@link #DIR_MODE} as permissions: {@code rwx------}. */
    public static final Set<PosixFilePermission> DIR_PERMISSIONS =
            Collections.unmodifiableSet(PosixFilePermissions.fromString("rwx------"));
    /** {@link #FILE_MODE} as permissions: {@code rw-------}. */
    public static final Set<PosixFilePermission> FILE_PERMISSIONS =
            Collections.unmodifiableSet(PosixFilePermissions.fromString("rw-------"));

    /** Regular files up to this size are overwritten with zeros before deletion. */
    static final long WIPE_LIMIT = 64 * 1024;

    private static final Pattern BLOCK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFileLayout() {}

    /** A fresh random block ID: 16 lower-case hex digits (64 bits from {@link SecureRandom}). */
    public static String newBlockId() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * {@code asc-<blockId>}.
     *
     * @throws InvalidInputException unless the block ID is 1 to 64 characters {@code A-Z a-z 0-9 _ . -} starting
     *                               with a letter or digit
     */
    public static String directoryName(String blockId) {
        if (blockId == null || !BLOCK_ID.matcher(blockId).matches()) {
            throw new InvalidInputException("The block ID must be 1 to 64 characters (letters, digits, '_', '.', '-')"
                    + " starting with a letter or digit; got " + (blockId == null ? "none" : blockId.length() + " characters")
                    + ".");
        }
        return DIR_PREFIX + blockId;
    }

    /** {@code AuthKey_<KEY ID>.p8}, the name Apple's tools expect. */
    public static String p8FileName(String keyId) {
        return "AuthKey_" + AppleIds.requireKeyId(keyId) + ".p8";
    }

    /** {@code private_keys/AuthKey_<KEY ID>.p8}, relative to the block directory. */
    public static String p8RelativePath(String keyId) {
        return KEYS_DIR + "/" + p8FileName(keyId);
    }

    /** The directories inside the block directory, parents first, relative and {@code /}-separated. */
    public static List<String> directories() {
        return List.of(KEYS_DIR);
    }

    /** fastlane's {@code duration}: the request's lifetime in seconds. */
    public static int fastlaneDurationSeconds(TokenRequest request) {
        return (int) request.lifetime().getSeconds();
    }

    /** fastlane's {@code in_house}: whether the request is for the Enterprise Program audience. */
    public static boolean inHouse(TokenRequest request) {
        return request.audience() == Audience.ENTERPRISE;
    }

    /**
     * The files inside the block directory: relative {@code /}-separated path to content, in writing order
     * ({@link #p8RelativePath}, then {@link #FASTLANE_JSON}). Every file gets {@link #FILE_MODE}; every
     * directory ({@link #directories()}, and the block directory) {@link #DIR_MODE}. The contents are secret;
     * the arrays are fresh on every call, so the caller may zero them after use.
     */
    public static Map<String, byte[]> files(ParsedKey key, TokenRequest request) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(request, "request");
        String pem = key.pkcs8Pem();
        String json = FastlaneApiKeyJson.toJson(request.keyId(), request.issuerId(), pem,
                fastlaneDurationSeconds(request), inHouse(request));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(p8RelativePath(request.keyId()), pem.getBytes(StandardCharsets.US_ASCII));
        files.put(FASTLANE_JSON, json.getBytes(StandardCharsets.UTF_8));
        return Collections.unmodifiableMap(files);
    }

    /**
     * Writes {@link #files(ParsedKey, TokenRequest)} into a new directory
     * {@code <base>/asc-<blockId>}; see {@link #writeFiles}.
     */
    public static WrittenKeyFiles write(Path base, String blockId, ParsedKey key, TokenRequest request)
            throws IOException {
        Map<String, byte[]> files = files(key, request);
        try {
            return writeFiles(base, blockId, request.keyId(), files);
        } finally {
            files.values().forEach(b -> Arrays.fill(b, (byte) 0));
        }
    }

    /**
     * Creates {@code <base>/asc-<blockId>} and writes {@code files} (exactly the entries {@link #files} makes for
     * {@code keyId}) into it, with the permissions described above. If anything fails, whatever was created is
     * deleted again before the exception is thrown.
     *
     * @throws NotDirectoryException                if {@code base} is not an existing directory
     * @throws java.nio.file.FileAlreadyExistsException if the block directory (or anything by that name) exists
     * @throws InvalidInputException                if the block ID, key ID or the set of files is not the layout's
     * @throws IOException                          if writing fails (messages name paths only, never content)
     */
    public static WrittenKeyFiles writeFiles(Path base, String blockId, String keyId, Map<String, byte[]> files)
            throws IOException {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(files, "files");
        String dirName = directoryName(blockId);
        String p8 = p8RelativePath(keyId);
        if (!files.keySet().equals(Set.of(p8, FASTLANE_JSON)) || files.values().stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException("The key files must be exactly " + p8 + " and " + FASTLANE_JSON
                    + ", each with content; got " + files.size() + " entries " + new ArrayList<>(files.keySet()) + ".");
        }
        if (!Files.isDirectory(base)) {
            throw new NotDirectoryException(base.toString());
        }
        boolean posix = base.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path dir = base.resolve(dirName);
        createDirectory(dir, posix); // fails if anything is there: nothing to clean up then
        try {
            for (String d : directories()) {
                createDirectory(dir.resolve(d), posix);
            }
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                createFile(dir.resolve(e.getKey()), e.getValue(), posix);
            }
        } catch (IOException | RuntimeException | Error e) {
            try {
                delete(dir);
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return new WrittenKeyFiles(dir, dir.resolve(KEYS_DIR), dir.resolve(p8), dir.resolve(FASTLANE_JSON));
    }

    private static void createDirectory(Path dir, boolean posix) throws IOException {
        if (posix) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_PERMISSIONS));
            Files.setPosixFilePermissions(dir, DIR_PERMISSIONS); // exactly 0700, whatever the umask
        } else {
            Files.createDirectory(dir);
        }
    }

    private static void createFile(Path file, byte[] content, boolean posix) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try (SeekableByteChannel ch = posix
                ? Files.newByteChannel(file, options, PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS))
                : Files.newByteChannel(file, options)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
        }
        if (posix) {
            Files.setPosixFilePermissions(file, FILE_PERMISSIONS);
        }
    }

    /**
     * Deletes {@code dir} and everything in it, for cleanup when only the recorded directory path is known
     * (after a controller restart). Refuses, returning false, any path whose last element does not start with
     * {@value #DIR_PREFIX}, so a corrupt record cannot delete a workspace. Never throws.
     *
     * @return true if nothing is left at {@code dir}
     */
    public static boolean deleteQuietly(Path dir) {
        if (dir == null || dir.getFileName() == null || !dir.getFileName().toString().startsWith(DIR_PREFIX)) {
            return false;
        }
        try {
            delete(dir);
            return true;
        } catch (IOException | RuntimeException e) {
            return !Files.exists(dir, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /**
     * Deletes {@code path} recursively without following symbolic links (a link is deleted, not its target);
     * nothing to do if it does not exist. Read-only entries are made writable first; small regular files are
     * overwritten with zeros first (best effort, see the class description). Keeps going after a failure and
     * throws the first one at the end, the others suppressed.
     */
    static void delete(Path path) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        IOException failure = null;
        if (attributes.isDirectory()) {
            makeOwnerAccessible(path, true);
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
                entries.forEach(children::add);
            } catch (NoSuchFileException e) {
                return;
            }
            for (Path child : children) {
                try {
                    delete(child);
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        } else if (attributes.isRegularFile()) {
            wipe(path, attributes.size());
        }
        try {
            Files.delete(path);
        } catch (NoSuchFileException e) {
            // gone already
        } catch (IOException e) {
            if (!attributes.isDirectory() && !attributes.isSymbolicLink() && makeOwnerAccessible(path, false)) {
                try {
                    Files.deleteIfExists(path); // the DOS read-only flag blocks deletion on Windows
                    e = null;
                } catch (IOException again) {
                    e.addSuppressed(again);
                }
            }
            if (e != null) {
                if (failure != null) {
                    e.addSuppressed(failure);
                }
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Best effort: gives the owner full access to a directory, or write access to a file; true if it changed something. */
    private static boolean makeOwnerAccessible(Path path, boolean directory) {
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            if (posix != null) {
                Set<PosixFilePermission> perms = posix.readAttributes().permissions();
                Set<PosixFilePermission> wanted = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
                if (directory) {
                    wanted.add(PosixFilePermission.OWNER_EXECUTE);
                }
                if (!perms.containsAll(wanted)) {
                    perms.addAll(wanted);
                    posix.setPermissions(perms);
                    return true;
                }
                return false;
            }
            DosFileAttributeView dos = Files.getFileAttributeView(path, DosFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            if (dos != null && dos.readAttributes().isReadOnly()) {
                dos.setReadOnly(false);
                return true;
            }
        } catch (IOException | RuntimeException e) {
            // best effort; deletion reports what matters
        }
        return false;
    }

    /** Best effort: overwrites a small regular file that has no other hard link with zeros and syncs it. */
    private static void wipe(Path file, long size) {
        if (size <= 0 || size > WIPE_LIMIT) {
            return;
        }
        try {
            Object links = Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
            if (links instanceof Integer && (Integer) links != 1) {
                return; // zeroing would destroy the other name's content too
            }
        } catch (IOException | RuntimeException e) {
            // no "unix" view (Windows): hard links are rare there; go on
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                ByteBuffer zeros = ByteBuffer.allocate((int) size);
                while (zeros.hasRemaining()) {
                    ch.write(zeros, zeros.position());
                }
                ch.force(false);
                return;
            } catch (IOException | RuntimeException e) {
                if (attempt > 0 || !makeOwnerAccessible(file, false)) {
                    return;
                }
            }
        }
    }
}
