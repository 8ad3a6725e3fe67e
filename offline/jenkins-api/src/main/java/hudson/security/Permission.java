package hudson.security;

/** Stand-in of jenkins-core's {@code Permission} (type only; permissions are checked by a running Jenkins). */
public final class Permission {
    private Permission() {}
}
