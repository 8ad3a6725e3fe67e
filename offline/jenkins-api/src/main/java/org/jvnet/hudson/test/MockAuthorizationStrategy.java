package org.jvnet.hudson.test;

import hudson.model.User;
import hudson.model.Item;
import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;

/** Stand-in of jenkins-test-harness's {@code MockAuthorizationStrategy} (signatures only). */
public class MockAuthorizationStrategy extends AuthorizationStrategy {
    public MockAuthorizationStrategy() {}

    public Grant grant(Permission... permissions) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    /** Stand-in of the nested builder (signatures only). */
    public class Grant {
        private Grant() {}

        public GrantOn everywhere() {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }

        public GrantOn onItems(Item... items) {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }

        /** Stand-in of the nested builder (signatures only). */
        public class GrantOn {
            private GrantOn() {}

            public MockAuthorizationStrategy to(String... sids) {
                throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
            }

            public MockAuthorizationStrategy to(User... users) {
                throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
            }
        }
    }
}
