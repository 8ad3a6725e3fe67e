package com.cloudbees.plugins.credentials;

import hudson.model.Saveable;
import java.io.IOException;
import java.util.List;

/** Stand-in of the credentials plugin's {@code SystemCredentialsProvider} (signatures only). */
public class SystemCredentialsProvider implements Saveable {
    private SystemCredentialsProvider() {}

    public static hudson.XmlFile getConfigFile() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public static SystemCredentialsProvider getInstance() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public List<Credentials> getCredentials() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    @Override
    public void save() throws IOException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }
}
