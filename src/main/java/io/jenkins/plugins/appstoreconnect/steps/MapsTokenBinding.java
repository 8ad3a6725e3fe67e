package io.jenkins.plugins.appstoreconnect.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.environment.EnvironmentNames;
import io.jenkins.plugins.appstoreconnect.credentials.MapsToken;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.credentialsbinding.BindingDescriptor;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code withCredentials([mapsToken(credentialsId: '…', variable: 'MAPKIT_TOKEN')])}: a Maps token made in the
 * developer portal, masked by credentials-binding. An expired token fails the build before the block runs, saying
 * since when (never showing the token).
 */
public final class MapsTokenBinding extends MultiBinding<MapsToken> {

    /** The variable when none is named. */
    static final String DEFAULT_VARIABLE = "MAPS_TOKEN";

    private final String variable;

    @DataBoundConstructor
    public MapsTokenBinding(@CheckForNull String credentialsId, @CheckForNull String variable) {
        super(credentialsId);
        this.variable = variable == null || variable.isBlank() ? DEFAULT_VARIABLE : variable.strip();
    }

    @NonNull public String getVariable() {
        return variable;
    }

    @Override
    protected Class<MapsToken> type() {
        return MapsToken.class;
    }

    @Override
    public MultiEnvironment bind(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
            throws IOException, InterruptedException {
        String name = variableName(variable);
        MapsToken credential = CredentialLookup.find(MapsToken.class, getCredentialsId(), build, true, Messages.Kind_MapsToken());
        String token = usableToken(credential, Clock.systemUTC());
        listener.getLogger().println(Messages.MapsBinding_Using(getCredentialsId(), credential.expirySummary(Clock.systemUTC()), name));
        return new MultiEnvironment(Map.of(name, token), Map.of());
    }

    /**
     * The token if it has not expired at {@code clock}'s time.
     *
     * @throws AbortException saying when it expired (and how many days ago) and what to do; never the token
     */
    static String usableToken(MapsToken credential, Clock clock) throws AbortException {
        try {
            return credential.requireUsable(clock);
        } catch (InvalidInputException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** The checked variable name. */
    static String variableName(String variable) throws AbortException {
        try {
            return EnvironmentNames.requireName(Messages.MapsBinding_VariableWhat(), variable);
        } catch (InvalidInputException e) {
            throw new AbortException(e.getMessage());
        }
    }

    @Override
    public Set<String> variables() {
        return Set.of(variable);
    }

    /** {@code mapsToken(…)} in {@code withCredentials}; loaded only when credentials-binding is installed. */
    @Extension(optional = true)
    @Symbol({"appleMapsToken", "mapsToken"})
    public static final class DescriptorImpl extends BindingDescriptor<MapsToken> {

        @Override
        protected Class<MapsToken> type() {
            return MapsToken.class;
        }

        @Override
        @NonNull public String getDisplayName() {
            return Messages.MapsBinding_DisplayName();
        }

        @Override
        public boolean requiresWorkspace() {
            return false;
        }
    }
}
