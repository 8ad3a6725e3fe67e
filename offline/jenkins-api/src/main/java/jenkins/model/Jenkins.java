package jenkins.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/** Stand-in of jenkins-core's {@code Jenkins} (only the members this plugin uses; no behaviour). */
public class Jenkins implements AccessControlled {
    public static final Permission ADMINISTER = null;

    private Jenkins() {}

    public static Jenkins get() throws IllegalStateException {
        throw new IllegalStateException("stand-in: there is no running Jenkins in the offline build");
    }
}
