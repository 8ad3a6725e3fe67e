package hudson.model;

import hudson.security.AccessControlled;

/** Stand-in of jenkins-core's {@code Item} (only the supertypes and members this plugin uses). */
public interface Item extends AccessControlled {}
