package hudson.console;

import hudson.ExtensionPoint;
import hudson.model.AbstractBuild;
import hudson.model.Computer;
import hudson.model.Run;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Stand-in of jenkins-core's {@code ConsoleLogFilter}, with every overload of {@code decorateLogger} the real class
 * has (so that a call such as {@code decorateLogger(null, out)} is ambiguous here as it is there). As in the real
 * class, the {@code Run} and {@code Computer} overloads pass the logger through; the {@code Run} overload hands an
 * {@code AbstractBuild} to the deprecated overload, which the real class resolves by reflection: that throws here.
 */
public abstract class ConsoleLogFilter implements ExtensionPoint {

    public ConsoleLogFilter() {}

    @Deprecated
    public OutputStream decorateLogger(AbstractBuild build, OutputStream logger) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public OutputStream decorateLogger(Run build, OutputStream logger) throws IOException, InterruptedException {
        if (build instanceof AbstractBuild) {
            return decorateLogger((AbstractBuild) build, logger);
        }
        return logger;
    }

    public OutputStream decorateLogger(Computer computer, OutputStream logger) throws IOException, InterruptedException {
        return logger;
    }
}
