package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;

/** Stand-in of jenkins-core's {@code BuildWrapper} (types only). */
public abstract class BuildWrapper implements Describable<BuildWrapper>, ExtensionPoint {
    public BuildWrapper() {}

    /** Stand-in of the nested {@code Environment} (type only). */
    public abstract class Environment extends hudson.model.Environment {
        public Environment() {}
    }
}
