package io.jenkins.plugins.appstoreconnect.core.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Regression test for a hardening finding: the escape normaliser of {@link P256PrivateKeys} used three
 * regular expressions with {@code \\+} that backtrack quadratically on a long run of backslashes (64 K backslashes
 * pasted into the key field took 21 s of CPU on the build machine). It is now one linear pass; this test checks it
 * against the old expressions, kept here as the reference, on random escape soup, and that the worst case finishes.
 */
class KeyEscapesRegressionTest {

    /** The normaliser as it was: the reference for what each escape means. */
    private static String legacy(String t) {
        String u = Pattern.compile("(?:\\\\+r)?\\\\+n|\\\\+r").matcher(t).replaceAll("\n");
        u = Pattern.compile("\\\\+t").matcher(u).replaceAll("\t");
        u = Pattern.compile("\\\\+/").matcher(u).replaceAll("/");
        if (u.indexOf('\\') >= 0) {
            throw new InvalidInputException("bad escape");
        }
        return u.strip();
    }

    private static String current(String t) throws Exception {
        Method m = P256PrivateKeys.class.getDeclaredMethod("unescape", String.class);
        m.setAccessible(true);
        try {
            return (String) m.invoke(null, t);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void sameResultAsTheOldExpressionsOnRandomEscapes() throws Exception {
        long seed = Long.getLong("escapes.seed", System.nanoTime());
        Random r = new Random(seed);
        String[] pieces = {"\\", "\\", "\\", "n", "r", "t", "/", "x", "A", " ", "\n", "\\n", "\\r\\n", "\\\\n", "-----"};
        for (int it = 0; it < 20_000; it++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(12); k >= 0; k--) {
                sb.append(pieces[r.nextInt(pieces.length)]);
            }
            String input = sb.toString();
            String expected;
            try {
                expected = legacy(input);
            } catch (InvalidInputException e) {
                expected = null;
            }
            String actual;
            try {
                actual = current(input);
            } catch (InvalidInputException e) {
                actual = null;
            }
            assertEquals(expected, actual, "seed " + seed + ", iteration " + it + ": " + input.replace("\n", "<LF>"));
        }
    }

    /**
     * A liveness guard, not a speed target: the old code needed 21 s here, the new one about a millisecond. The
     * bound is far above either so that only a return of the quadratic behaviour (or a hang) can trip it.
     */
    @Test
    void longRunsOfBackslashesAreRejectedPromptly() {
        String[] worst = {
            "\\".repeat(P256PrivateKeys.MAX_INPUT_LENGTH),
            "\\".repeat(P256PrivateKeys.MAX_INPUT_LENGTH - 1) + "r",
            "-----BEGIN PRIVATE KEY-----" + "\\r".repeat(20_000) + "\\",
            ("\\".repeat(1000) + "t").repeat(60),
        };
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (String input : worst) {
                InvalidInputException e = assertThrows(InvalidInputException.class, () -> P256PrivateKeys.parse(input));
                assertFalse(e.getMessage().contains("unexpected"), e.getMessage());
            }
        });
    }
}
