package com.cloudbees.plugins.credentials;

/** Stand-in of the credentials plugin's {@code BaseCredentials}. Trivial data holding: the scope. */
public class BaseCredentials implements Credentials {
    private static final long serialVersionUID = 1L;

    private final CredentialsScope scope;

    protected BaseCredentials() {
        this.scope = null;
    }

    public BaseCredentials(CredentialsScope scope) {
        this.scope = scope;
    }

    @Override
    public CredentialsScope getScope() {
        return scope;
    }

    @Override
    public CredentialsDescriptor getDescriptor() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }
}
