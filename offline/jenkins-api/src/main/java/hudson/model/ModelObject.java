package hudson.model;

/** Stand-in of jenkins-core's {@code hudson.model.ModelObject} (signature only). */
public interface ModelObject {
    String getDisplayName();
}
