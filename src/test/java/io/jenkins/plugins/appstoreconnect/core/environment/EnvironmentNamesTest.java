package io.jenkins.plugins.appstoreconnect.core.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.environment.EnvironmentNames.Variable;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentNamesTest {

    private static InvalidInputException rejected(Variable v, String name) {
        Map<Variable, String> m = new EnumMap<>(Variable.class);
        m.put(v, name);
        return assertThrows(InvalidInputException.class, () -> EnvironmentNames.withOverrides(m));
    }

    @Test
    void defaults() {
        EnvironmentNames n = EnvironmentNames.defaults();
        assertEquals("APP_STORE_CONNECT_JWT", n.name(Variable.JWT));
        assertEquals("APP_STORE_CONNECT_API_KEY_KEY_ID", n.name(Variable.KEY_ID));
        assertEquals("APP_STORE_CONNECT_API_KEY_ISSUER_ID", n.name(Variable.ISSUER_ID));
        assertEquals("APP_STORE_CONNECT_API_KEY_KEY_FILEPATH", n.name(Variable.KEY_FILEPATH));
        assertEquals("APP_STORE_CONNECT_API_KEY_PATH", n.name(Variable.API_KEY_PATH));
        assertEquals("APP_STORE_CONNECT_API_KEY_IN_HOUSE", n.name(Variable.IN_HOUSE));
        assertEquals("APP_STORE_CONNECT_API_KEY_DURATION", n.name(Variable.DURATION));
        assertEquals("API_PRIVATE_KEYS_DIR", n.name(Variable.PRIVATE_KEYS_DIR));
        assertEquals(List.of(Variable.values()), List.copyOf(n.asMap().keySet()));
        for (Variable v : Variable.values()) {
            assertFalse(EnvironmentNames.isReserved(v.defaultName()), v.name());
        }
    }

    @Test
    void overridesNullKeepsDefaultBlankSwitchesOff() {
        Map<Variable, String> m = new HashMap<>();
        m.put(Variable.JWT, "  ASC_TOKEN ");
        m.put(Variable.KEY_ID, null);
        m.put(Variable.DURATION, "");
        m.put(Variable.IN_HOUSE, "   ");
        EnvironmentNames n = EnvironmentNames.withOverrides(m);
        assertEquals("ASC_TOKEN", n.name(Variable.JWT));
        assertEquals("APP_STORE_CONNECT_API_KEY_KEY_ID", n.name(Variable.KEY_ID));
        assertNull(n.name(Variable.DURATION));
        assertFalse(n.isEnabled(Variable.IN_HOUSE));
        assertTrue(n.isEnabled(Variable.JWT));
        assertEquals(6, n.asMap().size());
        assertSame(EnvironmentNames.defaults(), EnvironmentNames.withOverrides(Map.of()));
        assertEquals(EnvironmentNames.defaults(), EnvironmentNames.withOverrides(new HashMap<>(Map.of(Variable.JWT, "APP_STORE_CONNECT_JWT"))));
        assertTrue(n.toString().contains("ASC_TOKEN"), "toString lists names");
    }

    @Test
    void malformedNames() {
        assertEquals("The environment variable name for jwt (default APP_STORE_CONNECT_JWT) starts with a digit; a name"
                + " starts with a letter or '_' and continues with letters, digits and '_'.",
                rejected(Variable.JWT, "1TOKEN").getMessage());
        assertEquals("The environment variable name for key filepath (default APP_STORE_CONNECT_API_KEY_KEY_FILEPATH)"
                + " contains '-' at position 3; a name consists of letters A-Z and a-z, digits and '_', and does not"
                + " start with a digit.", rejected(Variable.KEY_FILEPATH, "MY-KEY").getMessage());
        assertTrue(rejected(Variable.JWT, "A B").getMessage().contains("contains a space at position 2"), "space");
        assertTrue(rejected(Variable.JWT, "ÄB").getMessage().contains("the character U+00C4 at position 1"), "non-ASCII");
        assertTrue(rejected(Variable.JWT, "A".repeat(101)).getMessage().contains("has 101 characters; at most 100"), "long");
        EnvironmentNames.withOverrides(Map.of(Variable.JWT, "_" + "A".repeat(99)));
    }

    @Test
    void reservedNames() {
        for (String name : List.of("PATH", "path", "Home", "WORKSPACE", "WORKSPACE_TMP", "TMPDIR", "LD_PRELOAD",
                "DYLD_INSERT_LIBRARIES", "JENKINS_URL", "jenkins_anything", "BUILD_NUMBER", "DEVELOPER_DIR")) {
            assertTrue(EnvironmentNames.isReserved(name), "reserved");
            assertTrue(rejected(Variable.KEY_ID, name).getMessage().endsWith(", which is reserved: the shell, the system"
                    + " or Jenkins itself uses it. Choose another name."), "message");
        }
        assertFalse(EnvironmentNames.isReserved("PATHS"));
        assertFalse(EnvironmentNames.isReserved(null));
    }

    @Test
    void namesMustBeDistinctIgnoringCase() {
        Map<Variable, String> m = new EnumMap<>(Variable.class);
        m.put(Variable.JWT, "asc_key");
        m.put(Variable.KEY_ID, "ASC_KEY");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> EnvironmentNames.withOverrides(m));
        assertEquals("The environment variable names for jwt (default APP_STORE_CONNECT_JWT) and key id (default"
                + " APP_STORE_CONNECT_API_KEY_KEY_ID) are the same (ASC_KEY, ignoring case); each variable needs its own"
                + " name.", e.getMessage());
        Map<Variable, String> clash = Map.of(Variable.PRIVATE_KEYS_DIR, "APP_STORE_CONNECT_JWT");
        assertThrows(InvalidInputException.class, () -> EnvironmentNames.withOverrides(clash));
        // two switched-off variables do not clash
        EnvironmentNames.withOverrides(Map.of(Variable.JWT, "", Variable.KEY_ID, ""));
    }

    @Test
    void aPastedKeyIsNotEchoed() {
        String pem = BuildTestKeys.key().pkcs8Pem();
        String body = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "").replace("\n", "");
        for (String value : List.of(pem, body, body.substring(0, 64) + "+/", "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln")) {
            String message = rejected(Variable.JWT, value).getMessage();
            assertFalse(message.contains(value.strip()), "message must not echo the value");
            assertFalse(message.contains(body.substring(0, 20)), "message must not contain key material");
        }
    }
}
