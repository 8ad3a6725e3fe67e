package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.ModelObject;
import hudson.model.Saveable;
import hudson.security.AccessControlled;
import java.io.IOException;
import java.util.List;

/**
 * Stand-in of the credentials plugin's {@code CredentialsStore} (only the members our tests use; no behaviour:
 * stores exist only in a running Jenkins).
 */
public abstract class CredentialsStore implements AccessControlled, Saveable {
    public CredentialsStore() {}

    public CredentialsStore(Class<? extends CredentialsProvider> providerClass) {}

    public abstract ModelObject getContext();

    public abstract List<Credentials> getCredentials(Domain domain);

    public List<Domain> getDomains() {
        throw new UnsupportedOperationException("stand-in: stores exist only in a running Jenkins");
    }

    public abstract boolean addCredentials(Domain domain, Credentials credentials) throws IOException;
}
