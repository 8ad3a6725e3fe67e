package hudson.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.access.AccessDeniedException;

/** Stand-in of jenkins-core's {@code AccessControlled} (signatures only; checking needs a running Jenkins). */
public interface AccessControlled {
    default void checkPermission(Permission permission) throws AccessDeniedException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    default boolean hasPermission(Permission permission) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    @Deprecated
    default boolean hasPermission(Authentication a, Permission permission) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    default void checkAnyPermission(Permission... permission) throws AccessDeniedException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    default boolean hasAnyPermission(Permission... permission) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }
}
