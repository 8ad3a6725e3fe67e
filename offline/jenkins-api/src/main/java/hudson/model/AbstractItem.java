package hudson.model;

/** Stand-in of jenkins-core's {@code AbstractItem} (type only). */
public abstract class AbstractItem implements Item {
    AbstractItem() {}

    public final hudson.XmlFile getConfigFile() {
        throw new UnsupportedOperationException("stand-in: needs a running Jenkins");
    }
}
