package hudson.model;

/** Stand-in of jenkins-core's {@code hudson.model.Describable} (signature only). */
public interface Describable<T extends Describable<T>> {
    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }
}
