package com.cloudbees.plugins.credentials;

import hudson.model.ModelObject;
import java.io.Serializable;

/** Stand-in of the credentials plugin's {@code CredentialsScope} (constants and signatures only). */
public enum CredentialsScope implements Serializable {
    SYSTEM {
        @Override
        public String getDisplayName() {
            return "System";
        }

        @Override
        public boolean isVisible(ModelObject object) {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }
    },
    GLOBAL {
        @Override
        public String getDisplayName() {
            return "Global";
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
