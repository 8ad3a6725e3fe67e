package org.jenkinsci.plugins.credentialsbinding;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.ExtensionPoint;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.credentialsbinding.impl.CredentialNotFoundException;

/**
 * Stand-in of credentials-binding's {@code MultiBinding} (signatures only). {@link MultiEnvironment} holds data,
 * as the real one does.
 */
public abstract class MultiBinding<C extends StandardCredentials> extends AbstractDescribableImpl<MultiBinding<C>>
        implements ExtensionPoint {

    private final String credentialsId;

    protected MultiBinding(String credentialsId) {
        this.credentialsId = credentialsId;
    }

    protected abstract Class<C> type();

    public final String getCredentialsId() {
        return credentialsId;
    }

    public abstract MultiEnvironment bind(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
            throws IOException, InterruptedException;

    /** As in the real class: no variables unless a subclass says otherwise. */
    public Set<String> variables() {
        return Collections.emptySet();
    }

    /** In the real class: {@link #variables()} where a subclass overrides it (found by reflection), else an error. */
    public Set<String> variables(Run<?, ?> build) throws CredentialNotFoundException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    /**
     * Stand-in of the nested {@code MultiEnvironment}: holds copies of the values and the unbinder, as the real one
     * does (a {@link NullUnbinder} where none is given; the same name may not be both secret and public).
     */
    public static final class MultiEnvironment implements Serializable {
        private static final long serialVersionUID = 1L;

        private final Map<String, String> secretValues;
        private final Map<String, String> publicValues;
        private final Unbinder unbinder;

        public MultiEnvironment(Map<String, String> secretValues) {
            this(secretValues, Collections.emptyMap());
        }

        public MultiEnvironment(Map<String, String> secretValues, Map<String, String> publicValues) {
            this(secretValues, publicValues, new NullUnbinder());
        }

        public MultiEnvironment(Map<String, String> secretValues, Unbinder unbinder) {
            this(secretValues, Collections.emptyMap(), unbinder);
        }

        public MultiEnvironment(Map<String, String> secretValues, Map<String, String> publicValues, Unbinder unbinder) {
            this.secretValues = new LinkedHashMap<>(secretValues);
            this.publicValues = new LinkedHashMap<>(publicValues);
            if (!Collections.disjoint(secretValues.keySet(), publicValues.keySet())) {
                throw new IllegalArgumentException("Cannot use the same key in both secretValues and publicValues");
            }
            this.unbinder = unbinder;
        }

        public Map<String, String> getSecretValues() {
            return Collections.unmodifiableMap(secretValues);
        }

        public Map<String, String> getPublicValues() {
            return Collections.unmodifiableMap(publicValues);
        }

        public Unbinder getUnbinder() {
            return unbinder;
        }
    }

    /** Stand-in of the nested {@code Unbinder} (signature only). */
    public interface Unbinder extends Serializable {
        void unbind(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
                throws IOException, InterruptedException;
    }

    /** Stand-in of the nested {@code NullUnbinder}: does nothing, as the real one. */
    protected static final class NullUnbinder implements Unbinder {
        private static final long serialVersionUID = 1L;

        @Override
        public void unbind(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener) {}
    }
}
