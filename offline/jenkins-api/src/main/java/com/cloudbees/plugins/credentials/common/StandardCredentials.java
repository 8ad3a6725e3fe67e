package com.cloudbees.plugins.credentials.common;

/** Stand-in of the credentials plugin's {@code StandardCredentials} (signatures only). */
public interface StandardCredentials extends IdCredentials {
    String getDescription();
}
