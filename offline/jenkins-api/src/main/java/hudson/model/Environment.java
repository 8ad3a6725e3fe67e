package hudson.model;

/** Stand-in of jenkins-core's {@code Environment} (type only). */
public abstract class Environment {
    public Environment() {}
}
