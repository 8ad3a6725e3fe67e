package io.jenkins.plugins.appstoreconnect;

import java.util.Map;

/**
 * Class names that older versions wrote into {@code credentials.xml} and job {@code config.xml} files, and the
 * classes that read them now. Empty while no stored class has moved.
 */
final class XmlCompatibility {
    private XmlCompatibility() {}

    /** Old binary class name to current binary class name. */
    static final Map<String, String> ALIASES = Map.of();
}
