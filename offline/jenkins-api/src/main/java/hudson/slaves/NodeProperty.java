package hudson.slaves;

import hudson.model.Node;

/** Stand-in of jenkins-core's {@code NodeProperty} (type only). */
public abstract class NodeProperty<N extends Node> {
    public NodeProperty() {}
}
