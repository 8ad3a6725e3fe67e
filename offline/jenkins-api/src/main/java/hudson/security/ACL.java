package hudson.security;

import org.springframework.security.core.Authentication;

/** Stand-in of jenkins-core's {@code ACL} (only the members this plugin's tests use; no behaviour). */
public abstract class ACL {
    public static final Authentication SYSTEM2 = null;

    public ACL() {}

    public static ACLContext as2(Authentication auth) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }
}
