package io.jenkins.plugins.appstoreconnect.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The offline build must use the versions the real build resolves (bom-2.541.x and the plugin parent POM), which
 * {@code jenkins-api/VERSIONS} lists next to the API listings the stand-ins are checked against. offline/pom.xml
 * states each version once; these tests fail when it, the .hpi's manifest or any offline POM drifts from VERSIONS.
 */
class VersionsTest {

    private static final Path VERSIONS = Paths.get(System.getProperty("jenkins.api.versions", "../../../shared/jenkins-api/VERSIONS"));
    private static final Path OFFLINE = Paths.get(System.getProperty("offline.dir", ".."));
    private static final Path ROOT_POM = Paths.get(System.getProperty("root.pom", "../../pom.xml"));

    /**
     * The HtmlUnit that a jenkins-test-harness release brings, read from its pom.xml (jenkins-test-harness-htmlunit
     * version) and that library's pom.xml (htmlunit version) at their tags. A new harness in VERSIONS needs a new row.
     */
    private static final Map<String, List<String>> HTMLUNIT_OF_HARNESS = Map.of(
            "2555.vfe887ed7e86f", List.of("228.v9cb_fe1b_5b_7da_", "4.21.0"));

    /** A Jenkins release version of the form {@code <count>.v<commit>} (possibly after a library version). */
    private static final Pattern JENKINS_RELEASE = Pattern.compile("\\b[0-9][0-9.\\-]*\\.v[0-9a-f_]{8,}\\b");

    private static String versionsText;
    /** artifactId to version, from the table and from the "Other versions the BOM pins" sentence. */
    private static final Map<String, String> real = new TreeMap<>();
    private static Map<String, String> offlineProperties;

    @BeforeAll
    static void read() throws Exception {
        assertTrue(Files.isRegularFile(VERSIONS), "VERSIONS not found at " + VERSIONS.toAbsolutePath()
                + " (set -Djenkins.api.versions=<path>)");
        versionsText = Files.readString(VERSIONS, StandardCharsets.UTF_8);
        StringBuilder others = null;
        for (String line : versionsText.split("\n")) {
            if (line.startsWith("#")) {
                String text = line.substring(1).trim();
                int at = text.indexOf("Other versions the BOM pins that the build uses:");
                if (at >= 0) {
                    others = new StringBuilder(text.substring(at + "Other versions the BOM pins that the build uses:".length()));
                } else if (others != null && !text.isEmpty()) {
                    others.append(' ').append(text);
                } else if (others != null) {
                    Matcher m = Pattern.compile("([a-z][a-z0-9-]*) ([0-9][\\w.\\-]*?)(?=[,.]?(\\s|$))").matcher(others);
                    while (m.find()) {
                        real.put(m.group(1), m.group(2));
                    }
                    others = null;
                }
            } else if (!line.isBlank()) {
                String[] gav = line.trim().split("\\s+")[0].split(":");
                assertEquals(3, gav.length, "groupId:artifactId:version expected: " + line);
                real.put(gav[1], gav[2]);
            }
        }
        for (String needed : List.of("jenkins-core", "credentials", "credentials-binding", "structs", "workflow-step-api",
                "bouncycastle-api", "jjwt-api", "jackson2-api", "jenkins-test-harness")) {
            assertNotNull(real.get(needed), needed + " not found in " + VERSIONS + ": " + real);
        }
        offlineProperties = properties(parse(OFFLINE.resolve("pom.xml")));
    }

    /** The dependencies Jenkins checks when it loads the .hpi ("Update required: ... to be updated to ..."). */
    @Test
    void pluginDependenciesAreTheVersionsTheRealBuildResolves() throws IOException {
        String deps = Packaged.hpiManifest().getMainAttributes().getValue("Plugin-Dependencies");
        assertNotNull(deps, "no Plugin-Dependencies in the .hpi");
        Map<String, String> wrong = new LinkedHashMap<>();
        for (String dep : deps.split(",")) {
            String[] nameVersion = dep.split(";")[0].split(":");
            if (!nameVersion[1].equals(real.get(nameVersion[0]))) {
                wrong.put(nameVersion[0], nameVersion[1] + " (VERSIONS: " + real.get(nameVersion[0]) + ")");
            }
        }
        assertTrue(wrong.isEmpty(), "Plugin-Dependencies of the .hpi differ from " + VERSIONS + ": " + wrong);
    }

    @Test
    void offlinePinsAreTheRealBuildsVersions() {
        Map<String, String> wrong = new LinkedHashMap<>();
        int plugins = 0;
        for (Map.Entry<String, String> p : offlineProperties.entrySet()) {
            String artifact = p.getKey().endsWith(".plugin.version")
                    ? p.getKey().substring(0, p.getKey().length() - ".plugin.version".length())
                    : null;
            if (artifact != null) {
                plugins++;
                if (!p.getValue().equals(real.get(artifact))) {
                    wrong.put(p.getKey(), p.getValue() + " (VERSIONS: " + real.get(artifact) + ")");
                }
            }
        }
        assertEquals(7, plugins, "offline/pom.xml should pin the seven plugins the .hpi depends on: " + offlineProperties);
        assertTrue(wrong.isEmpty(), "offline/pom.xml differs from " + VERSIONS + ": " + wrong);
        assertEquals(real.get("jenkins-core"), offlineProperties.get("jenkins.version"), "jenkins.version");
        assertEquals(real.get("jenkins-test-harness"), offlineProperties.get("jenkins-test-harness.version"),
                "jenkins-test-harness.version");
    }

    /**
     * bouncycastle-api is versioned {@code 2.30.${revision}-${changelist}} and jjwt-api {@code ${revision}-${changelist}},
     * and each ships its libraries at {@code ${revision}} (their pom.xml): the plugin's version names the library's.
     */
    @Test
    void libraryVersionsAreThoseTheLibraryPluginsShip() {
        String bc = real.get("bouncycastle-api");
        assertTrue(bc.startsWith("2.30."), bc);
        assertEquals(bc.substring("2.30.".length(), bc.indexOf('-')), offlineProperties.get("bouncycastle.version"),
                "bcprov/bcpkix-jdk18on must be the version bouncycastle-api " + bc + " ships");
        String jjwt = real.get("jjwt-api");
        assertEquals(jjwt.substring(0, jjwt.indexOf('-')), offlineProperties.get("jjwt.version"),
                "jjwt must be the version jjwt-api " + jjwt + " ships");
        String jackson = real.get("jackson2-api");
        assertEquals(jackson.substring(0, jackson.indexOf('-')), offlineProperties.get("jackson.version"),
                "Jackson must be the version jackson2-api " + jackson + " ships");
    }

    @Test
    void htmlUnitIsTheVersionTheHarnessBrings() {
        String harness = real.get("jenkins-test-harness");
        List<String> known = HTMLUNIT_OF_HARNESS.get(harness);
        assertNotNull(known, "which HtmlUnit does jenkins-test-harness " + harness
                + " bring? Read its pom.xml (jenkins-test-harness-htmlunit) and add it to HTMLUNIT_OF_HARNESS");
        assertEquals(known.get(1), offlineProperties.get("htmlunit.version"),
                "HtmlUnit of jenkins-test-harness " + harness + " (jenkins-test-harness-htmlunit " + known.get(0) + ")");
    }

    /** Catches a version left in a property, a dependency or a comment of any offline POM. */
    @Test
    void everyJenkinsReleaseNamedInTheOfflinePomsIsInVersions() throws IOException {
        // the resolved versions, the BOM and parent POM they come from, and the harness's HtmlUnit library;
        // not the newer releases that VERSIONS mentions for reference
        TreeSet<String> allowed = new TreeSet<>(real.values());
        HTMLUNIT_OF_HARNESS.getOrDefault(real.get("jenkins-test-harness"), List.of()).forEach(allowed::add);
        Matcher named = Pattern.compile("(?:bom-[0-9.]+x|plugin parent POM) (\\S+)").matcher(versionsText);
        while (named.find()) {
            allowed.add(named.group(1));
        }
        List<String> stray = new ArrayList<>();
        List<Path> poms;
        try (Stream<Path> files = Files.walk(OFFLINE)) {
            poms = files.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> !p.toString().contains("/target/")).toList();
        }
        assertTrue(poms.size() >= 4, "offline POMs: " + poms);
        for (Path pom : poms) {
            Matcher m = JENKINS_RELEASE.matcher(Files.readString(pom, StandardCharsets.UTF_8));
            while (m.find()) {
                if (!allowed.contains(m.group())) {
                    stray.add(OFFLINE.relativize(pom) + ": " + m.group());
                }
            }
        }
        assertTrue(stray.isEmpty(), "versions that " + VERSIONS + " does not list: " + stray);
    }

    /** The real build gets these versions from its BOM and parent POM: the ones VERSIONS was read from. */
    @Test
    void rootPomUsesTheBomAndParentThatVersionsNames() throws Exception {
        Document root = parse(ROOT_POM);
        Element parent = (Element) root.getElementsByTagName("parent").item(0);
        String parentVersion = child(parent, "version");
        assertTrue(versionsText.contains("plugin parent POM " + parentVersion),
                "root pom parent " + parentVersion + " is not the one VERSIONS names");
        Map<String, String> props = properties(root);
        String bom = null;
        for (Node n = root.getElementsByTagName("dependencyManagement").item(0).getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element deps) {
                bom = child((Element) deps.getElementsByTagName("dependency").item(0), "version");
            }
        }
        assertNotNull(bom, "no BOM in the root pom");
        assertTrue(versionsText.contains("bom-" + props.get("jenkins.baseline") + ".x " + bom),
                "root pom BOM bom-" + props.get("jenkins.baseline") + ".x " + bom + " is not the one VERSIONS names");
        assertEquals(real.get("jenkins-core"),
                props.get("jenkins.version").replace("${jenkins.baseline}", props.get("jenkins.baseline")), "jenkins.version");
    }

    private static Document parse(Path xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(xml.toFile());
    }

    private static Map<String, String> properties(Document pom) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Node n = pom.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("properties")) {
                for (Node p = e.getFirstChild(); p != null; p = p.getNextSibling()) {
                    if (p instanceof Element prop) {
                        out.put(prop.getTagName(), prop.getTextContent().trim());
                    }
                }
            }
        }
        assertFalse(out.isEmpty(), "no properties in " + pom.getDocumentURI());
        return out;
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
