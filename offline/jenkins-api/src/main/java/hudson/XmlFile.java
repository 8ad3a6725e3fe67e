package hudson;

import java.io.File;
import java.io.IOException;

/** Stand-in of jenkins-core's {@code XmlFile}: reading and writing need Jenkins' XStream, so every body throws. */
public final class XmlFile {
    /** The real constructors take XStream, which is not on the stand-ins' class path; none is needed offline. */
    private XmlFile() {}

    public String asString() throws IOException {
        throw new UnsupportedOperationException("stand-in: XmlFile needs Jenkins' XStream");
    }

    public File getFile() {
        throw new UnsupportedOperationException("stand-in: XmlFile needs Jenkins' XStream");
    }

    public Object unmarshal(Object o) throws IOException {
        throw new UnsupportedOperationException("stand-in: XmlFile needs Jenkins' XStream");
    }
}
