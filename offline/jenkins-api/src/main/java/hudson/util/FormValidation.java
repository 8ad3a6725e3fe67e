package hudson.util;

import java.io.IOException;

/**
 * Stand-in of jenkins-core's {@code FormValidation}, behaving as the real one outside a web request (as in a unit
 * test): {@link #error(String)}, {@link #warning(String)} and {@link #ok(String)} escape their message for HTML
 * (as {@code hudson.Util.escape}: {@code < > & " '}, a line break becomes {@code <br>}, a run of spaces keeps its
 * width with {@code &nbsp;}), the {@code ...WithMarkup} factories keep it as given, a null message gives
 * {@link #ok()}; {@link #getMessage()} and {@link #renderHtml()} return that HTML (the real one wraps it in a
 * {@code <div class="error">} only while it answers a web request), {@link #ok()} renders {@code <div/>} and has no
 * message, and {@link #toString()} is {@code KIND: html}. The overloads with a {@code Throwable} render its stack trace,
 * which needs Jenkins, and throw here unless the throwable is null.
 */
public abstract class FormValidation extends IOException {
    private static final long serialVersionUID = 1L;

    private static final FormValidation OK = respond(Kind.OK, "<div/>");

    public final Kind kind;

    private FormValidation(Kind kind) {
        this.kind = kind;
    }

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static FormValidation error(String message) {
        return errorWithMarkup(message == null ? null : escape(message));
    }

    public static FormValidation warning(String message) {
        return warningWithMarkup(message == null ? null : escape(message));
    }

    public static FormValidation ok(String message) {
        return okWithMarkup(message == null ? null : escape(message));
    }

    public static FormValidation ok() {
        return OK;
    }

    public static FormValidation error(String format, Object... args) {
        return error(String.format(format, args));
    }

    public static FormValidation warning(String format, Object... args) {
        return warning(String.format(format, args));
    }

    public static FormValidation ok(String format, Object... args) {
        return ok(String.format(format, args));
    }

    public static FormValidation error(Throwable e, String message) {
        return withThrowable(Kind.ERROR, e, message);
    }

    public static FormValidation warning(Throwable e, String message) {
        return withThrowable(Kind.WARNING, e, message);
    }

    public static FormValidation error(Throwable e, String format, Object... args) {
        return error(e, String.format(format, args));
    }

    public static FormValidation warning(Throwable e, String format, Object... args) {
        return warning(e, String.format(format, args));
    }

    public static FormValidation errorWithMarkup(String message) {
        return withMarkup(message, Kind.ERROR);
    }

    public static FormValidation warningWithMarkup(String message) {
        return withMarkup(message, Kind.WARNING);
    }

    public static FormValidation okWithMarkup(String message) {
        return withMarkup(message, Kind.OK);
    }

    public static FormValidation respond(Kind kind, final String html) {
        return new FormValidation(kind) {
            private static final long serialVersionUID = 1L;

            @Override
            public String renderHtml() {
                return html;
            }

            @Override
            public String toString() {
                return kind + ": " + html;
            }
        };
    }

    public abstract String renderHtml();

    /** Stand-in of the nested enum. */
    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    private static FormValidation withThrowable(Kind kind, Throwable e, String message) {
        if (e != null) {
            throw new UnsupportedOperationException("stand-in: rendering a stack trace needs a running Jenkins");
        }
        return withMarkup(escape(message), kind);
    }

    private static FormValidation withMarkup(String message, Kind kind) {
        if (message == null) {
            return ok();
        }
        return new FormValidation(kind, message) {
            private static final long serialVersionUID = 1L;

            @Override
            public String renderHtml() {
                return message;
            }

            @Override
            public String toString() {
                return kind + ": " + message;
            }
        };
    }

    /** What {@code hudson.Util.escape} returns for the same text. */
    private static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder html = new StringBuilder(text.length() + 64);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> html.append("<br>");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#039;");
                case ' ' -> html.append(i + 1 < text.length() && text.charAt(i + 1) == ' ' ? "&nbsp;" : " ");
                default -> html.append(c);
            }
        }
        return html.toString();
    }
}
