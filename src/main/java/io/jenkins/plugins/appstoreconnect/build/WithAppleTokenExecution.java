package io.jenkins.plugins.appstoreconnect.build;

import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import hudson.model.TaskListener;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.FailureHandler;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@code withAppleToken}: off the CPS thread, looks the credential up on the controller and checks the profile
 * and its parameters (so a wrong one fails the step before the body runs), then runs the body with the token
 * variable ({@link AppleTokenExpander}) and the masking filter ({@link KeyMaskingFilter}). Serialised with the build;
 * holds the credential ID and the options, no secret.
 */
final class WithAppleTokenExecution extends GeneralNonBlockingStepExecution {
    private static final long serialVersionUID = 1L;

    private final String credentialsId;
    private final AppleTokenOptions options;

    WithAppleTokenExecution(StepContext context, String credentialsId, AppleTokenOptions options) {
        super(context);
        this.credentialsId = credentialsId;
        this.options = options;
    }

    @Override
    public boolean start() {
        run(this::setUp);
        return false;
    }

    private void setUp() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        AppleKeyUse use = AppleKeyUse.open(credentialsId, options, run);
        KeyMaskingFilter filter = use.filter();
        use.printIntro(context.get(TaskListener.class), true);
        context.newBodyInvoker()
                .withContext(EnvironmentExpander.merge(context.get(EnvironmentExpander.class),
                        new AppleTokenExpander(run.getExternalizableId(), options, use)))
                .withContext(BodyInvoker.mergeConsoleLogFilters(context.get(ConsoleLogFilter.class), filter))
                .withContext(FailureHandler.merge(context.get(FailureHandler.class), filter.failureHandler()))
                .withCallback(new BodyEnd())
                .start();
    }

    /** Ends the step with the body's result; nothing to clean up (no files were written). */
    static final class BodyEnd extends BodyExecutionCallback.TailCall {
        private static final long serialVersionUID = 1L;

        @Override
        protected void finished(StepContext context) {}
    }
}
