package com.cloudbees.plugins.credentials;

/** Stand-in of the credentials plugin's {@code CredentialsNameProvider} (signatures only). */
public abstract class CredentialsNameProvider<C extends Credentials> {
    public CredentialsNameProvider() {}

    public abstract String getName(C credentials);

    public static String name(Credentials credentials) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }
}
