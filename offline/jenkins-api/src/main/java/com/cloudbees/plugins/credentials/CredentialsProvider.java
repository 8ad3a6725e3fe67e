package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.security.Permission;

/** Stand-in of the credentials plugin's {@code CredentialsProvider} (only the members this plugin uses). */
public abstract class CredentialsProvider implements ExtensionPoint {
    public static final Permission CREATE = null;
    public static final Permission UPDATE = null;

    private CredentialsProvider() {}
}
