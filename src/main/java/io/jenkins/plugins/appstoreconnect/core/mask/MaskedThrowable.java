package io.jenkins.plugins.appstoreconnect.core.mask;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;

/**
 * A failure whose text showed a secret, rebuilt with every secret masked: the message of it, of its causes and of
 * its suppressed failures, with the original stack traces. A build's final error is printed after the block's
 * console filter is gone, so a token in an exception message would otherwise reach the log in clear.
 *
 * <p>The rebuilt failures are of this class (the original types may carry the secret in other fields, and are
 * not copied); a failure whose whole printed form shows no secret is kept as it is.
 */
public final class MaskedThrowable extends Exception {
    private static final long serialVersionUID = 1L;

    private MaskedThrowable(String message) {
        super(message);
    }

    /**
     * {@code failure} itself when its printed form (stack trace, causes, suppressed) shows none of
     * {@code masker}'s secrets; otherwise a {@link MaskedThrowable} chain with the messages masked.
     */
    public static Throwable of(Throwable failure, SecretMasker masker) {
        Objects.requireNonNull(failure, "failure");
        return of(failure, masker, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Throwable of(Throwable failure, SecretMasker masker, Set<Throwable> seen) {
        if (!seen.add(failure)) {
            return new MaskedThrowable("(a failure already shown above)");
        }
        String printed = printed(failure);
        if (masker.mask(printed).equals(printed)) {
            return failure;
        }
        String message = failure.getMessage();
        MaskedThrowable masked = new MaskedThrowable(
                failure.getClass().getName() + (message == null ? "" : ": " + masker.mask(message)));
        masked.setStackTrace(failure.getStackTrace());
        if (failure.getCause() != null) {
            masked.initCause(of(failure.getCause(), masker, seen));
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            masked.addSuppressed(of(suppressed, masker, seen));
        }
        return masked;
    }

    private static String printed(Throwable failure) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            failure.printStackTrace(out);
        }
        return text.toString();
    }

    /** The masked message only. */
    @Override
    public String toString() {
        String message = getMessage();
        return message == null ? MaskedThrowable.class.getName() : message;
    }
}
