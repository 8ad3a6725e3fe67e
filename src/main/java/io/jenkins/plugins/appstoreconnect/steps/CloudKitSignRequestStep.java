package io.jenkins.plugins.appstoreconnect.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitRequestSigner;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitSignInput;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.credentials.CloudKitServerKey;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code def h = cloudKitSignRequest(credentialsId: 'ck-s2s', subpath: '/database/1/…', body: '…')}: signs a CloudKit
 * Web Services request on the controller with a server-to-server key ({@link CloudKitRequestSigner}) and returns the
 * three {@code X-Apple-CloudKit-Request-*} headers as a map. The pipeline never sees the key; the headers are not
 * secret (the signature is good for this date, body and subpath only).
 */
public final class CloudKitSignRequestStep extends Step {

    private final String credentialsId;
    private String subpath;
    private String body;
    private String bodyFile;

    @DataBoundConstructor
    public CloudKitSignRequestStep(@CheckForNull String credentialsId) {
        this.credentialsId = credentialsId;
    }

    @CheckForNull public String getCredentialsId() {
        return credentialsId;
    }

    /** The URL path from {@code /database/} on. */
    @CheckForNull public String getSubpath() {
        return subpath;
    }

    @DataBoundSetter
    public void setSubpath(String subpath) {
        this.subpath = subpath;
    }

    /** The request body as text (signed as UTF-8); empty for GET. */
    @CheckForNull public String getBody() {
        return body;
    }

    @DataBoundSetter
    public void setBody(String body) {
        this.body = body;
    }

    /** A workspace-relative file holding the body (signed byte for byte), instead of {@link #getBody()}. */
    @CheckForNull public String getBodyFile() {
        return bodyFile;
    }

    @DataBoundSetter
    public void setBodyFile(String bodyFile) {
        this.bodyFile = bodyFile;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, credentialsId, subpath, body, bodyFile);
    }

    /**
     * Signs {@code bodyBytes} for {@code input}'s subpath with {@code credential}'s key, now by {@code clock}.
     *
     * @throws AbortException naming the problem, never the key
     */
    static Map<String, String> sign(String credentialsId, CloudKitServerKey credential, CloudKitSignInput input,
            byte[] bodyBytes, Clock clock) throws AbortException {
        try {
            return CloudKitRequestSigner.sign(P256PrivateKeys.parse(credential.getPrivateKey().getPlainText()),
                    credential.getKeyId(), bodyBytes, input.subpath(), clock).asMap();
        } catch (InvalidInputException e) {
            throw new AbortException(Messages.CloudKitSign_Failed(credentialsId, e.getMessage()));
        }
    }

    /** Checks the parameters (before the credential is looked up). */
    static CloudKitSignInput input(String credentialsId, String subpath, String body, String bodyFile) throws AbortException {
        try {
            return CloudKitSignInput.of(subpath, body, bodyFile);
        } catch (InvalidInputException e) {
            throw new AbortException(Messages.CloudKitSign_Failed(credentialsId, e.getMessage()));
        }
    }

    /** Runs off the CPS thread; holds the parameters only (the body is not secret, the key is looked up). */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, String>> {
        private static final long serialVersionUID = 1L;

        private final String credentialsId;
        private final String subpath;
        private final String body;
        private final String bodyFile;

        Execution(StepContext context, String credentialsId, String subpath, String body, String bodyFile) {
            super(context);
            this.credentialsId = credentialsId;
            this.subpath = subpath;
            this.body = body;
            this.bodyFile = bodyFile;
        }

        @Override
        protected Map<String, String> run() throws Exception {
            StepContext context = getContext();
            CloudKitSignInput input = input(credentialsId, subpath, body, bodyFile);
            Run<?, ?> run = context.get(Run.class);
            CloudKitServerKey credential = CredentialLookup.find(CloudKitServerKey.class, credentialsId, run, true,
                    Messages.Kind_CloudKitServerKey());
            byte[] bytes;
            if (input.fromFile()) {
                FilePath workspace = context.get(FilePath.class);
                if (workspace == null) {
                    throw new AbortException(Messages.CloudKitSign_NoWorkspace());
                }
                FilePath file = workspace.child(input.bodyFile());
                if (!file.exists()) {
                    throw new AbortException(Messages.CloudKitSign_NoBodyFile(input.bodyFile()));
                }
                try (InputStream in = file.read()) {
                    bytes = in.readAllBytes();
                }
            } else {
                bytes = input.bodyBytes();
            }
            Map<String, String> headers = sign(credentialsId, credential, input, bytes, Clock.systemUTC());
            context.get(TaskListener.class).getLogger().println(Messages.CloudKitSign_Signed(input.subpath(), bytes.length,
                    credentialsId, credential.getKeyId()));
            return headers;
        }
    }

    /** The step's name and what it needs: a run and a log (a workspace only for {@code bodyFile}). */
    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        @NonNull public String getFunctionName() {
            return "cloudKitSignRequest";
        }

        @Override
        @NonNull public String getDisplayName() {
            return Messages.CloudKitSign_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return CredentialsIdItems.fill(item, credentialsId, CloudKitServerKey.class);
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return CredentialsIdItems.check(item, value, CloudKitServerKey.class, Messages.Kind_CloudKitServerKey());
        }
    }
}
