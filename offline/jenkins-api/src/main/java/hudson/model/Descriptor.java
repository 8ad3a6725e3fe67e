package hudson.model;

/** Stand-in of jenkins-core's {@code hudson.model.Descriptor} (signatures only; no behaviour). */
public abstract class Descriptor<T extends Describable<T>> {
    protected Descriptor() {}

    protected Descriptor(Class<? extends T> clazz) {}

    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public String getId() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    /** In the real class: the help of {@code fieldName} is that of {@code owner}'s field. Here: does nothing. */
    protected void addHelpFileRedirect(String fieldName, Class<? extends Describable> owner, String fieldNameToRedirectTo) {}

    /** Stand-in of the nested {@code FormException}: the message, the cause and the form field, as the real one. */
    public static final class FormException extends Exception {
        private static final long serialVersionUID = 1L;

        private final String formField;

        public FormException(String message, String formField) {
            super(message);
            this.formField = formField;
        }

        public FormException(String message, Throwable cause, String formField) {
            super(message, cause);
            this.formField = formField;
        }

        public FormException(Throwable cause, String formField) {
            super(cause);
            this.formField = formField;
        }

        public String getFormField() {
            return formField;
        }
    }
}
