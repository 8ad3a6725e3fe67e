package io.jenkins.plugins.appstoreconnect.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.annotation_indexer.Indexed;

/**
 * WEB-INF/lib/app-store-connect-credentials.jar as Jenkins reads it: its manifest (which decides whether Jenkins'
 * class filter trusts our classes) and the annotation-indexer indexes (which Pipeline uses to find our symbols).
 */
class PluginJarTest {

    private static final String INDEX_FOLDER = "META-INF/services/annotations/";

    @TempDir
    static Path tmp;

    private static Path jar;
    private static Manifest jarManifest;
    /** Index file name (annotation binary name) to its lines, as in the jar. */
    private static final Map<String, List<String>> indexes = new TreeMap<>();
    private static final List<String> classNames = new ArrayList<>();

    @BeforeAll
    static void open() throws IOException {
        jar = Packaged.pluginJar(tmp);
        try (JarFile plugin = new JarFile(jar.toFile())) {
            jarManifest = plugin.getManifest();
            for (Enumeration<JarEntry> e = plugin.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                String name = entry.getName();
                if (name.startsWith(INDEX_FOLDER) && !entry.isDirectory()) {
                    List<String> lines = new ArrayList<>();
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(plugin.getInputStream(entry), StandardCharsets.UTF_8))) {
                        for (String line = r.readLine(); line != null; line = r.readLine()) {
                            lines.add(line);
                        }
                    }
                    indexes.put(name.substring(INDEX_FOLDER.length()), lines);
                } else if (name.endsWith(".class") && !name.contains("module-info") && !name.contains("package-info")) {
                    classNames.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
    }

    /**
     * jenkins.security.ClassFilterImpl (core 2.541.3) lets a class through when the jar it comes from has a manifest
     * with Short-Name and Plugin-Version or Jenkins-Version; otherwise our credentials, once saved, are "rejected as
     * dangerous". maven-hpi-plugin writes the plugin manifest into this jar as into the .hpi.
     */
    @Test
    void jarManifestIsThePluginManifest() throws IOException {
        assertNotNull(jarManifest, "the plugin jar has no manifest");
        Attributes jarAttributes = jarManifest.getMainAttributes();
        assertNotNull(jarAttributes.getValue("Short-Name"), "ClassFilterImpl needs Short-Name in the jar's manifest");
        assertNotNull(jarAttributes.getValue("Plugin-Version"), "Plugin-Version in the jar's manifest");
        assertNotNull(jarAttributes.getValue("Jenkins-Version"), "Jenkins-Version in the jar's manifest");

        Map<String, String> hpi = attributes(Packaged.hpiManifest().getMainAttributes());
        hpi.remove("Ant-Version"); // added by the tool that writes the .hpi
        Map<String, String> inJar = attributes(jarAttributes);
        for (String a : List.of("Group-Id", "Artifact-Id", "Short-Name", "Long-Name", "Url", "Plugin-Version",
                "Jenkins-Version", "Hudson-Version", "Plugin-Dependencies")) {
            assertNotNull(hpi.get(a), a + " missing from the .hpi's manifest");
        }
        assertEquals(hpi, inJar, "the jar's manifest must be the .hpi's");
    }

    /**
     * For each annotation type marked {@code @Indexed} that our classes use, annotation-indexer lists every class using
     * it (on the class or a field, method or constructor) in META-INF/services/annotations/&lt;annotation&gt;, sorted;
     * Jenkins' Index.list reads only that file. Found here by reflection, so RUNTIME-retained annotations only.
     */
    @Test
    void everyUseOfAnIndexedAnnotationIsInItsIndex() throws Exception {
        Map<String, Set<String>> used = new TreeMap<>();
        try (URLClassLoader loader = loader()) {
            for (String name : classNames) {
                Class<?> c = Class.forName(name, false, loader);
                List<AnnotatedElement> elements = new ArrayList<>(List.of(c));
                elements.addAll(List.of(c.getDeclaredFields()));
                elements.addAll(List.of(c.getDeclaredMethods()));
                elements.addAll(List.of(c.getDeclaredConstructors()));
                for (AnnotatedElement element : elements) {
                    for (Annotation a : element.getDeclaredAnnotations()) {
                        if (a.annotationType().isAnnotationPresent(Indexed.class)) {
                            used.computeIfAbsent(a.annotationType().getName(), k -> new TreeSet<>()).add(c.getName());
                        }
                    }
                }
            }
        }
        assertTrue(used.containsKey(Symbol.class.getName()), "our classes use @Symbol: " + used);
        for (Map.Entry<String, Set<String>> u : used.entrySet()) {
            List<String> index = indexes.get(u.getKey());
            assertNotNull(index, "no " + INDEX_FOLDER + u.getKey() + " in the plugin jar (it has " + indexes.keySet() + ")");
            assertEquals(new ArrayList<>(new TreeSet<>(index)), index, u.getKey() + " index: sorted, one line each");
            assertEquals(new ArrayList<>(u.getValue()), index, INDEX_FOLDER + u.getKey());
        }
        assertEquals(used.keySet(), indexes.keySet(), "index files vs @Indexed annotations used");
    }

    /**
     * The structs plugin resolves a Pipeline symbol such as {@code appStoreConnectApiKey} from the classes that
     * Index.list(Symbol.class, ...) returns, i.e. the classes the Symbol index names that carry @Symbol.
     */
    @Test
    void everySymbolIsResolvableFromTheIndex() throws Exception {
        List<String> index = indexes.get(Symbol.class.getName());
        assertNotNull(index, "no " + INDEX_FOLDER + Symbol.class.getName() + ": Pipeline finds none of our symbols");
        // a symbol names one extension per extension point: the same name may be on several classes
        Map<String, Set<String>> declared = new TreeMap<>();
        Map<String, Set<String>> resolvable = new TreeMap<>();
        try (URLClassLoader loader = loader()) {
            for (String name : classNames) {
                Symbol s = Class.forName(name, false, loader).getAnnotation(Symbol.class);
                if (s != null) {
                    for (String v : s.value()) {
                        declared.computeIfAbsent(v, k -> new TreeSet<>()).add(name);
                    }
                }
            }
            for (String name : index) {
                Symbol s = Class.forName(name, false, loader).getAnnotation(Symbol.class);
                assertNotNull(s, name + " is in the Symbol index but has no @Symbol");
                for (String v : s.value()) {
                    resolvable.computeIfAbsent(v, k -> new TreeSet<>()).add(name);
                }
            }
        }
        assertFalse(declared.isEmpty(), "our classes declare symbols");
        assertTrue(declared.containsKey("appStoreConnectApiKey"), declared::toString);
        assertEquals(declared, resolvable, "symbols declared vs resolvable from the index");
    }

    private static URLClassLoader loader() throws IOException {
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, PluginJarTest.class.getClassLoader());
    }

    private static Map<String, String> attributes(Attributes attributes) {
        Map<String, String> out = new TreeMap<>();
        attributes.forEach((k, v) -> out.put(k.toString(), v.toString()));
        return out;
    }
}
