package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

/** Stand-in of the credentials plugin's {@code Credentials} (signatures only). */
public interface Credentials extends Describable<Credentials>, ExtensionPoint, Serializable {
    CredentialsScope getScope();

    @Override
    CredentialsDescriptor getDescriptor();
}
