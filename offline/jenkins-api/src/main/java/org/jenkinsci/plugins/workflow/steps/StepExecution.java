package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/**
 * Stand-in of workflow-step-api's {@code StepExecution}. As the real one, it holds its context ({@link #getContext()}
 * fails without one) and {@link #onResume()} does nothing; {@link #stop} (which the real one passes to the context's
 * {@code onFailure}, a Guava callback not in these stand-ins) throws.
 */
public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    private StepContext context;

    @Deprecated
    protected StepExecution() {}

    protected StepExecution(StepContext context) {
        this.context = context;
    }

    public abstract boolean start() throws Exception;

    public StepContext getContext() {
        if (context == null) {
            throw new IllegalStateException("you must either pass in a StepContext to the StepExecution constructor,"
                    + " or have the StepExecution be created automatically");
        }
        return context;
    }

    public void stop(Throwable cause) throws Exception {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public void onResume() {}
}
