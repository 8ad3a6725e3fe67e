package hudson.model;

/** Stand-in of jenkins-core's {@code Queue} (only the nested {@link Executable} and {@link Task} types). */
public class Queue {
    Queue() {}

    /** Stand-in of the nested {@code Executable} (type only). */
    public interface Executable extends Runnable {}

    /** Stand-in of the nested {@code Task} (type only; the real one also extends FullyNamedModelObject and SubTask). */
    public interface Task {}
}
