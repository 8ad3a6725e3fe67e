package org.jenkinsci.plugins.workflow.steps;

/**
 * Stand-in of workflow-step-api's {@code SynchronousNonBlockingStepExecution} (signatures only; the real one calls
 * {@link #run()} on a background thread and completes the step with its result).
 *
 * @param <T> the step's result
 */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    private static final long serialVersionUID = 1L;

    protected SynchronousNonBlockingStepExecution(StepContext context) {
        super(context);
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    /** In the real class: fails the step (it cannot resume after a restart) through its context. */
    @Override
    public void onResume() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public String getStatus() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public boolean blocksRestart() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }
}
