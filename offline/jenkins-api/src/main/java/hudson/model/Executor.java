package hudson.model;

import jenkins.model.CauseOfInterruption;

/** Stand-in of jenkins-core's {@code Executor} (signature only). */
public class Executor extends Thread {
    Executor() {}

    /** In the real class: aborts the build running on this executor. */
    @Override
    public void interrupt() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public void interrupt(Result result) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public void interrupt(Result result, CauseOfInterruption... causes) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }
}
