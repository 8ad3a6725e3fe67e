package io.jenkins.plugins.appstoreconnect.core.keys;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apple's identifier rules, in one place: checks and normalises the identifiers of keys and of the tokens made
 * with them. Messages never echo a value that could be something secret pasted into the wrong field: they give
 * lengths and, for a value of the right length, the offending character; they quote a value only when it cannot
 * be a secret (an origin or host name of the right shape).
 *
 * <ul>
 *   <li><b>Key ID</b>: exactly 10 characters, capital letters and digits ({@code 2X9R4HXF34}); shown
 *       in App Store Connect and in the file name {@code AuthKey_2X9R4HXF34.p8}. Lower-case letters
 *       are accepted and upper-cased, since Apple's key IDs are upper-case and the JWT {@code kid}
 *       must match exactly.</li>
 *   <li><b>Issuer ID</b>: a UUID ({@code 69a6de70-03db-47e3-e053-5b8c7c11a4d1}), normalised to
 *       lower-case 8-4-4-4-12 form; 32 hex digits without hyphens are accepted too. Individual keys
 *       have no issuer ID.</li>
 *   <li><b>Team ID</b>: 10 characters, capital letters and digits ({@code DEF123GHIJ}), shown under
 *       Membership details in the Apple Developer account. Lower case is upper-cased.</li>
 *   <li><b>Key ID</b> of a developer key (Certificates, Identifiers &amp; Profiles &gt; Keys): the same
 *       rules as an App Store Connect key ID, with the portal's help ({@link #requireDeveloperKeyId}).</li>
 *   <li><b>Reverse-DNS identifiers</b> (Services ID, bundle ID, Maps ID): labels of letters, digits and
 *       hyphens separated by dots, at least two labels.</li>
 *   <li><b>Web origins</b> ({@code https://example.com}): scheme and host, optional port, nothing after.</li>
 * </ul>
 */
public final class AppleIds {

    /** Length of every App Store Connect key ID. */
    public static final int KEY_ID_LENGTH = 10;

    private static final String KEY_ID_HELP = "It is the 10-character ID (capital letters and digits, e.g. 2X9R4HXF34)"
            + " shown next to the key in App Store Connect (Users and Access > Integrations > App Store Connect API)"
            + " and in its file name AuthKey_<KEY ID>.p8.";
    private static final String ISSUER_HELP = "It is the UUID shown as Issuer ID above the list of team keys in App Store"
            + " Connect (Users and Access > Integrations > App Store Connect API), e.g."
            + " 69a6de70-03db-47e3-e053-5b8c7c11a4d1.";

    private static final Pattern KEY_ID = Pattern.compile("[A-Z0-9]{10}");
    private static final Pattern UUID_HYPHENATED =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern UUID_COMPACT = Pattern.compile("[0-9a-fA-F]{32}");
    /**
     * {@code AuthKey_<ID>.p8}, also as browsers and Finder save duplicates:
     * {@code AuthKey_<ID> (1).p8}, {@code AuthKey_<ID>-1.p8}, {@code AuthKey_<ID> 2.p8}, {@code AuthKey_<ID> copy.p8}.
     */
    private static final Pattern AUTH_KEY_FILE = Pattern.compile(
            "AuthKey_([A-Za-z0-9]{10})(?: ?\\(\\d{1,4}\\)| \\d{1,4}|-\\d{1,4}| copy(?: \\d{1,4})?)?\\.p8",
            Pattern.CASE_INSENSITIVE);

    private AppleIds() {}

    /**
     * The key ID, trimmed and upper-cased.
     *
     * @throws InvalidInputException if it is empty, not 10 characters long, or has a character other than A-Z, 0-9
     */
    public static String requireKeyId(String keyId) {
        return keyId(keyId, "empty", "App Store Connect key IDs", KEY_ID_HELP);
    }

    /** The rules of every Apple key ID, with the words and help of the kind of key the field is for. */
    private static String keyId(String keyId, String emptyWord, String whose, String help) {
        String id = keyId == null ? "" : keyId.strip();
        if (id.isEmpty()) {
            throw new InvalidInputException("The key ID is " + emptyWord + ". " + help);
        }
        Optional<String> fromFileName = keyIdFromFileName(id);
        if (fromFileName.isPresent()) {
            throw new InvalidInputException("The key ID field holds a file name; the key ID is the 10 characters after"
                    + " AuthKey_, here " + fromFileName.get() + ".");
        }
        if (id.length() != KEY_ID_LENGTH) {
            throw new InvalidInputException("The key ID has " + id.length() + " characters; " + whose
                    + " have exactly " + KEY_ID_LENGTH + ". " + help);
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!isAlnum(c)) {
                throw new InvalidInputException("The key ID contains " + describeCharacter(c) + " at position " + (i + 1)
                        + "; key IDs consist of capital letters A-Z and digits 0-9 only. " + help);
            }
        }
        return id.toUpperCase(Locale.ROOT); // ASCII only by now
    }

    /**
     * The issuer ID of a team key, trimmed and in lower-case 8-4-4-4-12 form.
     *
     * @throws InvalidInputException if it is empty or not a UUID
     */
    public static String requireIssuerId(String issuerId) {
        String id = issuerId == null ? "" : issuerId.strip();
        if (id.isEmpty()) {
            throw new InvalidInputException("The issuer ID is empty; team keys need one. " + ISSUER_HELP
                    + " Individual keys have no issuer ID.");
        }
        if (UUID_HYPHENATED.matcher(id).matches()) {
            return id.toLowerCase(Locale.ROOT);
        }
        if (UUID_COMPACT.matcher(id).matches()) {
            String h = id.toLowerCase(Locale.ROOT);
            return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                    + "-" + h.substring(20);
        }
        if (KEY_ID.matcher(id).matches()) {
            throw new InvalidInputException("The issuer ID looks like a key ID (10 characters); the issuer ID is a"
                    + " UUID. " + ISSUER_HELP);
        }
        throw new InvalidInputException("The issuer ID is not a UUID: the value given has " + id.length()
                + " characters, an issuer ID is 36 (32 hex digits in groups of 8-4-4-4-12). " + ISSUER_HELP);
    }

    /** Same as {@link #requireIssuerId(String)}. */
    public static String normalizeIssuerId(String issuerId) {
        return requireIssuerId(issuerId);
    }

    /**
     * The issuer ID as {@link #requireIssuerId(String)} normalises it, or empty when the value is null or
     * blank, which means an individual key.
     *
     * @throws InvalidInputException if it is not blank and not a UUID
     */
    public static Optional<String> optionalIssuerId(String issuerId) {
        if (issuerId == null || issuerId.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(requireIssuerId(issuerId));
    }

    /**
     * The key ID in an App Store Connect key file name, upper-cased: {@code AuthKey_2X9R4HXF34.p8} gives
     * {@code 2X9R4HXF34}. The name may carry a POSIX or Windows directory path and the suffix browsers
     * and Finder add to duplicates ({@code " (1)"}, {@code "-1"}, {@code " 2"}, {@code " copy"}). Anything
     * else, including null, gives empty.
     */
    public static Optional<String> keyIdFromFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String name = fileName.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        Matcher m = AUTH_KEY_FILE.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1).toUpperCase(Locale.ROOT));
    }

    /**
     * A character as a message names it: {@code a space}, {@code 'x'} for other printable ASCII, else
     * {@code the character U+00A0}. For messages that point at the first bad character of an identifier.
     */
    public static String describeCharacter(char c) {
        if (c == ' ') {
            return "a space";
        }
        if (c > 0x20 && c < 0x7F) {
            return "'" + c + "'";
        }
        return String.format(Locale.ROOT, "the character U+%04X", (int) c);
    }

    // ---- identifiers of team keys and the tokens made with them ----


    /** Length of a Team ID. */
    public static final int TEAM_ID_LENGTH = 10;

    private static final String TEAM_HELP = "It is the 10-character Team ID (capital letters and digits, e.g."
            + " DEF123GHIJ) shown under Membership details in your Apple Developer account.";
    private static final String KEY_HELP = "It is the 10-character Key ID (capital letters and digits, e.g. ABC123DEFG)"
            + " shown for the key under Certificates, Identifiers & Profiles > Keys, and in its file name"
            + " AuthKey_<KEY ID>.p8.";

    /**
     * The Team ID, trimmed and upper-cased.
     *
     * @throws InvalidInputException if it is missing, not 10 characters, or not A-Z/0-9 only
     */
    public static String requireTeamId(String teamId) {
        String id = teamId == null ? "" : teamId.strip();
        if (id.isEmpty()) {
            throw new InvalidInputException("The Team ID is missing. " + TEAM_HELP);
        }
        if (id.length() == 36 && id.chars().filter(c -> c == '-').count() == 4) {
            throw new InvalidInputException("The Team ID looks like an App Store Connect issuer ID (a UUID); the Team ID"
                    + " is 10 characters. " + TEAM_HELP);
        }
        if (id.length() != TEAM_ID_LENGTH) {
            throw new InvalidInputException("The Team ID has " + id.length() + " characters; Team IDs have exactly "
                    + TEAM_ID_LENGTH + ". " + TEAM_HELP);
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!isAlnum(c)) {
                throw new InvalidInputException("The Team ID contains " + describeCharacter(c) + " at position " + (i + 1)
                        + "; Team IDs consist of capital letters A-Z and digits 0-9 only. " + TEAM_HELP);
            }
        }
        return id.toUpperCase(Locale.ROOT);
    }

    /**
     * The Key ID of a developer key (MapKit JS, WeatherKit, MusicKit, APNs, Sign in with Apple, In-App
     * Purchase), trimmed and upper-cased.
     *
     * @throws InvalidInputException if it is missing, not 10 characters, or not A-Z/0-9 only
     */
    public static String requireDeveloperKeyId(String keyId) {
        return keyId(keyId, "missing", "Apple key IDs", KEY_HELP);
    }

    /**
     * A reverse-DNS identifier such as a Services ID ({@code com.example.weatherkit-client}) or a bundle ID
     * ({@code com.example.MyApp}), trimmed; case is kept (bundle IDs are case-sensitive at Apple).
     *
     * @param what    the field's name for messages, e.g. "service ID"
     * @param example an example value for messages
     * @throws InvalidInputException naming the problem
     */
    public static String requireReverseDns(String value, String what, String example) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new InvalidInputException("The " + what + " is missing; it is a reverse-DNS identifier such as "
                    + example + ".");
        }
        if (v.length() > 255) {
            throw new InvalidInputException("The " + what + " has " + v.length() + " characters; identifiers have at most 255.");
        }
        if (v.contains("://")) {
            throw new InvalidInputException("The " + what + " is a URL; give the reverse-DNS identifier itself, such as "
                    + example + ".");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(isAlnum(c) || (c >= 'a' && c <= 'z') || c == '-' || c == '.')) {
                throw new InvalidInputException("The " + what + " contains " + describeCharacter(c) + " at position " + (i + 1)
                        + "; use letters, digits, hyphens and dots only, as in " + example + ".");
            }
        }
        if (v.indexOf('.') < 0) {
            throw new InvalidInputException("The " + what + " has no dot; it is a reverse-DNS identifier such as "
                    + example + ".");
        }
        if (v.startsWith(".") || v.endsWith(".") || v.contains("..")) {
            throw new InvalidInputException("The " + what + " has an empty part between dots; it is a reverse-DNS"
                    + " identifier such as " + example + ".");
        }
        return v;
    }

    /**
     * A web origin as browsers send it in the {@code Origin} header: {@code https://example.com}, with an
     * optional port and, for MapKit JS, an optional {@code *.} wildcard host prefix. Lower-cased; a trailing
     * slash is dropped.
     *
     * @throws InvalidInputException if it has no http(s) scheme or host, or has a path, query or fragment
     */
    public static String requireOrigin(String origin) {
        String o = origin == null ? "" : origin.strip();
        if (o.isEmpty()) {
            throw new InvalidInputException("An origin is empty; an origin looks like https://example.com.");
        }
        if (o.endsWith("/")) {
            o = o.substring(0, o.length() - 1);
        }
        int schemeEnd = o.indexOf("://");
        if (schemeEnd < 0) {
            throw new InvalidInputException("The origin " + quoteShort(o) + " has no scheme; write it as a browser sends it,"
                    + " e.g. https://" + (o.length() <= 60 ? o : "example.com") + ".");
        }
        String scheme = o.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidInputException("The origin " + quoteShort(o) + " must start with https:// (or http://).");
        }
        String rest = o.substring(schemeEnd + 3);
        if (rest.indexOf('/') >= 0 || rest.indexOf('?') >= 0 || rest.indexOf('#') >= 0) {
            throw new InvalidInputException("The origin " + quoteShort(o) + " has a path; an origin is scheme and host only,"
                    + " e.g. https://example.com.");
        }
        String hostPort = rest;
        String host = hostPort;
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0) {
            host = hostPort.substring(0, colon);
            String port = hostPort.substring(colon + 1);
            if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(port) > 65535 || Integer.parseInt(port) == 0) {
                throw new InvalidInputException("The origin " + quoteShort(o) + " has an invalid port.");
            }
        }
        requireHost(host, "origin " + quoteShort(o), true);
        try {
            new URI(scheme + "://" + hostPort.replace("*.", "wildcard."));
        } catch (URISyntaxException e) {
            throw new InvalidInputException("The origin " + quoteShort(o) + " is not a valid URL.");
        }
        return scheme + "://" + hostPort.toLowerCase(Locale.ROOT);
    }

    /**
     * A host name such as {@code maps.example.com}; with {@code wildcard}, also {@code *.example.com}.
     * Lower-cased.
     *
     * @param what the field for messages
     */
    public static String requireHost(String host, String what, boolean wildcard) {
        String h = host == null ? "" : host.strip();
        if (h.isEmpty()) {
            throw new InvalidInputException("The " + what + " has no host name.");
        }
        if (h.contains("://") || h.indexOf('/') >= 0) {
            throw new InvalidInputException("The " + what + " is a URL; give the host name only, e.g. example.com.");
        }
        String bare = h;
        if (bare.startsWith("*.")) {
            if (!wildcard) {
                throw new InvalidInputException("The " + what + " has a wildcard, which is not allowed here.");
            }
            bare = bare.substring(2);
        }
        if (bare.length() > 253) {
            throw new InvalidInputException("The " + what + " is longer than a host name can be (253 characters).");
        }
        String[] labels = bare.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63) {
                throw new InvalidInputException("The " + what + " is not a host name: it has an empty or too long part"
                        + " between dots.");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(isAlnum(c) || (c >= 'a' && c <= 'z') || c == '-')) {
                    throw new InvalidInputException("The " + what + " contains " + describeCharacter(c)
                            + "; host names have letters, digits, hyphens and dots only.");
                }
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                throw new InvalidInputException("The " + what + " has a part that starts or ends with a hyphen.");
            }
        }
        return h.toLowerCase(Locale.ROOT);
    }

    private static boolean isAlnum(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** Quotes a short printable value (origins and host names are public); long ones by length only. */
    public static String quoteShort(String s) {
        if (s.length() > 80) {
            return "(" + s.length() + " characters)";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return "(" + s.length() + " characters)";
            }
        }
        return "'" + s + "'";
    }
}
