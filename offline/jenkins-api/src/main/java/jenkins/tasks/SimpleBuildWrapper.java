package jenkins.tasks;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.console.ConsoleLogFilter;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildWrapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Stand-in of jenkins-core's {@code SimpleBuildWrapper}. The members declared here behave as the real ones: the
 * {@code setUp} and {@code tearDown} overloads that a subclass has not implemented fail as there (a wrapper requires
 * a workspace unless it says otherwise); {@link Context} holds one value per variable and one disposer. What runs a
 * freestyle build ({@code setUp(AbstractBuild, ...)}) needs Jenkins and throws.
 */
public abstract class SimpleBuildWrapper extends BuildWrapper {

    public SimpleBuildWrapper() {}

    public boolean requiresWorkspace() {
        return true;
    }

    public void setUp(Context context, Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener,
            EnvVars initialEnvironment) throws IOException, InterruptedException {
        if (!requiresWorkspace()) {
            setUp(context, build, listener, initialEnvironment);
            return;
        }
        throw new AbstractMethodError("Unless a build wrapper is marked as not requiring a workspace context, you must"
                + " implement the overload of the setUp() method that takes both a workspace and a launcher.");
    }

    public void setUp(Context context, Run<?, ?> build, TaskListener listener, EnvVars initialEnvironment)
            throws IOException, InterruptedException {
        if (requiresWorkspace()) {
            throw new IllegalStateException("This build wrapper requires a workspace context, but none was provided.");
        }
        throw new AbstractMethodError("When a build wrapper is marked as not requiring a workspace context, you must"
                + " implement the overload of the setUp() method that does not take a workspace or launcher.");
    }

    /** In the real class: runs {@code setUp} for a freestyle build and returns an environment that tears down. */
    public final Environment setUp(AbstractBuild build, Launcher launcher, BuildListener listener)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public ConsoleLogFilter createLoggerDecorator(Run<?, ?> build) {
        return null;
    }

    public void makeSensitiveBuildVariables(AbstractBuild build, Set<String> sensitiveVariables) {}

    /** Stand-in of the nested {@code Context}: one value per variable and one disposer, as the real one. */
    public static final class Context {
        private final Map<String, String> env = new HashMap<>();
        private Disposer disposer;

        /** As the real (deprecated) public constructor: the disposer will then require a workspace. */
        @Deprecated
        public Context() {}

        public void env(String key, String value) {
            if (env.containsKey(key)) {
                throw new IllegalStateException("just one binding for " + key);
            }
            env.put(key, value);
        }

        public Map<String, String> getEnv() {
            return env;
        }

        public void setDisposer(Disposer disposer) {
            if (this.disposer != null) {
                throw new IllegalStateException("just one disposer");
            }
            this.disposer = disposer;
        }

        public Disposer getDisposer() {
            return disposer;
        }
    }

    /**
     * Stand-in of the nested {@code Disposer}. As in the real class made through the public {@link Context#Context()},
     * it requires a workspace: the overload a subclass has not implemented fails.
     */
    public abstract static class Disposer implements Serializable {
        private static final long serialVersionUID = 1L;

        public Disposer() {}

        public void tearDown(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
                throws IOException, InterruptedException {
            throw new AbstractMethodError("Unless an end-of-wrapped-block callback is marked as not requiring a"
                    + " workspace context, you must implement the overload of the tearDown() method that takes both a"
                    + " workspace and a launcher.");
        }

        public void tearDown(Run<?, ?> build, TaskListener listener) throws IOException, InterruptedException {
            throw new IllegalStateException(
                    "This end-of-wrapped-block callback requires a workspace context, but none was provided.");
        }
    }
}
