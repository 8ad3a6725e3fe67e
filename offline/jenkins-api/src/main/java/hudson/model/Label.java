package hudson.model;

/** Stand-in of jenkins-core's {@code Label} (signature only). */
public abstract class Label {
    protected Label(String name) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }
}
