package jenkins;

/** Stand-in of jenkins-core's {@code jenkins.YesNoMaybe} (the real logic, three lines of it, is not needed). */
public enum YesNoMaybe {
    YES,
    NO,
    MAYBE;

    public static Boolean toBoolean(YesNoMaybe v) {
        throw new UnsupportedOperationException("stand-in");
    }

    public Boolean toBool() {
        throw new UnsupportedOperationException("stand-in");
    }
}
