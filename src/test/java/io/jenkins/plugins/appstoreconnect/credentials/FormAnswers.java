package io.jenkins.plugins.appstoreconnect.credentials;

import static org.junit.jupiter.api.Assertions.assertFalse;

import hudson.util.FormValidation;

/**
 * What a user reads of a form check's answer. Our answers are plain text: Jenkins escapes them for HTML
 * ({@code FormValidation.error(String)} and its kin), so the page shows exactly our text. This turns the HTML back
 * into that text and fails when the HTML holds markup other than the line breaks the escaping makes.
 */
final class FormAnswers {
    private FormAnswers() {}

    static String shown(FormValidation v) {
        if (v.getMessage() == null) {
            return "";
        }
        String html = v.renderHtml();
        assertFalse(html.replace("<br>", "").contains("<"), "markup in a form answer: " + html);
        return html.replace("<br>", "\n")
                .replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#039;", "'")
                .replace("&amp;", "&");
    }

    /** A credential a test needs as valid: its constructor must accept it (a refusal fails the test). */
    static <T> T valid(org.junit.jupiter.api.function.ThrowingSupplier<T> constructor) {
        try {
            return constructor.get();
        } catch (Throwable t) {
            throw new AssertionError("a valid credential was refused", t);
        }
    }
}
