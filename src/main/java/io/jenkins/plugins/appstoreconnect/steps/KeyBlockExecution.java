package io.jenkins.plugins.appstoreconnect.steps;

import hudson.FilePath;
import hudson.console.ConsoleLogFilter;
import hudson.model.Computer;
import hudson.model.Run;
import hudson.model.TaskListener;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.FailureHandler;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs a key-use block ({@code withAppStoreConnectToken}, {@code withAppleToken}): off the CPS thread, looks the
 * credential up on the controller and checks the options (so a wrong one fails the step before the body runs),
 * writes the key files on the node if the kind of use has any, then runs the body with the variables
 * ({@link KeyUseExpander}), the masking filter ({@link KeyMaskingFilter}), the failure handler that masks tokens in
 * the build's error, and the cleanup ({@link Cleanup}). Serialised with the build; holds the credential ID, the
 * options and the directory's path, no secret.
 */
final class KeyBlockExecution extends GeneralNonBlockingStepExecution {
    private static final long serialVersionUID = 1L;

    private final String credentialsId;
    private final KeyUseSpec<?> spec;
    /** The block directory on the node, once chosen (before anything is written). */
    private String directory;
    /** Whether the body was started (from then on {@link Cleanup} deletes the files). */
    private boolean bodyStarted;

    KeyBlockExecution(StepContext context, String credentialsId, KeyUseSpec<?> spec) {
        super(context);
        this.credentialsId = credentialsId;
        this.spec = spec;
    }

    @Override
    public boolean start() {
        run(this::setUp);
        return false;
    }

    private void setUp() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        KeyUse use = KeyUse.open(credentialsId, spec, run);
        KeyMaskingFilter filter = use.filter();
        FilePath workspace = spec.writesKeyFiles() ? context.get(FilePath.class) : null;
        if (spec.writesKeyFiles()) {
            directory = use.chooseDirectory(workspace);
            use.writeFiles(workspace);
        }
        try {
            use.printIntro(listener, true);
            bodyStarted = true;
            context.newBodyInvoker()
                    .withContext(EnvironmentExpander.merge(context.get(EnvironmentExpander.class), use.expander(run)))
                    .withContext(BodyInvoker.mergeConsoleLogFilters(context.get(ConsoleLogFilter.class), filter))
                    .withContext(FailureHandler.merge(context.get(FailureHandler.class), filter.failureHandler()))
                    .withCallback(new Cleanup(directory))
                    .start();
        } catch (Exception | Error e) {
            bodyStarted = false;
            if (directory != null) {
                try {
                    KeyUse.deleteFiles(workspace, directory, listener);
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /**
     * After a controller restart. While the body runs nothing is needed: Pipeline restores the expander, the filter
     * and the cleanup callback, and the expander looks the credential up again for the next step. If the restart
     * came while the files were being written, the step fails (as every {@link GeneralNonBlockingStepExecution}
     * does then) and the directory is deleted once the node is back.
     */
    @Override
    public void onResume() {
        super.onResume();
        String dir = directory;
        if (!bodyStarted && dir != null) {
            StepContext context = getContext();
            Computer.threadPoolForRemoting.submit(() -> {
                KeyUse.deleteFiles(context.get(FilePath.class), dir, context.get(TaskListener.class));
                return null;
            });
        }
    }

    /**
     * Ends the step with the body's result and deletes the block's key files, if it has any, whether the body
     * succeeded, failed or was aborted, also when the body ends after a controller restart (this callback is saved
     * with the build). Deleting them talks to the
     * node, which the CPS VM thread that reports the body's end must not do: as this execution's own
     * {@link GeneralNonBlockingStepExecution.TailCall}, the deletion runs on the execution's background thread.
     * Holds the directory's path only, {@code null} when no files were written (and the execution, which holds no
     * secret).
     */
    final class Cleanup extends TailCall {
        private static final long serialVersionUID = 1L;

        private final String directory;

        Cleanup(String directory) {
            this.directory = directory;
        }

        @Override
        protected void finished(StepContext context) throws Exception {
            if (directory != null) {
                KeyUse.deleteFiles(context.get(FilePath.class), directory, context.get(TaskListener.class));
            }
        }
    }
}
