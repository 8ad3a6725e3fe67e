package io.jenkins.plugins.appstoreconnect.packaging;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/** Where the offline build wrote the .hpi, and how to get at its parts. */
final class Packaged {

    static final Path TARGET = Paths.get(System.getProperty("offline.target", "../target"));
    static final Path HPI = TARGET.resolve("app-store-connect-credentials.hpi");
    static final String PLUGIN_JAR = "WEB-INF/lib/app-store-connect-credentials.jar";

    private Packaged() {}

    static Manifest hpiManifest() throws IOException {
        assertTrue(Files.isRegularFile(HPI), "the offline build should have written " + HPI);
        try (JarFile hpi = new JarFile(HPI.toFile())) {
            Manifest mf = hpi.getManifest();
            assertNotNull(mf, "the .hpi has no META-INF/MANIFEST.MF");
            return mf;
        }
    }

    /** Copies WEB-INF/lib/app-store-connect-credentials.jar out of the .hpi into {@code dir}. */
    static Path pluginJar(Path dir) throws IOException {
        assertTrue(Files.isRegularFile(HPI), "the offline build should have written " + HPI);
        Path jar = dir.resolve("plugin.jar");
        try (JarFile hpi = new JarFile(HPI.toFile())) {
            ZipEntry entry = hpi.getEntry(PLUGIN_JAR);
            assertNotNull(entry, "no " + PLUGIN_JAR + " in the .hpi");
            try (InputStream in = hpi.getInputStream(entry)) {
                Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return jar;
    }
}
