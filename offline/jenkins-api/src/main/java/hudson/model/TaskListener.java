package hudson.model;

import java.io.PrintStream;

/** Stand-in of jenkins-core's {@code TaskListener} (signature only). */
public interface TaskListener {
    /** The real one discards everything; {@code null} here (nothing offline logs to it). */
    TaskListener NULL = null;

    PrintStream getLogger();
}
