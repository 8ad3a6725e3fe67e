package hudson.model;

import hudson.security.AccessControlled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Stand-in of jenkins-core's {@code User} (only the members this plugin's tests use; no behaviour). */
public class User implements AccessControlled {
    /** The real one reads and writes this kind of configuration; {@code null} here (needs Jenkins). */
    public static final hudson.util.XStream2 XSTREAM = null;

    private User() {}

    public static User getById(String id, boolean create) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public Authentication impersonate2() throws UsernameNotFoundException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }
}
