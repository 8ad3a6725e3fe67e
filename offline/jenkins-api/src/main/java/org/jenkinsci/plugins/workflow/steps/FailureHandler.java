package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/**
 * Stand-in of workflow-step-api's {@code FailureHandler} ({@code @Restricted(Beta.class)} in the real API: a plugin
 * using it sets {@code useBeta}). Passed to {@link BodyInvoker#withContext}; the real Pipeline runs it on a step's
 * failure inside the body and on the block's own failure.
 */
@FunctionalInterface
public interface FailureHandler extends Serializable {

    Throwable handle(StepContext ctx, Throwable t);

    static Throwable apply(StepContext ctx, Throwable t) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    /** As the real one: {@code subsequent} alone when there is no {@code original}, else both in that order. */
    static FailureHandler merge(FailureHandler original, FailureHandler subsequent) {
        if (original == null) {
            return subsequent;
        }
        return (ctx, t) -> subsequent.handle(ctx, original.handle(ctx, t));
    }
}
