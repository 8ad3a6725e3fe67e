package io.jenkins.plugins.appstoreconnect.core.fuzz;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.environment.EnvironmentNames;
import io.jenkins.plugins.appstoreconnect.core.keys.AppleIds;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fuzz target for the identifier rules: key IDs, issuer IDs and {@code AuthKey_<KEY ID>.p8} file names
 * ({@link AppleIds}), and environment variable names ({@link EnvironmentNames}). Any text: a valid result has the
 * documented shape and is normalised once and for all; a rejection is an {@link InvalidInputException} that does not
 * repeat a long input (it might be a key pasted into the wrong field). Rules: {@link Fuzzing}.
 */
class IdentifiersFuzzTest {

    private static final Pattern KEY_ID = Pattern.compile("[A-Z0-9]{10}");
    private static final Pattern ISSUER = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");

    @FuzzTest(maxDuration = "10s")
    void identifiers(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8);

        String keyId = rejectOrGet(s, () -> AppleIds.requireKeyId(s), false);
        if (keyId != null) {
            require(KEY_ID.matcher(keyId).matches(), "key ID shape: " + keyId);
            require(keyId.equals(s.strip().toUpperCase(Locale.ROOT)), "key ID is more than trimmed and upper-cased");
            require(keyId.equals(AppleIds.requireKeyId(keyId)), "key ID not stable");
        }

        String issuer = rejectOrGet(s, () -> AppleIds.requireIssuerId(s), false);
        if (issuer != null) {
            require(ISSUER.matcher(issuer).matches(), "issuer ID shape: " + issuer);
            require(issuer.equals(AppleIds.requireIssuerId(issuer)), "issuer ID not stable");
        }
        Optional<String> optional = rejectOrGet(s, () -> AppleIds.optionalIssuerId(s), false);
        if (optional != null) {
            require(optional.isEmpty() == s.isBlank(), "optional issuer ID: empty exactly for blank input");
            optional.ifPresent(id -> require(id.equals(issuer), "optional and required issuer IDs differ"));
        }

        Optional<String> fromName = AppleIds.keyIdFromFileName(s); // never throws
        fromName.ifPresent(id -> {
            require(KEY_ID.matcher(id).matches(), "key ID from a file name: " + id);
            require(s.toUpperCase(Locale.ROOT).contains("AUTHKEY_" + id), "key ID not from the name");
            require(AppleIds.keyIdFromFileName("AuthKey_" + id + ".p8").equals(Optional.of(id)), "file name round trip");
        });

        for (EnvironmentNames.Variable v : EnvironmentNames.Variable.values()) {
            EnvironmentNames names = rejectOrGet(s, () -> EnvironmentNames.withOverrides(Map.of(v, s)), true);
            if (names != null) {
                String name = names.name(v);
                require(s.isBlank() ? name == null : name.equals(s.strip()), "variable name is not the trimmed input");
                require(name == null || VARIABLE.matcher(name).matches() && !EnvironmentNames.isReserved(name),
                        "accepted variable name breaks the rules: " + name);
            }
        }
    }

    private interface Call<T> {
        T get();
    }

    /** The result, or null after checking the rejection: only {@link InvalidInputException}, without the long input in it. */
    private static <T> T rejectOrGet(String input, Call<T> call, boolean identifiersMayBeQuoted) {
        try {
            return call.get();
        } catch (InvalidInputException e) {
            Fuzzing.checkMessage(e);
            String v = input.strip();
            if (v.length() >= 12 && e.getMessage().contains(v)) {
                // only a well-formed variable name of normal length may be repeated ("... is PATH_X, which is reserved")
                require(identifiersMayBeQuoted && VARIABLE.matcher(v).matches(), "the message repeats the input: " + e.getMessage());
            }
            return null;
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
