package hudson.security;

/** Stand-in of jenkins-core's {@code AbstractPasswordBasedSecurityRealm} (type only). */
public abstract class AbstractPasswordBasedSecurityRealm extends SecurityRealm {
    public AbstractPasswordBasedSecurityRealm() {}
}
