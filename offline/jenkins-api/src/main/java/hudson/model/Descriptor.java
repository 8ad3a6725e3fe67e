package hudson.model;

/** Stand-in of jenkins-core's {@code hudson.model.Descriptor} (signatures only; no behaviour). */
public abstract class Descriptor<T extends Describable<T>> {
    protected Descriptor() {}

    protected Descriptor(Class<? extends T> clazz) {}

    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public String getId() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }
}
