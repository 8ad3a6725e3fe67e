package io.jenkins.plugins.appstoreconnect.core.environment;

import static io.jenkins.plugins.appstoreconnect.core.environment.BuildTestKeys.ISSUER;
import static io.jenkins.plugins.appstoreconnect.core.environment.BuildTestKeys.KID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.Audience;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileLayoutTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ParsedKey KEY = BuildTestKeys.key();
    private static final TokenRequest TEAM = TokenRequest.team(KID, ISSUER);

    @TempDir
    Path base;

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static Set<String> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p).toString().replace('\\', '/')).collect(Collectors.toSet());
        }
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void layoutAndContent() throws IOException {
        try (WrittenKeyFiles files = KeyFileLayout.write(base, "b1", KEY, TEAM)) {
            Path dir = base.resolve("asc-b1");
            assertEquals(dir, files.directory());
            assertEquals(dir.resolve("private_keys"), files.keysDirectory());
            assertEquals(dir.resolve("private_keys/AuthKey_" + KID + ".p8"), files.p8File());
            assertEquals(dir.resolve("fastlane-api-key.json"), files.fastlaneJson());
            assertEquals(Set.of("", "asc-b1", "asc-b1/private_keys", "asc-b1/private_keys/AuthKey_" + KID + ".p8",
                    "asc-b1/fastlane-api-key.json"), tree(base));

            String pem = Files.readString(files.p8File(), StandardCharsets.US_ASCII);
            assertTrue(pem.equals(KEY.pkcs8Pem()), "p8 holds the normalised PEM");
            assertEquals(KEY.fingerprint(), P256PrivateKeys.parse(pem).fingerprint());

            JsonNode json = JSON.readTree(files.fastlaneJson().toFile());
            assertEquals(Set.of("key_id", "issuer_id", "key", "duration", "in_house"), fieldNames(json));
            assertEquals(KID, json.get("key_id").asText());
            assertEquals(ISSUER, json.get("issuer_id").asText());
            assertTrue(json.get("key").asText().equals(pem), "JSON key is the PEM");
            assertEquals(1200, json.get("duration").asInt());
            assertTrue(json.get("duration").isInt());
            assertFalse(json.get("in_house").asBoolean());
            assertTrue(json.get("in_house").isBoolean());
        }
        assertEquals(Set.of(""), tree(base));
    }

    private static Set<String> fieldNames(JsonNode json) {
        Set<String> names = new HashSet<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void individualEnterpriseKey() throws IOException {
        TokenRequest r = TokenRequest.builder().keyId(KID).audience(Audience.ENTERPRISE)
                .lifetime(Duration.ofSeconds(600)).build();
        try (WrittenKeyFiles files = KeyFileLayout.write(base, "b2", KEY, r)) {
            JsonNode json = JSON.readTree(files.fastlaneJson().toFile());
            assertTrue(json.has("issuer_id") && json.get("issuer_id").isNull(), "issuer_id present and null");
            assertTrue(json.get("in_house").asBoolean());
            assertEquals(600, json.get("duration").asInt());
        }
    }

    @Test
    void filesIsTheSingleSourceOfWhatIsWritten() throws IOException {
        Map<String, byte[]> data = KeyFileLayout.files(KEY, TEAM);
        assertEquals(List.of("private_keys/AuthKey_" + KID + ".p8", "fastlane-api-key.json"), new ArrayList<>(data.keySet()));
        assertEquals(List.of("private_keys"), KeyFileLayout.directories());
        assertNotSameArrays(data, KeyFileLayout.files(KEY, TEAM));
        try (WrittenKeyFiles files = KeyFileLayout.writeFiles(base, "b3", KID, data)) {
            for (Map.Entry<String, byte[]> e : data.entrySet()) {
                assertArrayEquals(e.getValue(), Files.readAllBytes(files.directory().resolve(e.getKey())), "content of an entry");
            }
        }
        try (WrittenKeyFiles files = KeyFileLayout.write(base, "b4", KEY, TEAM)) {
            for (Map.Entry<String, byte[]> e : data.entrySet()) {
                assertArrayEquals(e.getValue(), Files.readAllBytes(files.directory().resolve(e.getKey())), "content of an entry");
            }
        }
    }

    private static void assertNotSameArrays(Map<String, byte[]> a, Map<String, byte[]> b) {
        for (String k : a.keySet()) {
            assertFalse(a.get(k) == b.get(k), "fresh arrays on every call");
        }
    }

    @Test
    void permissionsOnPosix() throws IOException {
        assumeTrue(posix(base), "POSIX file system");
        assertEquals(0700, KeyFileLayout.DIR_MODE);
        assertEquals(0600, KeyFileLayout.FILE_MODE);
        try (WrittenKeyFiles files = KeyFileLayout.write(base, "perm", KEY, TEAM)) {
            assertEquals("rwx------", mode(files.directory()));
            assertEquals("rwx------", mode(files.keysDirectory()));
            assertEquals("rw-------", mode(files.p8File()));
            assertEquals("rw-------", mode(files.fastlaneJson()));
        }
    }

    @Test
    void refusesABaseThatIsNotADirectory() throws IOException {
        assertThrows(NotDirectoryException.class, () -> KeyFileLayout.write(base.resolve("missing"), "b", KEY, TEAM));
        Path file = Files.writeString(base.resolve("file"), "x");
        assertThrows(NotDirectoryException.class, () -> KeyFileLayout.write(file, "b", KEY, TEAM));
        assertEquals(Set.of("", "file"), tree(base));
    }

    @Test
    void neverReusesOrFollowsWhatIsAlreadyThere() throws IOException {
        Path existing = Files.createDirectory(base.resolve("asc-taken"));
        Files.writeString(existing.resolve("keep"), "mine");
        assertThrows(FileAlreadyExistsException.class, () -> KeyFileLayout.write(base, "taken", KEY, TEAM));
        assertEquals("mine", Files.readString(existing.resolve("keep")), "an existing directory is left alone");
        assertEquals(Set.of("keep"), tree(existing).stream().filter(s -> !s.isEmpty()).collect(Collectors.toSet()));

        Path elsewhere = Files.createDirectory(base.resolve("elsewhere"));
        try {
            Files.createSymbolicLink(base.resolve("asc-planted"), elsewhere);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links not available");
        }
        assertThrows(FileAlreadyExistsException.class, () -> KeyFileLayout.write(base, "planted", KEY, TEAM));
        assertEquals(Set.of(""), tree(elsewhere), "nothing written through a planted link");
    }

    @Test
    void rejectsBadBlockIdsAndForeignFileSets() throws IOException {
        for (String id : new String[] {null, "", "../x", "a/b", ".hidden", "-x", "a b", "x".repeat(65)}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> KeyFileLayout.write(base, id, KEY, TEAM));
            assertTrue(e.getMessage().startsWith("The block ID must be 1 to 64 characters"), "message");
        }
        Map<String, byte[]> data = new LinkedHashMap<>(KeyFileLayout.files(KEY, TEAM));
        data.put("../escape", new byte[] {1});
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> KeyFileLayout.writeFiles(base, "b", KID, data));
        assertNoKeyMaterial(e.getMessage());
        Map<String, byte[]> otherKid = KeyFileLayout.files(KEY, TEAM);
        assertThrows(InvalidInputException.class, () -> KeyFileLayout.writeFiles(base, "b", "ZZZZZ99999", otherKid));
        assertEquals(Set.of(""), tree(base), "nothing created");
    }

    @Test
    void cleanupWhenTheBlockThrows() throws IOException {
        Path[] dir = new Path[1];
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
            try (WrittenKeyFiles files = KeyFileLayout.write(base, "boom", KEY, TEAM)) {
                dir[0] = files.directory();
                assertTrue(Files.isRegularFile(files.p8File()));
                throw new IllegalStateException("step failed");
            }
        });
        assertEquals("step failed", thrown.getMessage());
        assertEquals(0, thrown.getSuppressed().length);
        assertFalse(Files.exists(dir[0], LinkOption.NOFOLLOW_LINKS));
        assertEquals(Set.of(""), tree(base));
    }

    @Test
    void deletingTwiceAndAfterTheBaseVanished() throws IOException {
        WrittenKeyFiles files = KeyFileLayout.write(base, "twice", KEY, TEAM);
        files.delete();
        files.delete();
        files.close();
        assertEquals(Set.of(""), tree(base));

        Path sub = Files.createDirectory(base.resolve("vanishing"));
        WrittenKeyFiles gone = KeyFileLayout.write(sub, "v", KEY, TEAM);
        KeyFileLayout.delete(sub); // the whole workspace@tmp removed underneath us
        gone.close();
        assertTrue(KeyFileLayout.deleteQuietly(gone.directory()));
        assertFalse(Files.exists(sub));
    }

    @Test
    void deletingReadOnlyFilesAndDirectories() throws IOException {
        WrittenKeyFiles files = KeyFileLayout.write(base, "ro", KEY, TEAM);
        Path extra = Files.writeString(files.keysDirectory().resolve("made-by-a-step"), "x");
        if (posix(base)) {
            for (Path f : List.of(files.p8File(), files.fastlaneJson(), extra)) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--------"));
            }
            Files.setPosixFilePermissions(files.keysDirectory(), PosixFilePermissions.fromString("r-x------"));
            Files.setPosixFilePermissions(files.directory(), PosixFilePermissions.fromString("r-x------"));
        } else {
            for (Path f : List.of(files.p8File(), files.fastlaneJson(), extra)) {
                Files.setAttribute(f, "dos:readonly", true);
            }
        }
        files.close();
        assertEquals(Set.of(""), tree(base));
    }

    @Test
    void deleteQuietlyAfterARestartAndItsGuard() throws IOException {
        WrittenKeyFiles files = KeyFileLayout.write(base, "restart", KEY, TEAM);
        Path recorded = Path.of(files.directory().toString()); // all the glue kept
        assertTrue(KeyFileLayout.deleteQuietly(recorded));
        assertTrue(KeyFileLayout.deleteQuietly(recorded), "again: nothing left");
        assertEquals(Set.of(""), tree(base));

        Path workspace = Files.createDirectory(base.resolve("workspace"));
        Files.writeString(workspace.resolve("src"), "code");
        assertFalse(KeyFileLayout.deleteQuietly(workspace), "only asc-* directories");
        assertFalse(KeyFileLayout.deleteQuietly(null));
        assertEquals("code", Files.readString(workspace.resolve("src")));
    }

    @Test
    void deletionDoesNotFollowLinksNorZeroOtherNames() throws IOException {
        Path outside = Files.createDirectory(base.resolve("outside"));
        Path victim = Files.writeString(outside.resolve("victim.txt"), "precious");
        WrittenKeyFiles files = KeyFileLayout.write(base, "links", KEY, TEAM);
        Path hardLink = outside.resolve("kept.p8");
        try {
            Files.createSymbolicLink(files.directory().resolve("to-dir"), outside);
            Files.createSymbolicLink(files.keysDirectory().resolve("to-file"), victim);
            Files.createLink(hardLink, files.p8File());
        } catch (UnsupportedOperationException | IOException e) {
            files.close();
            assumeTrue(false, "links not available");
        }
        files.close();
        assertFalse(Files.exists(files.directory(), LinkOption.NOFOLLOW_LINKS));
        assertEquals("precious", Files.readString(victim));
        assertTrue(Files.readString(hardLink).equals(KEY.pkcs8Pem()), "a second hard link keeps its content");
        Files.delete(hardLink);
    }

    @Test
    void eightConcurrentBlocksLeaveNothingBehind() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                final int n = i;
                results.add(pool.submit(() -> {
                    start.await();
                    String id = KeyFileLayout.newBlockId();
                    for (int round = 0; round < 5; round++) {
                        try (WrittenKeyFiles files = KeyFileLayout.write(base, id + "-" + round, KEY, TEAM)) {
                            assertEquals(KEY.fingerprint(), P256PrivateKeys.parse(Files.readString(files.p8File())).fingerprint());
                            if (n % 2 == 0 && round == 2) {
                                throw new IllegalStateException("aborted");
                            }
                        } catch (IllegalStateException expected) {
                            // an aborted step: cleanup must still have happened
                        }
                    }
                    return id;
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<String> f : results) {
                ids.add(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(8, ids.size(), "block IDs are unique");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Set.of(""), tree(base));
    }

    @Test
    void namesAndPaths() {
        assertEquals("asc-abc", KeyFileLayout.directoryName("abc"));
        assertEquals("AuthKey_" + KID + ".p8", KeyFileLayout.p8FileName(KID.toLowerCase(java.util.Locale.ROOT)));
        String id = KeyFileLayout.newBlockId();
        assertTrue(id.matches("[0-9a-f]{16}"), "16 hex digits");
        assertNotEquals(id, KeyFileLayout.newBlockId());

        KeyFilePaths unix = KeyFilePaths.inDirectory("/ws@tmp/asc-1/", KID);
        assertEquals(new KeyFilePaths("/ws@tmp/asc-1", "/ws@tmp/asc-1/private_keys",
                "/ws@tmp/asc-1/private_keys/AuthKey_" + KID + ".p8", "/ws@tmp/asc-1/fastlane-api-key.json"), unix);
        KeyFilePaths windows = KeyFilePaths.inDirectory("C:\\ws@tmp\\asc-1", KID);
        assertEquals("C:\\ws@tmp\\asc-1\\private_keys\\AuthKey_" + KID + ".p8", windows.p8File());
        assertEquals("C:\\ws@tmp\\asc-1\\fastlane-api-key.json", windows.fastlaneJson());
        assertThrows(InvalidInputException.class, () -> KeyFilePaths.inDirectory(" ", KID));
    }

    @Test
    void writtenPathsMatchTheComputedOnes() throws IOException {
        try (WrittenKeyFiles files = KeyFileLayout.write(base, "same", KEY, TEAM)) {
            assertEquals(KeyFilePaths.inDirectory(files.directory().toAbsolutePath().toString(), KID), files.paths());
            assertSame(files.directory(), files.directory());
            String text = files.toString() + files.paths();
            assertNoKeyMaterial(text);
        }
    }

    static void assertNoKeyMaterial(String text) {
        String pem = KEY.pkcs8Pem();
        assertFalse(text.contains("PRIVATE KEY"), "no PEM armour");
        for (String line : pem.split("\n")) {
            if (!line.startsWith("-----") && line.length() > 16) {
                assertFalse(text.contains(line.substring(line.length() - 16)), "no key material");
            }
        }
    }
}
