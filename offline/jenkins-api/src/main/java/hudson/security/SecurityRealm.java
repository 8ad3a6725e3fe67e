package hudson.security;

/** Stand-in of jenkins-core's {@code SecurityRealm} (type only). */
public abstract class SecurityRealm {
    public SecurityRealm() {}
}
