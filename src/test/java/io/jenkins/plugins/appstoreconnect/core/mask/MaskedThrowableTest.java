package io.jenkins.plugins.appstoreconnect.core.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MaskedThrowableTest {

    private static final String PREFIX = "eyJhbGciOiJFUzI1NiJ9.";
    private static final String TOKEN = PREFIX + "eyJpc3MiOiJ4In0.c2lnbmF0dXJl";

    private static SecretMasker masker() {
        SecretMasker m = new SecretMasker();
        m.add("key-form-xyz");
        m.addTokenPrefix(PREFIX);
        return m;
    }

    private static String printed(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    @Test
    void aTokenInAMessageCauseOrSuppressedFailureIsMasked() {
        IOException cause = new IOException("HTTP 401 for Bearer " + TOKEN + " at host");
        IllegalStateException top = new IllegalStateException("request failed", cause);
        top.addSuppressed(new RuntimeException("also key-form-xyz here"));

        Throwable masked = MaskedThrowable.of(top, masker());

        String text = printed(masked);
        assertFalse(text.contains(TOKEN.substring(PREFIX.length())), text);
        assertFalse(text.contains("key-form-xyz"), text);
        assertTrue(text.contains("java.lang.IllegalStateException: request failed"), text);
        assertTrue(text.contains("java.io.IOException: HTTP 401 for Bearer **** at host"), text);
        assertArrayEquals(top.getStackTrace(), masked.getStackTrace());
        assertInstanceOf(MaskedThrowable.class, masked.getCause());
        assertEquals(1, masked.getSuppressed().length);
    }

    @Test
    void aFailureShowingNoSecretIsKept() {
        IOException clean = new IOException("no such file", new RuntimeException("nothing secret"));
        assertSame(clean, MaskedThrowable.of(clean, masker()));
    }

    @Test
    void onlyTheBranchThatShowsASecretIsRebuilt() {
        RuntimeException clean = new RuntimeException("plain");
        IOException top = new IOException("token " + TOKEN);
        top.addSuppressed(clean);
        Throwable masked = MaskedThrowable.of(top, masker());
        assertSame(clean, masked.getSuppressed()[0]);
    }

    @Test
    void aCycleEnds() {
        RuntimeException a = new RuntimeException("a " + TOKEN);
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);
        Throwable masked = MaskedThrowable.of(a, masker());
        assertFalse(printed(masked).contains(TOKEN), printed(masked));
    }
}
