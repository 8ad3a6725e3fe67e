package hudson.model;

/** Stand-in of jenkins-core's {@code View} (type only: it names an overload of the harness' {@code getPage}). */
public abstract class View {
    private View() {}
}
