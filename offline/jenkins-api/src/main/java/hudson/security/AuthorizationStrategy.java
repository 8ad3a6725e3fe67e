package hudson.security;

/** Stand-in of jenkins-core's {@code AuthorizationStrategy} (type only). */
public abstract class AuthorizationStrategy {
    public AuthorizationStrategy() {}
}
