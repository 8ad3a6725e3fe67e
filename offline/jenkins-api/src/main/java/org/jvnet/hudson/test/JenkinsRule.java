package org.jvnet.hudson.test;

import hudson.security.AbstractPasswordBasedSecurityRealm;
import jenkins.model.Jenkins;

/**
 * Stand-in of jenkins-test-harness's {@code JenkinsRule} (only the members our tests use). Tests that use it
 * are tagged {@code needs-jenkins} and run only in the real build; here they are only compiled.
 */
public class JenkinsRule {
    public Jenkins jenkins;

    public JenkinsRule() {}

    public DummySecurityRealm createDummySecurityRealm() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    /** Stand-in of the nested realm (type only). */
    public static class DummySecurityRealm extends AbstractPasswordBasedSecurityRealm {
        private DummySecurityRealm() {}
    }
}
