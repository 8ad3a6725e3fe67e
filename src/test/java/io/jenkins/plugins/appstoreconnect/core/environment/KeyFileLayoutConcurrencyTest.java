package io.jenkins.plugins.appstoreconnect.core.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.appstoreconnect.TestKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many {@code withAppStoreConnectToken} blocks on one node at once, all under one base directory (the workspace's
 * {@code @tmp}): each block writes its key files, reads back exactly its own key, and deletes them; blocks never share
 * a directory (two blocks given the same ID: one wins, the other fails and leaves the winner's files alone), and nothing
 * is left behind.
 */
class KeyFileLayoutConcurrencyTest {

    private static final int THREADS = 16;
    private static final int BLOCKS_PER_THREAD = 25;

    @TempDir
    Path base;

    @Test
    void concurrentBlocksNeverCollideAndLeaveNothingBehind() {
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            List<ParsedKey> keys = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                keys.add(P256PrivateKeys.parse(TestKeys.pkcs8Pem(TestKeys.p256())));
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            AtomicInteger written = new AtomicInteger();
            AtomicInteger lostRaces = new AtomicInteger();
            AtomicInteger wonRaces = new AtomicInteger();
            CyclicBarrier together = new CyclicBarrier(THREADS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        ParsedKey key = keys.get(thread);
                        String keyId = String.format("KEY%07d", thread);
                        TokenRequest request = TokenRequest.individual(keyId);
                        for (int b = 0; b < BLOCKS_PER_THREAD; b++) {
                            // every fifth block, all threads race for the same block ID while the winner holds it
                            boolean race = b % 5 == 0;
                            if (race) {
                                together.await();
                            }
                            String blockId = race ? "shared-" + b : KeyFileLayout.newBlockId();
                            WrittenKeyFiles files = null;
                            try {
                                files = KeyFileLayout.write(base, blockId, key, request);
                                if (race) {
                                    wonRaces.incrementAndGet();
                                }
                            } catch (FileAlreadyExistsException e) {
                                lostRaces.incrementAndGet();
                            }
                            if (race) {
                                together.await(); // everyone has tried while the winner's files still exist
                            }
                            if (files != null) {
                                try {
                                    assertEquals(key.pkcs8Pem(), Files.readString(files.p8File()), "a block read another block's key");
                                    assertTrue(Files.readString(files.fastlaneJson()).contains("\"key_id\": \"" + keyId + "\""));
                                    written.incrementAndGet();
                                } finally {
                                    files.close();
                                }
                                assertTrue(Files.notExists(files.directory()), "a block's directory survived its cleanup");
                            }
                            if (race) {
                                together.await(); // the next race starts after the winner cleaned up
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            int races = BLOCKS_PER_THREAD / 5;
            assertEquals(races, wonRaces.get(), "exactly one winner per shared block ID");
            assertEquals(races * (THREADS - 1), lostRaces.get(), "everyone else lost");
            assertEquals(THREADS * BLOCKS_PER_THREAD - races * (THREADS - 1), written.get());
            try (Stream<Path> left = Files.walk(base)) {
                assertEquals(List.of(base), left.toList(), "files left behind");
            }
        });
    }

    @Test
    void blockIdsDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(ids.add(KeyFileLayout.newBlockId()));
        }
    }
}
