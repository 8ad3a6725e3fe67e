package org.jenkinsci.plugins.credentialsbinding.impl;

import hudson.AbortException;

/** Stand-in of credentials-binding's {@code CredentialNotFoundException}. */
public class CredentialNotFoundException extends AbortException {
    private static final long serialVersionUID = 1L;

    public CredentialNotFoundException(String message) {
        super(message);
    }
}
