package hudson.util;

import hudson.model.Saveable;
import java.util.AbstractList;
import java.util.Collection;

/** Stand-in of jenkins-core's {@code PersistedList} (signatures only; the real one saves its owner on change). */
public class PersistedList<T> extends AbstractList<T> {
    protected PersistedList() {}

    protected PersistedList(Collection<? extends T> initialList) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public PersistedList(Saveable owner) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public <U extends T> U get(Class<U> type) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    @Override
    public boolean add(T item) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }
}
