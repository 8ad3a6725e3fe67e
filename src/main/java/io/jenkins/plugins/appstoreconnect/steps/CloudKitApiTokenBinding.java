package io.jenkins.plugins.appstoreconnect.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitApiTokenConfig;
import io.jenkins.plugins.appstoreconnect.credentials.CloudKitApiToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.credentialsbinding.BindingDescriptor;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code withCredentials([cloudKitApiToken(credentialsId: '…')])}: {@code CLOUDKIT_CONTAINER} and
 * {@code CLOUDKIT_ENVIRONMENT} (public values) and {@code CLOUDKIT_API_TOKEN} (a secret value, masked by
 * credentials-binding), as {@link CloudKitApiTokenConfig#variables()} names them.
 */
public final class CloudKitApiTokenBinding extends MultiBinding<CloudKitApiToken> {

    @DataBoundConstructor
    public CloudKitApiTokenBinding(@CheckForNull String credentialsId) {
        super(credentialsId);
    }

    @Override
    protected Class<CloudKitApiToken> type() {
        return CloudKitApiToken.class;
    }

    @Override
    public MultiEnvironment bind(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
            throws IOException, InterruptedException {
        CloudKitApiToken credential = CredentialLookup.find(CloudKitApiToken.class, getCredentialsId(), build, true,
                Messages.Kind_CloudKitApiToken());
        Map<String, String> secret = new LinkedHashMap<>();
        Map<String, String> visible = new LinkedHashMap<>();
        split(credential, secret, visible);
        listener.getLogger().println(Messages.CloudKitBinding_Using(getCredentialsId(), visible.get(CloudKitApiTokenConfig.CONTAINER_VARIABLE),
                visible.get(CloudKitApiTokenConfig.ENVIRONMENT_VARIABLE)));
        return new MultiEnvironment(secret, visible);
    }

    /** Puts the token into {@code secret}, container and environment into {@code visible}. */
    static void split(CloudKitApiToken credential, Map<String, String> secret, Map<String, String> visible) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(CloudKitApiTokenConfig.CONTAINER_VARIABLE, credential.getContainer());
        all.put(CloudKitApiTokenConfig.ENVIRONMENT_VARIABLE, credential.getEnvironment().pathSegment());
        all.put(CloudKitApiTokenConfig.TOKEN_VARIABLE, credential.getApiToken().getPlainText());
        all.forEach((name, value) -> (name.equals(CloudKitApiTokenConfig.TOKEN_VARIABLE) ? secret : visible).put(name, value));
    }

    @Override
    public Set<String> variables() {
        return new LinkedHashSet<>(java.util.List.of(CloudKitApiTokenConfig.CONTAINER_VARIABLE,
                CloudKitApiTokenConfig.ENVIRONMENT_VARIABLE, CloudKitApiTokenConfig.TOKEN_VARIABLE));
    }

    /** {@code cloudKitApiToken(…)} in {@code withCredentials}; loaded only when credentials-binding is installed. */
    @Extension(optional = true)
    @Symbol("cloudKitApiToken")
    public static final class DescriptorImpl extends BindingDescriptor<CloudKitApiToken> {

        @Override
        protected Class<CloudKitApiToken> type() {
            return CloudKitApiToken.class;
        }

        @Override
        @NonNull public String getDisplayName() {
            return Messages.CloudKitBinding_DisplayName();
        }

        @Override
        public boolean requiresWorkspace() {
            return false;
        }
    }
}
