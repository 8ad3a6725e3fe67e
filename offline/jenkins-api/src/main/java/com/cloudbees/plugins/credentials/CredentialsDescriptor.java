package com.cloudbees.plugins.credentials;

import hudson.model.Descriptor;

/** Stand-in of the credentials plugin's {@code CredentialsDescriptor} (signatures only). */
public abstract class CredentialsDescriptor extends Descriptor<Credentials> {
    protected CredentialsDescriptor() {}

    protected CredentialsDescriptor(Class<? extends Credentials> clazz) {
        super(clazz);
    }
}
