package hudson.model;

import java.io.IOException;

/** Stand-in of jenkins-core's {@code Saveable} (signature only). */
public interface Saveable {
    void save() throws IOException;
}
