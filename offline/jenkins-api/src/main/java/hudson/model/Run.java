package hudson.model;

import hudson.security.AccessControlled;
import org.springframework.security.access.AccessDeniedException;

/** Stand-in of jenkins-core's {@code Run} (signatures only). */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> implements AccessControlled {
    /** The real one reads and writes this kind of configuration; {@code null} here (needs Jenkins). */
    public static final hudson.util.XStream2 XSTREAM2 = null;

    Run() {}

    /** In the real class: {@code <full job name>#<build number>}, which {@link #fromExternalizableId} reads back. */
    public String getExternalizableId() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public static Run<?, ?> fromExternalizableId(String id) throws AccessDeniedException, IllegalArgumentException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public JobT getParent() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public Result getResult() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public Executor getOneOffExecutor() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }
}
