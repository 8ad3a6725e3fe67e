package hudson.console;

import hudson.ExtensionPoint;
import hudson.model.AbstractBuild;
import hudson.model.Computer;
import hudson.model.Run;
import java.io.IOException;
import java.io.OutputStream;

/** Stand-in of jenkins-core's {@code ConsoleLogFilter} (signatures only). */
public abstract class ConsoleLogFilter implements ExtensionPoint {

    public ConsoleLogFilter() {}

    /** The real one forwards to the {@code Run} overload when a subclass overrides that, else fails. */
    @Deprecated
    public OutputStream decorateLogger(AbstractBuild build, OutputStream logger) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public OutputStream decorateLogger(Run build, OutputStream logger) throws IOException, InterruptedException {
        return logger;
    }

    /** As the real one: no decoration. */
    public OutputStream decorateLogger(Computer computer, OutputStream logger) throws IOException, InterruptedException {
        return logger;
    }
}
