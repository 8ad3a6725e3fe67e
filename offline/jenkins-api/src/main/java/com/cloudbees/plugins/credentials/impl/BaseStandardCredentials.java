package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.BaseCredentials;
import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;

/**
 * Stand-in of the credentials plugin's {@code BaseStandardCredentials}. Data holding as the real one: id and
 * description; a null or empty id becomes a random UUID, and two credentials with an id are equal when the ids are.
 */
public abstract class BaseStandardCredentials extends BaseCredentials implements StandardCredentials {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String description;

    public BaseStandardCredentials(String id, String description) {
        this(null, id, description);
    }

    public BaseStandardCredentials(CredentialsScope scope, String id, String description) {
        super(scope);
        this.id = id == null || id.isEmpty() ? java.util.UUID.randomUUID().toString() : id;
        this.description = description;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public final boolean equals(Object o) {
        return this == o || o instanceof IdCredentials && id.equals(((IdCredentials) o).getId());
    }

    @Override
    public final int hashCode() {
        return id.hashCode();
    }

    /** Stand-in of the nested descriptor (signatures only). */
    protected abstract static class BaseStandardCredentialsDescriptor extends CredentialsDescriptor {
        protected BaseStandardCredentialsDescriptor() {}

        protected BaseStandardCredentialsDescriptor(Class<? extends BaseStandardCredentials> clazz) {
            super(clazz);
        }
    }
}
