package io.jenkins.plugins.appstoreconnect.core;

/**
 * The one exception core throws for bad input: a key, an ID, a token, a scope, a lifetime, a file
 * name or a command-line argument that cannot be used. Its message names what was given and what is
 * needed, in words a Jenkins admin or release engineer can act on, and <strong>never contains key
 * material or a token</strong>: messages are built from fixed text, lengths, kinds and IDs only.
 *
 * <p>Callers (the Jenkins glue, the CLI) show {@link #getMessage()} as it is. Every other exception
 * escaping core is a bug.
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
