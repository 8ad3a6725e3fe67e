package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** Stand-in of the credentials plugin's {@code IdCredentials} (signatures only). */
public interface IdCredentials extends Credentials {
    String getId();
}
