package hudson.tasks;

import hudson.model.AbstractProject;
import hudson.model.Descriptor;

/** Stand-in of jenkins-core's {@code BuildWrapperDescriptor} (signature only). */
public abstract class BuildWrapperDescriptor extends Descriptor<BuildWrapper> {
    protected BuildWrapperDescriptor() {}

    protected BuildWrapperDescriptor(Class<? extends BuildWrapper> clazz) {
        super(clazz);
    }

    public abstract boolean isApplicable(AbstractProject<?, ?> item);
}
