package hudson.util;

/**
 * Stand-in of jenkins-core's {@code XStream2} (the real class extends XStream, which is not on the stand-ins' class
 * path): reading and writing need Jenkins, so every body throws.
 */
public class XStream2 {
    private XStream2() {}

    public void addCompatibilityAlias(String oldClassName, Class newClass) {
        throw new UnsupportedOperationException("stand-in: XStream2 needs a running Jenkins");
    }
}
