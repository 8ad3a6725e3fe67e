package org.jenkinsci.plugins.structs.describable;

import java.io.Serializable;
import java.util.Map;

/** Stand-in of structs' {@code UninstantiatedDescribable} (signatures only; made by {@link DescribableModel}). */
public class UninstantiatedDescribable implements Serializable {
    private static final long serialVersionUID = 1L;

    private UninstantiatedDescribable() {}

    public String getSymbol() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }

    public Map<String, ?> getArguments() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }
}
