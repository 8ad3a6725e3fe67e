package hudson.util;

import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Saveable;
import java.util.Collection;

/** Stand-in of jenkins-core's {@code DescribableList} (type only). */
public class DescribableList<T extends Describable<T>, D extends Descriptor<T>> extends PersistedList<T> {
    protected DescribableList() {}

    @Deprecated
    public DescribableList(Owner owner) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public DescribableList(Saveable owner) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public DescribableList(Saveable owner, Collection<? extends T> initialList) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    /** Stand-in of the nested {@code Owner} (type only). */
    @Deprecated
    public interface Owner extends Saveable {}
}
