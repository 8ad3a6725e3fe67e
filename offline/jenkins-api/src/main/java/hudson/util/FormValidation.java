package hudson.util;

import java.io.IOException;

/**
 * Stand-in of jenkins-core's {@code FormValidation}. Trivial data holding: the factories keep the kind
 * and the message so that offline tests can read them ({@link #kind}, {@link #getMessage()}); the real
 * class also renders them as HTML for the form, which needs Jenkins and is not done here.
 */
public abstract class FormValidation extends IOException {
    private static final long serialVersionUID = 1L;

    public final Kind kind;

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static FormValidation ok() {
        return new Held(Kind.OK, null);
    }

    public static FormValidation ok(String message) {
        return new Held(Kind.OK, message);
    }

    public static FormValidation warning(String message) {
        return new Held(Kind.WARNING, message);
    }

    public static FormValidation error(String message) {
        return new Held(Kind.ERROR, message);
    }

    public abstract String renderHtml();

    /** Stand-in of the nested enum. */
    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    private static final class Held extends FormValidation {
        private static final long serialVersionUID = 1L;

        Held(Kind kind, String message) {
            super(kind, message);
        }

        @Override
        public String renderHtml() {
            throw new UnsupportedOperationException("stand-in: rendering needs a running Jenkins");
        }
    }
}
