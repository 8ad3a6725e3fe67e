package org.jvnet.hudson.test;

import org.htmlunit.Page;
import hudson.EnvVars;
import hudson.model.Label;
import java.util.concurrent.Future;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.model.Run;
import hudson.security.AbstractPasswordBasedSecurityRealm;
import java.io.IOException;
import java.net.URL;
import hudson.slaves.DumbSlave;
import jenkins.model.ParameterizedJobMixIn;
import jenkins.model.Jenkins;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlPage;
import org.xml.sax.SAXException;

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

    public <J extends Job<J, R> & ParameterizedJobMixIn.ParameterizedJob<J, R>, R extends Run<J, R> & Queue.Executable> R
            buildAndAssertSuccess(J job) throws Exception {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public <J extends Job<J, R> & ParameterizedJobMixIn.ParameterizedJob<J, R>, R extends Run<J, R> & Queue.Executable> R
            buildAndAssertStatus(Result status, J job) throws Exception {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public FreeStyleBuild buildAndAssertSuccess(FreeStyleProject job) throws Exception {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public <R extends Run<?, ?>> R assertBuildStatus(Result status, R r) throws Exception {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public <R extends Run> R assertBuildStatus(Result status, Future<? extends R> r) throws Exception {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public void assertLogContains(String substring, Run<?, ?> run) throws IOException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public void assertLogNotContains(String substring, Run<?, ?> run) throws IOException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public static String getLog(Run<?, ?> run) throws IOException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public <R extends Run<?, ?>> R waitForMessage(String message, R r) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public <R extends Run<?, ?>> R waitForCompletion(R r) throws InterruptedException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public FreeStyleProject createFreeStyleProject() throws IOException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public FreeStyleProject createFreeStyleProject(String name) throws IOException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public DumbSlave createOnlineSlave() throws Exception {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public DumbSlave createOnlineSlave(Label l) throws Exception {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public DumbSlave createOnlineSlave(Label l, EnvVars env) throws Exception {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    /** Stand-in of the nested realm (type only). */
    public static class DummySecurityRealm extends AbstractPasswordBasedSecurityRealm {
        private DummySecurityRealm() {}
    }

    // ---- web client (credential form, JCasC export and web method tests; HtmlUnit is the real library) ----

    public URL getURL() throws IOException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public WebClient createWebClient() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    /**
     * Stand-in of the harness's web client (only the members our tests use). Like the real one it extends
     * HtmlUnit's real {@code org.htmlunit.WebClient}, so everything HtmlUnit offers is the real API; only the
     * Jenkins-specific members here are stand-ins, and they throw.
     */
    public HtmlPage submit(org.htmlunit.html.HtmlForm form) throws Exception {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public HtmlPage submit(org.htmlunit.html.HtmlForm form, String name) throws Exception {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public void assertEqualDataBoundBeans(Object lhs, Object rhs)
            throws IllegalAccessException, java.lang.reflect.InvocationTargetException, NoSuchMethodException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public void assertEqualDataBoundBeans(java.util.List<?> lhs, java.util.List<?> rhs) throws Exception {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public class WebClient extends org.htmlunit.WebClient {
        private static final long serialVersionUID = 1L;

        public WebClient() {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }

        public HtmlPage getPage(hudson.model.Run<?, ?> r) throws IOException, SAXException {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }

        public HtmlPage getPage(hudson.model.Run<?, ?> r, String relative) throws IOException, SAXException {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }

        public HtmlPage getPage(hudson.model.Item item) throws IOException, SAXException {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }

        public HtmlPage getPage(hudson.model.Item item, String relative) throws IOException, SAXException {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }

        public HtmlPage getPage(hudson.model.Node item) throws IOException, SAXException {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }

        public HtmlPage getPage(hudson.model.Node item, String relative) throws IOException, SAXException {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }

        public HtmlPage getPage(hudson.model.View view) throws IOException, SAXException {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }

        public HtmlPage getPage(hudson.model.View view, String relative) throws IOException, SAXException {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }

        @Deprecated
        @Override
        public Page getPage(String url) throws IOException, org.htmlunit.FailingHttpStatusCodeException {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }

        public HtmlPage goTo(String relative) throws IOException, SAXException {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }

        public Page goTo(String relative, String expectedContentType) throws IOException, SAXException {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }

        public WebClient login(String username, String password) throws Exception {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }

        public WebClient login(String username, String password, boolean rememberMe) throws Exception {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }

        public WebClient login(String username) throws Exception {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }

        public WebRequest addCrumb(WebRequest req) {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }

        public WebClient withThrowExceptionOnFailingStatusCode(boolean throwException) {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }
    }
}
