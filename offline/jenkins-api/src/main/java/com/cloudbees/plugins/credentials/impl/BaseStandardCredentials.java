package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.BaseCredentials;
import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;

/**
 * Stand-in of the credentials plugin's {@code BaseStandardCredentials}. Trivial data holding: id and
 * description (the real class generates a random id when none is given; here a null id stays null).
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
        this.id = id;
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
        return o instanceof BaseStandardCredentials && java.util.Objects.equals(id, ((BaseStandardCredentials) o).id);
    }

    @Override
    public final int hashCode() {
        return java.util.Objects.hashCode(id);
    }

    /** Stand-in of the nested descriptor (signatures only). */
    protected abstract static class BaseStandardCredentialsDescriptor extends CredentialsDescriptor {
        protected BaseStandardCredentialsDescriptor() {}

        protected BaseStandardCredentialsDescriptor(Class<? extends BaseStandardCredentials> clazz) {
            super(clazz);
        }
    }
}
