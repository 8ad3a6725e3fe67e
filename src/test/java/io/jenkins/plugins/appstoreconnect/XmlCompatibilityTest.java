package io.jenkins.plugins.appstoreconnect;

import io.jenkins.plugins.appstoreconnect.credentials.AppStoreConnectApiKeyImpl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * XML written by the first release (checked in under {@code compat/}, never edited to follow the code) must keep
 * loading: every element naming one of our classes still names a class (itself, or through a compatibility alias
 * that Jenkins' XStream is given), and every child element still names a field XStream can fill, down through
 * nested option objects. The real load through Jenkins' XStream is {@code XmlCompatibilityJenkinsTest}.
 */
class XmlCompatibilityTest {
    private static final String OUR_PACKAGE = "io.jenkins.plugins.appstoreconnect.";

    @Test
    void credentialsXmlStillNamesOurClassesAndFields() throws Exception {
        assertEquals(6, checkAll("credentials.xml"), "the six stored credentials");
    }

    @Test
    void freestyleJobXmlStillNamesOurClassesAndFields() throws Exception {
        assertEquals(5, checkAll("freestyle-job.xml"), "the wrapper and the four bindings");
    }

    @Test
    void aRenamedFieldIsFound() {
        List<String> problems = new ArrayList<>();
        Element e = parse("<x><keyId>A</keyId><keyIdentifier>A</keyIdentifier></x>").getDocumentElement();
        checkFields(AppStoreConnectApiKeyImpl.class, e, problems);
        assertEquals(List.of("AppStoreConnectApiKeyImpl has no field keyIdentifier"), problems);
    }

    @Test
    void aMovedClassIsFound() {
        List<String> problems = new ArrayList<>();
        assertEquals(null, resolve(OUR_PACKAGE + "NoSuchCredentialImpl", problems));
        assertEquals(1, problems.size());
    }

    private static int checkAll(String fixture) throws Exception {
        org.w3c.dom.Document doc;
        try (InputStream in = XmlCompatibilityTest.class.getResourceAsStream("compat/" + fixture)) {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        List<String> problems = new ArrayList<>();
        List<Element> ours = new ArrayList<>();
        collect(doc.getDocumentElement(), ours);
        for (Element e : ours) {
            Class<?> type = resolve(e.getTagName(), problems);
            if (type != null) {
                checkFields(type, e, problems);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        return ours.size();
    }

    private static void collect(Element e, List<Element> out) {
        if (e.getTagName().startsWith(OUR_PACKAGE)) {
            out.add(e);
            return;
        }
        for (Element child : children(e)) {
            collect(child, out);
        }
    }

    /** The class an element name stands for now: the class itself, or the one its old name is an alias of. */
    private static Class<?> resolve(String name, List<String> problems) {
        String current = XmlCompatibility.ALIASES.getOrDefault(name, name);
        try {
            return Class.forName(current, false, XmlCompatibilityTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            problems.add("no class for <" + name + ">");
            return null;
        }
    }

    private static void checkFields(Class<?> type, Element e, List<String> problems) {
        for (Element child : children(e)) {
            Field f = field(type, child.getTagName());
            if (f == null) {
                problems.add(type.getSimpleName() + " has no field " + child.getTagName());
            } else if (f.getType().getName().startsWith(OUR_PACKAGE) && !f.getType().isEnum()) {
                checkFields(f.getType(), child, problems);
            }
        }
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (f.getName().equals(name) && !Modifier.isStatic(m) && !Modifier.isTransient(m)) {
                    return f;
                }
            }
        }
        return null;
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                out.add(child);
            }
        }
        return out;
    }

    private static org.w3c.dom.Document parse(String xml) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
