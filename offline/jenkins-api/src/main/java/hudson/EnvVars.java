package hudson;

import java.io.File;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stand-in of jenkins-core's {@code EnvVars}, behaving as the real one for the members declared here: names compare
 * ignoring case, a null value is refused, and {@link #override} removes a name whose value is empty and prepends to
 * {@code NAME} for {@code NAME+XYZ} (with the path separator of this machine, as the real one does without a platform).
 */
public class EnvVars extends TreeMap<String, String> {
    private static final long serialVersionUID = 1L;

    public EnvVars() {
        super(String.CASE_INSENSITIVE_ORDER);
    }

    public EnvVars(Map<String, String> m) {
        this();
        putAll(m);
    }

    public EnvVars(EnvVars m) {
        this((Map<String, String>) m);
    }

    public EnvVars(String... keyValuePairs) {
        this();
        if (keyValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException(java.util.Arrays.asList(keyValuePairs).toString());
        }
        for (int i = 0; i < keyValuePairs.length; i += 2) {
            put(keyValuePairs[i], keyValuePairs[i + 1]);
        }
    }

    public void override(String key, String value) {
        if (value == null || value.isEmpty()) {
            remove(key);
            return;
        }
        int plus = key.indexOf('+');
        if (plus > 0) {
            String name = key.substring(0, plus);
            String old = get(name);
            put(name, old == null ? value : value + File.pathSeparatorChar + old);
            return;
        }
        put(key, value);
    }

    @Override
    public String put(String key, String value) {
        if (value == null) {
            throw new IllegalArgumentException("Null value not allowed as an environment variable: " + key);
        }
        return super.put(key, value);
    }
}
