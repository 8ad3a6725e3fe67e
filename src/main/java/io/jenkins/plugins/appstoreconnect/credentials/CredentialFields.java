package io.jenkins.plugins.appstoreconnect.credentials;

import hudson.model.Descriptor;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;

/**
 * Core's checks of a credential's fields, as the credentials plugin's own types report them: a
 * {@link Descriptor.FormException} naming the field (the form shows the message, JCasC names the field), and for
 * credentials read from XML (REST {@code createCredentials}, a POSTed {@code config.xml}, the CLI's
 * {@code create-credentials-by-xml}) an error naming the credential and the field. Messages come from core and never
 * quote a secret.
 */
final class CredentialFields {
    private CredentialFields() {}

    /** A check of one field's value: core's, throwing {@link InvalidInputException}. */
    @FunctionalInterface
    interface Check<T> {
        T run();
    }

    /** The checked value, or a {@link Descriptor.FormException} for {@code field} with core's message. */
    static <T> T check(String field, Check<T> check) throws Descriptor.FormException {
        try {
            return check.run();
        } catch (InvalidInputException e) {
            throw new Descriptor.FormException(e.getMessage(), field);
        }
    }

    /** A credential built again through its constructor, which reports a malformed field as a form error. */
    @FunctionalInterface
    interface Rebuild<T> {
        T build() throws Descriptor.FormException;
    }

    /**
     * A credential read from XML, built again through its constructor so that it is checked and normalised as a
     * saved form is (stale values, such as an expired Maps token, are kept: only malformed ones are refused).
     *
     * @throws IllegalArgumentException naming the credential, the field and the problem
     */
    static <T> T fromXml(String kind, String id, Rebuild<T> rebuild) {
        try {
            return rebuild.build();
        } catch (Descriptor.FormException e) {
            throw new IllegalArgumentException(kind + " '" + id + "', field " + e.getFormField() + ": " + e.getMessage());
        }
    }
}
