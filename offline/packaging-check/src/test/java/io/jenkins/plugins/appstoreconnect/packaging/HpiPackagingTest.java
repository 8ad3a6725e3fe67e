package io.jenkins.plugins.appstoreconnect.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.Extension;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Opens the .hpi that the offline build wrote and checks it as Jenkins' plugin manager would read it,
 * and against the real build's pom.xml so that the two builds cannot drift apart.
 */
class HpiPackagingTest {

    private static final Path TARGET = Paths.get(System.getProperty("offline.target", "../target"));
    private static final Path HPI = TARGET.resolve("app-store-connect-credentials.hpi");
    private static final Path ROOT_POM = Paths.get(System.getProperty("root.pom", "../../pom.xml"));

    private static Attributes manifest;
    private static List<String> entries;
    private static Document rootPom;

    @BeforeAll
    static void open() throws Exception {
        assertTrue(Files.isRegularFile(HPI), "the offline build should have written " + HPI);
        try (JarFile hpi = new JarFile(HPI.toFile())) {
            Manifest mf = hpi.getManifest();
            assertNotNull(mf, "the .hpi has no META-INF/MANIFEST.MF");
            manifest = mf.getMainAttributes();
            entries = new ArrayList<>();
            for (Enumeration<JarEntry> e = hpi.entries(); e.hasMoreElements(); ) {
                entries.add(e.nextElement().getName());
            }
        }
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        rootPom = f.newDocumentBuilder().parse(ROOT_POM.toFile());
    }

    @Test
    void manifestHasWhatThePluginManagerReads() {
        assertEquals("app-store-connect-credentials", manifest.getValue("Short-Name"));
        assertEquals(rootText("artifactId"), manifest.getValue("Short-Name"), "Short-Name vs root pom artifactId");
        assertEquals(rootText("name"), manifest.getValue("Long-Name"), "Long-Name vs root pom name");
        assertEquals(rootProperty("revision") + rootProperty("changelist"), manifest.getValue("Plugin-Version"));
        assertEquals(resolve(rootProperty("jenkins.version")), manifest.getValue("Jenkins-Version"));
        assertEquals(
                resolve(rootText("url")).replace("${project.artifactId}", rootText("artifactId")),
                manifest.getValue("Url"));
        Element license = (Element) rootPom.getElementsByTagName("license").item(0);
        assertEquals(license.getElementsByTagName("name").item(0).getTextContent(), manifest.getValue("Plugin-License-Name"));
    }

    @Test
    void pluginDependenciesMatchTheRealPom() {
        Map<String, Boolean> fromManifest = new LinkedHashMap<>();
        for (String dep : manifest.getValue("Plugin-Dependencies").split(",")) {
            String[] parts = dep.split(";");
            String[] nameVersion = parts[0].split(":");
            assertEquals(2, nameVersion.length, "name:version expected in " + dep);
            assertFalse(nameVersion[1].isBlank(), "no version in " + dep);
            boolean optional = parts.length > 1 && parts[1].equals("resolution:=optional");
            fromManifest.put(nameVersion[0], optional);
        }
        Map<String, Boolean> fromPom = new LinkedHashMap<>();
        NodeList deps = rootPom.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element dep = (Element) deps.item(i);
            if (dep.getParentNode().getParentNode() != rootPom.getDocumentElement()) {
                continue; // dependencyManagement
            }
            if ("test".equals(child(dep, "scope"))) {
                continue;
            }
            fromPom.put(child(dep, "artifactId"), "true".equals(child(dep, "optional")));
        }
        assertEquals(new TreeSet<>(fromPom.entrySet().stream().map(Object::toString).toList()),
                new TreeSet<>(fromManifest.entrySet().stream().map(Object::toString).toList()),
                "Plugin-Dependencies (name=optional) vs the root pom's non-test dependencies");
    }

    @Test
    void theRealBuildHasEveryTestLibraryTheOfflineBuildUses() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document offline = f.newDocumentBuilder().parse(ROOT_POM.resolveSibling("offline/plugin/pom.xml").toFile());
        Set<String> real = new TreeSet<>();
        NodeList rootDeps = rootPom.getElementsByTagName("dependency");
        for (int i = 0; i < rootDeps.getLength(); i++) {
            Element dep = (Element) rootDeps.item(i);
            real.add(child(dep, "groupId") + ":" + child(dep, "artifactId"));
        }
        NodeList deps = offline.getElementsByTagName("dependency");
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < deps.getLength(); i++) {
            Element dep = (Element) deps.item(i);
            String ga = child(dep, "groupId") + ":" + child(dep, "artifactId");
            // JUnit comes with the plugin parent POM in the real build
            if ("test".equals(child(dep, "scope")) && !ga.startsWith("org.junit") && !real.contains(ga)) {
                missing.add(ga);
            }
        }
        assertTrue(missing.isEmpty(), "test libraries missing from the root pom.xml: " + missing);
    }

    /**
     * HtmlUnit reaches the tests through the harness in both builds: jenkins-test-harness bundles it
     * (jenkins-test-harness-htmlunit), and offline the harness stand-ins depend on it. Declared in a plugin POM,
     * the real build would get a second, unshaded copy next to the harness's.
     */
    @Test
    void htmlUnitComesOnlyWithTheHarness() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        for (Document pom : List.of(rootPom,
                f.newDocumentBuilder().parse(ROOT_POM.resolveSibling("offline/plugin/pom.xml").toFile()))) {
            NodeList deps = pom.getElementsByTagName("dependency");
            for (int i = 0; i < deps.getLength(); i++) {
                assertFalse("org.htmlunit".equals(child((Element) deps.item(i), "groupId")),
                        "HtmlUnit must come with jenkins-test-harness, not be declared: " + pom.getDocumentURI());
            }
        }
    }

    @Test
    void onlyOurJarIsBundled() {
        List<String> libs = entries.stream().filter(n -> n.startsWith("WEB-INF/lib/") && !n.endsWith("/")).toList();
        assertEquals(List.of("WEB-INF/lib/app-store-connect-credentials.jar"), libs,
                "jjwt and bouncycastle come from the library plugins and must not be bundled");
    }

    @Test
    void everyExtensionIsIndexed(@TempDir Path tmp) throws Exception {
        Path jar = tmp.resolve("plugin.jar");
        try (JarFile hpi = new JarFile(HPI.toFile())) {
            ZipEntry entry = hpi.getEntry("WEB-INF/lib/app-store-connect-credentials.jar");
            try (InputStream in = hpi.getInputStream(entry)) {
                Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Set<String> annotated = new TreeSet<>();
        Set<String> indexed = new TreeSet<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
                JarFile plugin = new JarFile(jar.toFile())) {
            assertNotNull(plugin.getEntry("META-INF/annotations/hudson.Extension"), "no @Extension index in the jar");
            for (Enumeration<JarEntry> e = plugin.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (!name.endsWith(".class") || name.contains("module-info")) {
                    continue;
                }
                Class<?> c = Class.forName(name.replace('/', '.').replace(".class", ""), false, loader);
                List<AnnotatedElement> elements = new ArrayList<>(List.of(c));
                elements.addAll(List.of(c.getDeclaredFields()));
                elements.addAll(List.of(c.getDeclaredMethods()));
                for (AnnotatedElement element : elements) {
                    if (element.isAnnotationPresent(Extension.class)) {
                        annotated.add(element instanceof Class<?> k ? k.getName() : c.getName() + "#" + element);
                    }
                }
            }
            for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, loader)) {
                if (item.className().startsWith("io.jenkins.plugins.appstoreconnect.")) {
                    indexed.add(item.kind() == java.lang.annotation.ElementType.TYPE
                            ? item.className()
                            : item.className() + "#" + item.element());
                }
            }
        }
        assertFalse(annotated.isEmpty(), "the plugin should declare at least one @Extension");
        assertTrue(annotated.contains("io.jenkins.plugins.appstoreconnect.credentials.AppStoreConnectApiKeyImpl$DescriptorImpl"), annotated::toString);
        assertEquals(annotated.stream().filter(s -> !s.contains("#")).toList(),
                indexed.stream().filter(s -> !s.contains("#")).toList(),
                "every @Extension class must be in META-INF/annotations/hudson.Extension");
    }

    private static String rootText(String tag) {
        for (Node n = rootPom.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        throw new AssertionError("root pom has no <" + tag + ">");
    }

    private static String rootProperty(String name) {
        Element props = (Element) rootPom.getElementsByTagName("properties").item(0);
        String value = child(props, name);
        if (value == null) {
            throw new AssertionError("root pom has no property " + name);
        }
        return value;
    }

    /** Expands ${property} references to the root pom's own properties. */
    private static String resolve(String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([^}]+)}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = name.startsWith("project.") ? m.group() : resolve(rootProperty(name));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }
}
