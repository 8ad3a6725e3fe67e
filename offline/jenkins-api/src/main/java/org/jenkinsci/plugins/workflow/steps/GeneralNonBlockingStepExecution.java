package org.jenkinsci.plugins.workflow.steps;

/**
 * Stand-in of workflow-step-api's {@code GeneralNonBlockingStepExecution} (signatures only; the real one runs
 * {@link #run(Block)} on a background thread).
 */
public abstract class GeneralNonBlockingStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    protected GeneralNonBlockingStepExecution(StepContext context) {
        super(context);
    }

    /** Stand-in of the nested {@code Block} (signature only). */
    @FunctionalInterface
    protected interface Block {
        void run() throws Exception;
    }

    protected final void run(Block block) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    @Override
    public void onResume() {}

    /**
     * Stand-in of the nested {@code TailCall} (signatures only; the real one runs {@link #finished} through
     * {@link #run(Block)}, on a background thread, then passes the body's outcome on to the context).
     */
    protected abstract class TailCall extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;

        protected TailCall() {}

        protected abstract void finished(StepContext context) throws Exception;

        @Override
        public final void onSuccess(StepContext context, Object result) {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }

        @Override
        public final void onFailure(StepContext context, Throwable t) {
            throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
        }
    }
}
