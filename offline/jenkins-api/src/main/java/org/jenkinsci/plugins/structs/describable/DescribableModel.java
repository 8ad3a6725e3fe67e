package org.jenkinsci.plugins.structs.describable;

import hudson.model.TaskListener;
import java.io.Serializable;
import java.util.Map;

/** Stand-in of structs' {@code DescribableModel} (signatures only): the data binding needs a running Jenkins. */
public final class DescribableModel<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    public DescribableModel(Class<T> clazz) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public static <T> DescribableModel<T> of(Class<T> clazz) {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    @Deprecated
    public T instantiate(Map<String, ?> arguments) throws IllegalArgumentException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public T instantiate(Map<String, ?> arguments, TaskListener listener) throws IllegalArgumentException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public UninstantiatedDescribable uninstantiate2(T o) throws UnsupportedOperationException {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }
}
