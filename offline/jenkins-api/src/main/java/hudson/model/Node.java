package hudson.model;

/** Stand-in of jenkins-core's {@code Node} (signatures only). */
public abstract class Node {
    public Node() {}

    public abstract String getNodeName();

    /** Stand-in of the nested {@code Mode} (constants only). */
    public enum Mode {
        NORMAL,
        EXCLUSIVE
    }
}
