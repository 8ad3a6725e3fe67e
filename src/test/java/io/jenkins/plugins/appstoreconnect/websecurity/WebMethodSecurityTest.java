package io.jenkins.plugins.appstoreconnect.websecurity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.jenkins.plugins.appstoreconnect.credentials.AppStoreConnectApiKeyImpl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Web security rules over the compiled classes: every Stapler web method of ours, found by scanning the plugin's
 * package on the classpath (so new classes are covered without being listed), must follow the rules below. They mirror
 * the queries of the Jenkins Security Scan (jenkins-infra/jenkins-codeql) and the Jenkins guides "Securely implementing
 * form validation" and the Credentials plugin's consumer guide, made stricter where this plugin can afford it.
 *
 * <p>A <b>web method</b> is a public method named {@code do<Name>} of a class Stapler can route to: a {@code Describable},
 * {@code Descriptor}, {@code Action} or other {@code ModelObject} (whichever of these types exist on the classpath), that
 * is not {@code void} without parameters (Jenkins does not dispatch those since 2.154) and not
 * {@code @StaplerNotDispatchable}. {@code doCheck*}, {@code doFill*}, {@code doTest*} and any other {@code do*} are web
 * methods.
 *
 * <ol>
 *   <li><b>POST</b> (Jenkins: {@code jenkins/csrf}, "web method not requiring POST"): every web method is {@code @POST}
 *       ({@code org.kohsuke.stapler.verb.POST}) or {@code @RequirePOST}. Jenkins asks this of methods with side effects
 *       (changing state, connecting out, costly work); here every one, since they receive key material or call Apple, and
 *       the form sends checks and fills by POST anyway.</li>
 *   <li><b>Permission check</b> ({@code jenkins/no-permission-check}): every web method calls
 *       {@code checkPermission}, {@code hasPermission}, {@code checkAnyPermission} or {@code hasAnyPermission}, itself or
 *       through our own methods it calls (followed 5 calls deep). Jenkins' query misses the {@code *Any*} forms (a known
 *       limitation it documents); this rule counts them. Like Jenkins' query, which only asks it of methods with
 *       non-trivial calls, it spares a {@code doFill*Items} that only builds a fixed list of choices
 *       ({@link #fixedChoices}); a {@code doCheck*} always needs one.</li>
 *   <li><b>Permission answers are used</b> ({@code jenkins/has-permission-return-value-ignored}): no method of ours calls
 *       {@code hasPermission}/{@code hasAnyPermission} and drops the answer (read from the bytecode with {@code javap}).</li>
 *   <li><b>Credential lists</b> ({@code jenkins/credentials-fill-without-permission-check} and the consumer guide): a
 *       {@code doFill*Items} method that lists credentials ({@code StandardListBoxModel#include*} other than
 *       {@code includeCurrentValue}/{@code includeEmptyValue}, {@code CredentialsProvider#lookupCredentials*} or
 *       {@code #listCredentials*}) takes the context as an {@code @AncestorInPath} parameter, checks a permission before
 *       the first listing (by source line), refers to {@code Jenkins.ADMINISTER} (no context) and to
 *       {@code Item.EXTENDED_READ} or {@code CredentialsProvider.USE_ITEM} (in an item), and calls
 *       {@code includeCurrentValue} (what users without the permission get instead of the list).</li>
 *   <li><b>No plaintext secrets</b> ({@code jenkins/plaintext-storage}): a routable class has no non-static,
 *       non-transient {@code String}, {@code char[]} or {@code byte[]} field whose name contains password, pwd, pass,
 *       credential, access, key, token or secret, except reviewed names ({@link #REVIEWED_FIELDS}); secrets are
 *       {@code hudson.util.Secret}.</li>
 * </ol>
 *
 * Each rule is shown to fail on {@link UnsafeDescriptorFixture} (compiled code) and on hand-made method models (for
 * credential lists, whose API has no stand-in yet).
 */
class WebMethodSecurityTest {

    private static final String OURS = "io.jenkins.plugins.appstoreconnect";
    /** Types Stapler routes requests to; those missing from the classpath are skipped. */
    private static final List<String> ROUTABLE = List.of("hudson.model.Describable", "hudson.model.Descriptor", "hudson.model.Action",
            "hudson.model.ModelObject", "org.kohsuke.stapler.StaplerProxy");
    private static final Set<String> PERMISSION_CHECKS = Set.of("checkPermission", "hasPermission", "checkAnyPermission", "hasAnyPermission");
    private static final Set<String> POST = Set.of("org.kohsuke.stapler.verb.POST", "org.kohsuke.stapler.interceptor.RequirePOST");
    private static final List<String> SECRET_WORDS = List.of("password", "pwd", "pass", "credential", "access", "key", "token", "secret");
    /** Field names that look like secrets but are not, each reviewed: the reason is the value. */
    static final Map<String, String> REVIEWED_FIELDS = Map.of(
            "keyId", "the 10-character key ID is public: App Store Connect shows it and every token carries it in its header",
            "credentialsId", "the ID of a credential, not its secret (the Credentials plugin's own naming)");
    /** Name endings of identifiers and names of things, which are not the things. */
    private static final List<String> IDENTIFIER_SUFFIXES = List.of("Id", "Ids", "Variable", "VariableName", "Name", "Fingerprint");

    // ---------------------------------------------------------------- a model of a web method, and the rules

    enum Kind { PERMISSION_CHECK, LISTING, CURRENT_VALUE, FIELD, CALL }

    /** Something a web method does (itself or in our code it calls), at the source line of the web method where it happens. */
    record Effect(Kind kind, String what, int line) {}

    /** A web method as the rules see it. */
    record WebMethod(String id, String name, boolean post, boolean contextParameter, List<Effect> effects) {
        boolean does(Kind kind) {
            return effects.stream().anyMatch(e -> e.kind() == kind);
        }

        Optional<Integer> firstLine(Kind kind) {
            return effects.stream().filter(e -> e.kind() == kind).map(Effect::line).min(Integer::compare);
        }

        boolean refersTo(String field) {
            return effects.stream().anyMatch(e -> e.kind() == Kind.FIELD && e.what().equals(field));
        }
    }

    static List<String> violations(WebMethod m) {
        List<String> v = new ArrayList<>();
        if (!m.post()) {
            v.add(m.id() + ": not @POST (CSRF)");
        }
        if (!m.does(Kind.PERMISSION_CHECK) && !fixedChoices(m)) {
            v.add(m.id() + ": no permission check");
        }
        if (m.name().startsWith("doFill") && m.does(Kind.LISTING)) {
            if (!m.contextParameter()) {
                v.add(m.id() + ": lists credentials without an @AncestorInPath context parameter");
            }
            int listing = m.firstLine(Kind.LISTING).orElseThrow();
            if (m.firstLine(Kind.PERMISSION_CHECK).map(check -> check > listing).orElse(true)) {
                v.add(m.id() + ": lists credentials before checking a permission");
            }
            if (!m.refersTo("jenkins.model.Jenkins.ADMINISTER")) {
                v.add(m.id() + ": does not require Jenkins.ADMINISTER when there is no item");
            }
            if (!m.refersTo("hudson.model.Item.EXTENDED_READ") && !m.refersTo("com.cloudbees.plugins.credentials.CredentialsProvider.USE_ITEM")) {
                v.add(m.id() + ": does not require Item.EXTENDED_READ or CredentialsProvider.USE_ITEM in an item");
            }
            if (!m.does(Kind.CURRENT_VALUE)) {
                v.add(m.id() + ": never returns just the current value (includeCurrentValue) to users without permission");
            }
        }
        return v;
    }

    /**
     * Calls that neither change state, call out nor reveal anything: the JDK's strings, collections and boxes, list
     * models and their options, our {@code Messages}. Calls into our own code are followed instead.
     */
    private static final List<String> TRIVIAL_OWNERS = List.of("java.lang.String", "java.lang.StringBuilder", "java.lang.Object",
            "java.lang.Enum", "java.lang.Integer", "java.lang.Long", "java.lang.Boolean", "java.util.", "hudson.util.ListBoxModel",
            "hudson.util.ComboBoxModel", OURS + ".Messages");

    /**
     * A {@code doFill*Items} that offers a fixed list of choices (only trivial calls, no credential listing): Jenkins'
     * scan does not ask for a permission check there, since anyone can read the same list in the plugin's source.
     */
    static boolean fixedChoices(WebMethod m) {
        return m.name().startsWith("doFill") && !m.does(Kind.LISTING) && m.effects().stream()
                .filter(e -> e.kind() == Kind.CALL)
                .allMatch(e -> e.what().startsWith(OURS + ".") || TRIVIAL_OWNERS.stream().anyMatch(e.what()::startsWith)
                        || arrayClone(e.what()));
    }

    /** An array's {@code clone()}, as in an enum's {@code values()} (the owner is an array type such as {@code [Lcom.x.E;}). */
    static boolean arrayClone(String call) {
        return call.startsWith("[") && call.endsWith("#clone");
    }

    // ---------------------------------------------------------------- reading the compiled classes

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(OURS);

    static boolean routable(JavaClass c) {
        return ROUTABLE.stream().anyMatch(t -> c.isAssignableTo(t));
    }

    static List<WebMethod> webMethods(JavaClasses classes) {
        List<WebMethod> found = new ArrayList<>();
        for (JavaClass c : classes) {
            if (!routable(c)) {
                continue;
            }
            for (JavaMethod m : c.getMethods()) {
                if (!isWebMethod(m)) {
                    continue;
                }
                List<Effect> effects = new ArrayList<>();
                collect(m, -1, effects, new HashSet<>(), 0);
                effects.sort(Comparator.comparingInt(Effect::line));
                boolean post = m.getAnnotations().stream().anyMatch(a -> POST.contains(a.getRawType().getName()));
                boolean context = m.getParameters().stream().anyMatch(p -> p.isAnnotatedWith("org.kohsuke.stapler.AncestorInPath"));
                found.add(new WebMethod(c.getName() + "#" + m.getName(), m.getName(), post, context, effects));
            }
        }
        return found;
    }

    private static boolean isWebMethod(JavaMethod m) {
        String n = m.getName();
        if (!m.getModifiers().contains(JavaModifier.PUBLIC) || m.getModifiers().contains(JavaModifier.SYNTHETIC) || n.length() < 3
                || !n.startsWith("do") || !Character.isUpperCase(n.charAt(2))) {
            return false;
        }
        if (m.isAnnotatedWith("jenkins.security.stapler.StaplerNotDispatchable")) {
            return false;
        }
        return !(m.getRawReturnType().getName().equals("void") && m.getParameters().isEmpty());
    }

    /** The effects of {@code unit} and of our methods it calls, each at the line in the web method where it starts. */
    private static void collect(JavaCodeUnit unit, int atLine, List<Effect> out, Set<String> seen, int depth) {
        if (depth > 5 || !seen.add(unit.getFullName())) {
            return;
        }
        for (JavaAccess<?> access : accesses(unit)) {
            int line = atLine >= 0 ? atLine : access.getLineNumber();
            String owner = access.getTargetOwner().getName();
            String name = access.getName();
            if (access instanceof JavaFieldAccess) {
                out.add(new Effect(Kind.FIELD, owner + "." + name, line));
                continue;
            }
            out.add(new Effect(Kind.CALL, owner + "#" + name, line));
            if (PERMISSION_CHECKS.contains(name)) {
                out.add(new Effect(Kind.PERMISSION_CHECK, owner + "#" + name, line));
            } else if (owner.endsWith("ListBoxModel") && name.equals("includeCurrentValue")) {
                out.add(new Effect(Kind.CURRENT_VALUE, owner + "#" + name, line));
            } else if (isListing(owner, name)) {
                out.add(new Effect(Kind.LISTING, owner + "#" + name, line));
            }
            if (owner.startsWith(OURS)) {
                for (JavaCodeUnit callee : resolve(access)) {
                    collect(callee, line, out, seen, depth + 1);
                }
            }
        }
    }

    static boolean isListing(String owner, String name) {
        if (owner.endsWith("ListBoxModel") && name.startsWith("include") && !name.equals("includeCurrentValue")
                && !name.equals("includeEmptyValue")) {
            return true;
        }
        return owner.equals("com.cloudbees.plugins.credentials.CredentialsProvider")
                && (name.startsWith("lookupCredentials") || name.startsWith("listCredentials"));
    }

    /** Calls, method references and field accesses, including those in lambdas (ArchUnit files them under their method). */
    private static List<JavaAccess<?>> accesses(JavaCodeUnit unit) {
        return new ArrayList<>(unit.getAccessesFromSelf());
    }

    private static Set<JavaCodeUnit> resolve(JavaAccess<?> access) {
        Set<JavaCodeUnit> units = new HashSet<>();
        Object target = access.getTarget();
        if (target instanceof com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget) {
            ((com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget) target).resolveMember().ifPresent(units::add);
        }
        return units;
    }

    /** Methods that call {@code has(Any)Permission} and throw the answer away (the next instruction is {@code pop}). */
    static List<String> ignoredPermissionAnswers(JavaClasses classes) {
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow(() -> new AssertionError("javap (from the JDK) is needed"));
        List<String> found = new ArrayList<>();
        for (JavaClass c : classes) {
            Optional<URI> uri = c.getSource().map(s -> s.getUri());
            if (uri.isEmpty() || !"file".equals(uri.get().getScheme())) {
                continue;
            }
            StringWriter out = new StringWriter();
            javap.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-c", "-p", Paths.get(uri.get()).toString());
            String method = "?";
            String previous = "";
            for (String line : out.toString().split("\n")) {
                String t = line.strip();
                if (line.startsWith("  ") && !line.startsWith("   ") && t.endsWith(";")) {
                    method = t;
                }
                if (t.matches("\\d+: pop") && (previous.contains(".hasPermission:") || previous.contains(".hasAnyPermission:")
                        || previous.contains("Method hasPermission:") || previous.contains("Method hasAnyPermission:"))) {
                    found.add(c.getName() + " " + method);
                }
                if (t.matches("\\d+: .*")) {
                    previous = t;
                }
            }
        }
        return found;
    }

    /** Fields of routable classes that may hold a secret in plain text (Jenkins' plaintext-storage query). */
    static List<String> plaintextSecretFields(JavaClasses classes) {
        List<String> found = new ArrayList<>();
        for (JavaClass c : classes) {
            if (!routable(c)) {
                continue;
            }
            for (JavaField f : c.getFields()) {
                String type = f.getRawType().getName();
                if (f.getModifiers().contains(JavaModifier.STATIC) || f.getModifiers().contains(JavaModifier.TRANSIENT)
                        || !(type.equals("java.lang.String") || type.equals("[C") || type.equals("[B") || type.equals("char[]")
                        || type.equals("byte[]"))) {
                    continue;
                }
                String name = f.getName();
                String lower = name.toLowerCase(Locale.ROOT);
                if (SECRET_WORDS.stream().anyMatch(lower::contains) && !REVIEWED_FIELDS.containsKey(name)
                        && IDENTIFIER_SUFFIXES.stream().noneMatch(name::endsWith)) {
                    found.add(c.getName() + "." + name);
                }
            }
        }
        return found;
    }

    // ---------------------------------------------------------------- the tests

    @Test
    void ourWebMethodsFollowTheRules() {
        List<WebMethod> methods = webMethods(MAIN);
        Map<String, List<String>> problems = new TreeMap<>();
        for (WebMethod m : methods) {
            List<String> v = violations(m);
            if (!v.isEmpty()) {
                problems.put(m.id(), v);
            }
        }
        assertEquals(Map.of(), problems);
        // the scan found what is there (so an empty scan cannot pass quietly)
        Set<String> names = methods.stream().map(WebMethod::id).collect(Collectors.toSet());
        String descriptor = AppStoreConnectApiKeyImpl.DescriptorImpl.class.getName();
        assertTrue(names.containsAll(Set.of(descriptor + "#doCheckKeyId", descriptor + "#doCheckIssuerId", descriptor + "#doCheckPrivateKey",
                descriptor + "#doTestConnection")), names.toString());
    }

    @Test
    void permissionAnswersAreNeverDropped() {
        assertEquals(List.of(), ignoredPermissionAnswers(MAIN));
    }

    @Test
    void noSecretInAPlainField() {
        assertEquals(List.of(), plaintextSecretFields(MAIN));
        assertTrue(MAIN.get(AppStoreConnectApiKeyImpl.class).getField("privateKey").getRawType().isEquivalentTo(hudson.util.Secret.class),
                "the key is a Secret");
    }

    @Test
    void everyRuleFailsOnUnsafeCode() {
        JavaClasses fixture = new ClassFileImporter().importClasses(UnsafeDescriptorFixture.class, UnsafeDescriptorFixture.Thing.class);
        Map<String, WebMethod> byName = webMethods(fixture).stream().collect(Collectors.toMap(WebMethod::name, m -> m));
        assertEquals(Set.of("doCheckUrl", "doTestConnection", "doCheckName"), byName.keySet(), "doNothing is not routable");
        assertEquals(List.of(UnsafeDescriptorFixture.class.getName() + "#doCheckUrl: not @POST (CSRF)",
                UnsafeDescriptorFixture.class.getName() + "#doCheckUrl: no permission check"), violations(byName.get("doCheckUrl")));
        assertEquals(List.of(), violations(byName.get("doCheckName")), "a check through a helper counts");
        assertEquals(List.of(UnsafeDescriptorFixture.class.getName() + " public hudson.util.FormValidation doTestConnection(hudson.model.Item);"),
                ignoredPermissionAnswers(fixture));
        assertEquals(List.of(UnsafeDescriptorFixture.class.getName() + ".apiToken"), plaintextSecretFields(fixture));
    }

    @Test
    void credentialListRulesFollowTheConsumerGuide() {
        String item = "hudson.model.Item.EXTENDED_READ";
        String admin = "jenkins.model.Jenkins.ADMINISTER";
        String sb = "com.cloudbees.plugins.credentials.common.StandardListBoxModel";
        List<Effect> good = List.of(
                new Effect(Kind.FIELD, admin, 3), new Effect(Kind.PERMISSION_CHECK, "jenkins.model.Jenkins#hasPermission", 3),
                new Effect(Kind.CURRENT_VALUE, sb + "#includeCurrentValue", 4), new Effect(Kind.FIELD, item, 6),
                new Effect(Kind.PERMISSION_CHECK, "hudson.model.Item#hasPermission", 6), new Effect(Kind.LISTING, sb + "#includeMatchingAs", 9));
        assertEquals(List.of(), violations(new WebMethod("good", "doFillCredentialsIdItems", true, true, good)));

        List<Effect> noCheck = List.of(new Effect(Kind.LISTING, sb + "#includeMatchingAs", 2));
        assertEquals(7, violations(new WebMethod("open", "doFillCredentialsIdItems", false, false, noCheck)).size(),
                "not POST, no check, no context, listing before a check, neither permission, no current value");

        List<Effect> lateCheck = new ArrayList<>(good);
        lateCheck.set(5, new Effect(Kind.LISTING, sb + "#includeMatchingAs", 1));
        assertEquals(List.of("late: lists credentials before checking a permission"),
                violations(new WebMethod("late", "doFillCredentialsIdItems", true, true, lateCheck)));

        List<Effect> onlyAdmin = good.stream().filter(e -> !e.what().equals(item)).toList();
        assertEquals(List.of("admin: does not require Item.EXTENDED_READ or CredentialsProvider.USE_ITEM in an item"),
                violations(new WebMethod("admin", "doFillCredentialsIdItems", true, true, onlyAdmin)));

        List<Effect> emptyWhenDenied = good.stream().filter(e -> e.kind() != Kind.CURRENT_VALUE).toList();
        assertEquals(List.of("empty: never returns just the current value (includeCurrentValue) to users without permission"),
                violations(new WebMethod("empty", "doFillCredentialsIdItems", true, true, emptyWhenDenied)));

        assertTrue(isListing("com.cloudbees.plugins.credentials.CredentialsProvider", "lookupCredentialsInItem"));
        assertTrue(isListing(sb, "includeAs"));
        assertFalse(isListing(sb, "includeEmptyValue"));
        // a fill method with a fixed list of choices needs POST, but neither the credential rules nor a permission check
        List<Effect> fixed = List.of(new Effect(Kind.CALL, "hudson.util.ListBoxModel#add", 1),
                new Effect(Kind.CALL, OURS + ".Messages#Audience_Standard", 1),
                new Effect(Kind.CALL, "[L" + OURS + ".core.token.TokenProfile;#clone", 1));
        assertEquals(List.of(), violations(new WebMethod("choices", "doFillAudienceItems", true, false, fixed)));
        assertFalse(arrayClone("java.lang.Object#clone"));
        // ... unless it does more than that (here: calls out), or is not a fill method
        List<Effect> callsOut = List.of(new Effect(Kind.CALL, "java.net.http.HttpClient#send", 1));
        assertEquals(List.of("remote: no permission check"), violations(new WebMethod("remote", "doFillAppItems", true, false, callsOut)));
        assertEquals(List.of("check: no permission check"), violations(new WebMethod("check", "doCheckAudience", true, false, fixed)));
    }

    @Test
    void eachParameterOfOurWebMethodsIsBoundByStapler() {
        // Jenkins' query treats a method as a web method only if every parameter is bound (@QueryParameter, @AncestorInPath,
        // ...) or is a request/response; ours are, so none escapes the rules by an unbound parameter.
        Set<String> bound = Set.of("org.kohsuke.stapler.QueryParameter", "org.kohsuke.stapler.AncestorInPath", "org.kohsuke.stapler.Header",
                "org.kohsuke.stapler.json.JsonBody", "org.kohsuke.stapler.json.SubmittedForm");
        List<String> unbound = new ArrayList<>();
        for (JavaClass c : MAIN) {
            if (!routable(c)) {
                continue;
            }
            for (JavaMethod m : c.getMethods()) {
                if (!isWebMethod(m)) {
                    continue;
                }
                for (JavaParameter p : m.getParameters()) {
                    boolean request = p.getRawType().getName().matches(".*\\.(Stapler|HttpServlet|Servlet)(Request|Response)2?");
                    if (!request && p.getAnnotations().stream().noneMatch(a -> bound.contains(a.getRawType().getName()))) {
                        unbound.add(c.getName() + "#" + m.getName() + " parameter " + p.getIndex());
                    }
                }
            }
        }
        assertEquals(List.of(), unbound);
    }
}
