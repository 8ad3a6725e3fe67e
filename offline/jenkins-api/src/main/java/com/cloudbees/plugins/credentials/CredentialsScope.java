package com.cloudbees.plugins.credentials;

import hudson.model.ModelObject;
import java.io.Serializable;

/** Stand-in of the credentials plugin's {@code CredentialsScope}: the constants and their English display names. */
public enum CredentialsScope implements Serializable {
    SYSTEM {
        @Override
        public String getDisplayName() {
            return "System (Jenkins and nodes only)";
        }

        @Override
        public boolean isVisible(ModelObject object) {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }
    },
    GLOBAL {
        @Override
        public String getDisplayName() {
            return "Global (Jenkins, nodes, items, all child items, etc)";
        }

        @Override
        public boolean isVisible(ModelObject object) {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }
    },
    USER {
        @Override
        public String getDisplayName() {
            return "User";
        }

        @Override
        public boolean isVisible(ModelObject object) {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }
    };

    public abstract String getDisplayName();

    public abstract boolean isVisible(ModelObject object);
}
