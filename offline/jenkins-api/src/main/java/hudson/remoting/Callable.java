package hudson.remoting;

import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;

/** Stand-in of remoting's {@code Callable} (signature only). */
public interface Callable<V, T extends Throwable> extends RoleSensitive, Serializable {
    V call() throws T;
}
