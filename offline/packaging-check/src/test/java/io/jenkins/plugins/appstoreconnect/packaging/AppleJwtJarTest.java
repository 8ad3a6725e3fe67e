package io.jenkins.plugins.appstoreconnect.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** Runs the packaged CLI the way a user does: {@code java -jar apple-jwt.jar …}, nothing else on the class path. */
class AppleJwtJarTest {

    private static final Path JAR = Paths.get(System.getProperty("offline.target", "../target")).resolve("apple-jwt.jar");

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        Collections.addAll(command, args);
        Path out = Files.createTempFile("apple-jwt", ".out");
        Path err = Files.createTempFile("apple-jwt", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "apple-jwt did not finish");
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void demoRunsWithJavaJarAlone() throws Exception {
        Result r = run("demo");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("no violations"), r.out());
        assertTrue(r.out().contains("public key: valid"), r.out());
    }

    @Test
    void badInputExitsTwoWithOneErrorLine() throws Exception {
        Result r = run("asc", "--key-file", "/nonexistent/AuthKey_ABCDE12345.p8", "--individual");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: ") && r.err().strip().lines().count() == 1, r.err());
        assertEquals("", r.out());
    }

    @Test
    void shipsCoreAndCliButNoJenkinsGlue() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> ours = jar.stream()
                    .map(e -> e.getName())
                    .filter(n -> n.startsWith("io/jenkins/plugins/appstoreconnect/") && n.endsWith(".class"))
                    .toList();
            assertTrue(ours.stream().anyMatch(n -> n.startsWith("io/jenkins/plugins/appstoreconnect/cli/")), "no CLI classes");
            assertTrue(ours.stream().allMatch(n -> n.startsWith("io/jenkins/plugins/appstoreconnect/core/")
                    || n.startsWith("io/jenkins/plugins/appstoreconnect/cli/")), "glue classes in the CLI jar: " + ours);
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("hudson/") || e.getName().startsWith("jenkins/")),
                    "stand-ins must never be packaged");
        }
    }
}
