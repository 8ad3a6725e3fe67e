package io.jenkins.plugins.appstoreconnect.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Every view of the plugin, read the way Jenkins reads it, without a running Jenkins. A {@code ${%...}} label is
 * split as Stapler's InternationalizedStringExpression splits it: the text up to the first '(' is the message key,
 * the rest a comma-separated list of expressions, so {@code ${%Token lifetime (seconds)}} is the key
 * "Token lifetime " with the argument {@code seconds}. A label with arguments must therefore name a key of the
 * view's .properties file whose message takes exactly that many arguments, and each argument must be a property
 * path such as {@code instance.fingerprint}; anything else is refused here instead of breaking the form (or losing
 * words) in Jenkins. Every other {@code ${...}} expression, and every label argument, must parse with JEXL 1.1, the
 * grammar of the JEXL fork that Jenkins' Jelly uses (the fork only adds to it).
 */
class ViewParseTest {

    private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[},]");

    static Path resourceRoot() throws Exception {
        return Path.of(ViewParseTest.class.getResource("/index.jelly").toURI()).getParent();
    }

    static List<Path> views() throws Exception {
        try (Stream<Path> files = Files.walk(resourceRoot())) {
            return files.filter(p -> p.toString().endsWith(".jelly")).sorted().toList();
        }
    }

    @Test
    void everyViewParses() throws Exception {
        List<Path> views = views();
        assertTrue(views.size() > 10, "views not found: " + views);
        List<String> problems = new ArrayList<>();
        for (Path view : views) {
            problems.addAll(problemsOf(view));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void refusesParenthesesThatAreNotArguments() throws Exception {
        Path dir = Files.createTempDirectory("views");
        Path view = dir.resolve("config.jelly");
        Files.writeString(view, "<j:jelly xmlns:j=\"jelly:core\" xmlns:f=\"/lib/form\">"
                + "<f:entry title=\"${%Private key (.p8)}\"/><f:entry title=\"${%Token lifetime (seconds)}\"/>"
                + "<div>${%stored(instance.fingerprint)}</div></j:jelly>");
        Files.writeString(dir.resolve("config.properties"), "stored=Stored: {0}\n");
        List<String> problems = problemsOf(view);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Private key"), problems.get(0));
        assertTrue(problems.get(1).contains("Token lifetime"), problems.get(1));
    }

    @Test
    void refusesExpressionsJexlCannotParse() throws Exception {
        Path dir = Files.createTempDirectory("views");
        Path view = dir.resolve("credentials.jelly");
        Files.writeString(view, "<j:jelly xmlns:j=\"jelly:core\" xmlns:f=\"/lib/form\">"
                + "<f:entry title=\"${instance != null}\"/><f:entry title=\"${instance. != null}\"/>"
                + "<f:entry title=\"${descriptor.getHelpFile('keyId'}\"/></j:jelly>");
        List<String> problems = problemsOf(view);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("instance. != null") && problems.get(0).contains("JEXL"), problems.get(0));
        assertTrue(problems.get(1).contains("getHelpFile('keyId'"), problems.get(1));
    }

    static List<String> problemsOf(Path view) throws Exception {
        List<String> problems = new ArrayList<>();
        String name = resourceRootRelative(view);
        String text = Files.readString(view, StandardCharsets.UTF_8);
        Element root;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            root = f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (Exception e) {
            problems.add(name + ": not well-formed XML: " + e.getMessage());
            return problems;
        }
        // the plugin's description (index.jelly at the top) is plain markup; every other view is a Jelly script
        if (!name.equals("index.jelly") && !("jelly:core".equals(root.getNamespaceURI()) && "jelly".equals(root.getLocalName()))) {
            problems.add(name + ": the root element must be <j:jelly xmlns:j=\"jelly:core\">");
        }
        Properties messages = messagesOf(view);
        int from = 0;
        while ((from = text.indexOf("${", from)) >= 0) {
            int end = endOf(text, from + 2);
            if (end < 0) {
                problems.add(name + ": unterminated expression at " + from);
                break;
            }
            String expression = text.substring(from + 2, end);
            if (expression.startsWith("%")) {
                String problem = labelProblem(expression, messages);
                if (problem != null) {
                    problems.add(name + ": ${" + expression + "}: " + problem);
                }
            } else {
                String problem = jexlProblem(expression);
                if (problem != null) {
                    problems.add(name + ": ${" + expression + "}: " + problem);
                }
            }
            from = end + 1;
        }
        return problems;
    }

    /** The problem of a localized label, as InternationalizedStringExpression would split it; null if none. */
    static String labelProblem(String expression, Properties messages) {
        String text = expression.substring(1);
        int open = text.indexOf('(');
        if (open < 0) {
            return text.isBlank() ? "empty label" : null;
        }
        String key = text.substring(0, open);
        if (!text.endsWith(")")) {
            return "'(' without a closing ')' at the end: Stapler fails";
        }
        String[] arguments = text.substring(open + 1, text.length() - 1).split(",", -1);
        for (String argument : arguments) {
            if (!PATH.matcher(argument.strip()).matches()) {
                return "the parenthesised part is read as arguments and '" + argument.strip()
                        + "' is not a property path: write the label without parentheses";
            }
            String problem = jexlProblem(argument.strip());
            if (problem != null) {
                return "argument '" + argument.strip() + "': " + problem;
            }
        }
        String message = messages.getProperty(key);
        if (message == null) {
            return "the parenthesised part is read as arguments of the key '" + key
                    + "', which the view's .properties file lacks: write the label without parentheses";
        }
        int expected = 0;
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            expected = Math.max(expected, Integer.parseInt(m.group(1)) + 1);
        }
        return expected == arguments.length ? null
                : "'" + key + "' takes " + expected + " arguments, the view gives " + arguments.length;
    }

    /** The index of the '}' that closes an expression starting at {@code from}, skipping quoted text; -1 if none. */
    private static int endOf(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int close = text.indexOf(c, i + 1);
                if (close < 0) {
                    return -1;
                }
                i = close;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    /** Why JEXL (as Jelly's expression factory) cannot parse an expression; null if it can. */
    static String jexlProblem(String expression) {
        if (expression.isBlank()) {
            return "empty expression";
        }
        try {
            org.apache.commons.jexl.ExpressionFactory.createExpression(expression);
            return null;
        } catch (Exception | Error e) {
            String message = String.valueOf(e.getMessage());
            int eol = message.indexOf('\n');
            return "JEXL cannot parse it: " + (eol < 0 ? message : message.substring(0, eol));
        }
    }

    private static Properties messagesOf(Path view) throws Exception {
        Properties messages = new Properties();
        String file = view.getFileName().toString();
        Path properties = view.resolveSibling(file.substring(0, file.length() - ".jelly".length()) + ".properties");
        if (Files.exists(properties)) {
            try (InputStream in = Files.newInputStream(properties)) {
                messages.load(in);
            }
        }
        return messages;
    }

    private static String resourceRootRelative(Path view) {
        try {
            return resourceRoot().relativize(view).toString();
        } catch (Exception e) {
            return view.toString();
        }
    }

    /**
     * A credentials type's form must be credentials.jelly: the credentials plugin's own config.jelly draws the
     * Scope field and includes it, and a type's own config.jelly would replace that page (no scope is saved).
     */
    @Test
    void credentialTypesHaveNoConfigJelly() throws Exception {
        int types = 0;
        for (Path view : views()) {
            String relative = resourceRoot().relativize(view.getParent()).toString().replace('/', '.');
            Class<?> type;
            try {
                type = Class.forName(relative, false, ViewParseTest.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                continue;
            }
            if (com.cloudbees.plugins.credentials.Credentials.class.isAssignableFrom(type)) {
                types++;
                assertFalse(Files.exists(view.resolveSibling("config.jelly")),
                        type.getSimpleName() + " has a config.jelly: name its form credentials.jelly");
                assertTrue(Files.exists(view.resolveSibling("credentials.jelly")), type.getSimpleName() + " has no credentials.jelly");
            }
        }
        assertTrue(types >= 5, "credential types found: " + types);
    }
}
