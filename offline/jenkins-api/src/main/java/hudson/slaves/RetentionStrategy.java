package hudson.slaves;

import hudson.model.Computer;

/** Stand-in of jenkins-core's {@code RetentionStrategy} (signature only). */
public abstract class RetentionStrategy<T extends Computer> {
    public RetentionStrategy() {}

    public abstract long check(T c);
}
