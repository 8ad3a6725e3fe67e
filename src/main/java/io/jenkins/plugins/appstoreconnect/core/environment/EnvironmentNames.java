package io.jenkins.plugins.appstoreconnect.core.environment;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names of the environment variables {@code withAppStoreConnectToken} sets for the steps in its block:
 * the defaults below, or names the user chose. Immutable; validated on construction.
 *
 * <h2>Rules for a name</h2>
 * <ul>
 *   <li>It matches {@code [A-Za-z_][A-Za-z0-9_]*} and has at most {@value #MAX_LENGTH} characters (a name any
 *       shell, {@code sh}, {@code bat} or {@code powershell}, can read without quoting).</li>
 *   <li>It is not {@linkplain #isReserved(String) reserved}: not a variable the shell, the dynamic loader or
 *       Jenkins itself depends on ({@code PATH}, {@code HOME}, {@code WORKSPACE}, {@code LD_PRELOAD}, any
 *       {@code JENKINS_*}, ...), so that a typo cannot break the build or hand the key to another program.</li>
 *   <li>The names are distinct from one another, compared ignoring case (Windows agents treat
 *       {@code Foo} and {@code FOO} as one variable); reserved names are compared ignoring case too.</li>
 *   <li>An empty (or blank) override switches the variable off: it is not set at all. {@code null} keeps the
 *       default.</li>
 * </ul>
 * Messages quote a rejected name only when it is a well-formed identifier of normal length; otherwise they
 * give its length and the offending character, never the whole value (it could be a key pasted into the
 * wrong field).
 */
public final class EnvironmentNames {

    /** The longest accepted name. */
    public static final int MAX_LENGTH = 100;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Reserved names, upper case; compared ignoring case. */
    private static final Set<String> RESERVED = Set.of(
            // shell and system
            "PATH", "HOME", "USER", "LOGNAME", "SHELL", "PWD", "OLDPWD", "IFS", "ENV", "BASH_ENV", "CDPATH",
            "TMPDIR", "TMP", "TEMP", "LANG", "TERM", "TZ", "PS1", "PS2", "PS4", "PROMPT_COMMAND",
            "PATHEXT", "COMSPEC", "SYSTEMROOT", "WINDIR", "USERPROFILE", "APPDATA", "LOCALAPPDATA",
            "DEVELOPER_DIR", "JAVA_HOME", "CLASSPATH", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS",
            // Jenkins
            "WORKSPACE", "WORKSPACE_TMP", "NODE_NAME", "NODE_LABELS", "EXECUTOR_NUMBER", "BUILD_NUMBER",
            "BUILD_ID", "BUILD_URL", "BUILD_TAG", "BUILD_DISPLAY_NAME", "JOB_NAME", "JOB_BASE_NAME", "JOB_URL",
            "STAGE_NAME", "BRANCH_NAME", "CHANGE_ID", "GIT_COMMIT", "HUDSON_HOME", "HUDSON_URL", "HUDSON_COOKIE",
            "HUDSON_SERVER_COOKIE");
    /** Reserved prefixes, upper case; compared ignoring case. */
    private static final Set<String> RESERVED_PREFIXES = Set.of("JENKINS_", "LD_", "DYLD_", "BASH_FUNC_");

    /** One variable the step can set. The defaults are the names the tools read by themselves. */
    public enum Variable {
        /** The token itself ({@code Authorization: Bearer $APP_STORE_CONNECT_JWT}); fresh for every step. */
        JWT("APP_STORE_CONNECT_JWT"),
        /** The key ID; fastlane's {@code app_store_connect_api_key(key_id:)}. */
        KEY_ID("APP_STORE_CONNECT_API_KEY_KEY_ID"),
        /** The issuer ID (team keys only; not set for an individual key); fastlane's {@code issuer_id}. */
        ISSUER_ID("APP_STORE_CONNECT_API_KEY_ISSUER_ID"),
        /** The path of {@code AuthKey_<KEY ID>.p8}; fastlane's {@code key_filepath}, xcodebuild, notarytool. */
        KEY_FILEPATH("APP_STORE_CONNECT_API_KEY_KEY_FILEPATH"),
        /** The path of the fastlane API key JSON file; fastlane's {@code api_key_path} for every action. */
        API_KEY_PATH("APP_STORE_CONNECT_API_KEY_PATH"),
        /** {@code true} for an Enterprise Program key, else {@code false}; fastlane's {@code in_house}. */
        IN_HOUSE("APP_STORE_CONNECT_API_KEY_IN_HOUSE"),
        /** The token lifetime in seconds fastlane should use; fastlane's {@code duration}. */
        DURATION("APP_STORE_CONNECT_API_KEY_DURATION"),
        /** The directory holding {@code AuthKey_<KEY ID>.p8}, where {@code xcrun altool} looks for the key. */
        PRIVATE_KEYS_DIR("API_PRIVATE_KEYS_DIR");

        private final String defaultName;

        Variable(String defaultName) {
            this.defaultName = defaultName;
        }

        /** The name used when the user chose none. */
        public String defaultName() {
            return defaultName;
        }
    }

    private static final EnvironmentNames DEFAULTS = new EnvironmentNames(Map.of());

    private final Map<Variable, String> names; // absent: switched off

    private EnvironmentNames(Map<Variable, String> overrides) {
        EnumMap<Variable, String> m = new EnumMap<>(Variable.class);
        for (Variable v : Variable.values()) {
            String override = overrides.get(v);
            if (override == null) {
                m.put(v, v.defaultName);
            } else if (!override.isBlank()) {
                m.put(v, checkName(v, override.strip()));
            }
        }
        Map<String, Variable> seen = new HashMap<>();
        for (Map.Entry<Variable, String> e : m.entrySet()) {
            Variable before = seen.putIfAbsent(e.getValue().toUpperCase(Locale.ROOT), e.getKey());
            if (before != null) {
                throw new InvalidInputException("The environment variable names for " + describe(before) + " and "
                        + describe(e.getKey()) + " are the same (" + e.getValue() + ", ignoring case); each variable"
                        + " needs its own name.");
            }
        }
        this.names = Collections.unmodifiableMap(m);
    }

    /** The default names. */
    public static EnvironmentNames defaults() {
        return DEFAULTS;
    }

    /**
     * The defaults with {@code overrides} applied: a {@code null} value (or a variable not in the map) keeps
     * the default, a blank value switches the variable off, anything else is the new name (surrounding
     * whitespace removed).
     *
     * @throws InvalidInputException if a name breaks a rule (see the class description)
     */
    public static EnvironmentNames withOverrides(Map<Variable, String> overrides) {
        Objects.requireNonNull(overrides, "overrides");
        if (overrides.values().stream().allMatch(Objects::isNull)) {
            return DEFAULTS;
        }
        return new EnvironmentNames(new EnumMap<>(overrides));
    }

    /** The name of {@code variable}, or {@code null} if it is switched off. */
    public String name(Variable variable) {
        return names.get(Objects.requireNonNull(variable, "variable"));
    }

    /** Whether {@code variable} is set at all. */
    public boolean isEnabled(Variable variable) {
        return names.containsKey(Objects.requireNonNull(variable, "variable"));
    }

    /** Every enabled variable and its name, in {@link Variable} order (unmodifiable). */
    public Map<Variable, String> asMap() {
        return names;
    }

    /**
     * Whether {@code name} is one the step refuses to set (compared ignoring case): shell and system variables
     * such as {@code PATH}, {@code HOME}, {@code TMPDIR}, {@code DEVELOPER_DIR}; Jenkins' own such as
     * {@code WORKSPACE}, {@code BUILD_NUMBER}; and any name starting with {@code JENKINS_}, {@code LD_},
     * {@code DYLD_} or {@code BASH_FUNC_}.
     */
    public static boolean isReserved(String name) {
        if (name == null) {
            return false;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (RESERVED.contains(upper)) {
            return true;
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (upper.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code name} if it is usable for {@code variable}.
     *
     * @throws InvalidInputException otherwise; the message quotes the name only if it is a well-formed identifier
     */
    static String checkName(Variable variable, String name) {
        return requireName("The environment variable name for " + describe(variable), name);
    }

    /**
     * {@code name} if it is usable as an environment variable name: the rules of the step's own variables (letters,
     * digits and {@code _}, not starting with a digit, at most {@value #MAX_LENGTH} characters, not
     * {@linkplain #isReserved(String) reserved}).
     *
     * @param what how the message starts, e.g. {@code "The token variable name"}
     * @throws InvalidInputException otherwise; the message quotes the name only if it is a well-formed identifier
     */
    public static String requireName(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidInputException(what + " is empty; give a name such as APPLE_TOKEN.");
        }
        if (name.length() > MAX_LENGTH) {
            throw new InvalidInputException(what + " has " + name.length() + " characters; at most " + MAX_LENGTH
                    + " are allowed.");
        }
        if (!NAME.matcher(name).matches()) {
            char first = name.charAt(0);
            if (first >= '0' && first <= '9') {
                throw new InvalidInputException(what + " starts with a digit; a name starts with a letter or '_'"
                        + " and continues with letters, digits and '_'.");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                    throw new InvalidInputException(what + " contains " + describeChar(c) + " at position " + (i + 1)
                            + "; a name consists of letters A-Z and a-z, digits and '_', and does not start with a digit.");
                }
            }
        }
        if (isReserved(name)) {
            throw new InvalidInputException(what + " is " + name + ", which is reserved: the shell, the system or"
                    + " Jenkins itself uses it. Choose another name.");
        }
        return name;
    }

    private static String describe(Variable v) {
        return v.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (default " + v.defaultName + ")";
    }

    private static String describeChar(char c) {
        if (c == ' ') {
            return "a space";
        }
        if (c > 0x20 && c < 0x7F) {
            return "'" + c + "'";
        }
        return String.format(Locale.ROOT, "the character U+%04X", (int) c);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnvironmentNames && ((EnvironmentNames) o).names.equals(names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    /** The names; no values. */
    @Override
    public String toString() {
        return "EnvironmentNames" + names;
    }
}
