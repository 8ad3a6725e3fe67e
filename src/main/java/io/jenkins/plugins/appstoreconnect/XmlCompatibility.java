package io.jenkins.plugins.appstoreconnect;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.Items;
import hudson.model.Run;
import hudson.model.User;
import hudson.util.XStream2;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;

/**
 * Class names that older versions wrote into {@code credentials.xml}, job and folder {@code config.xml} files and
 * user configuration, and the classes that read them now: Jenkins' XStream instances are given each old name as
 * a compatibility alias before any of those files is loaded.
 */
public final class XmlCompatibility {
    private XmlCompatibility() {}

    private static final String TOP = "io.jenkins.plugins.appstoreconnect.";
    private static final String OLD_STEPS = TOP + "build.";
    private static final String STEPS = TOP + "steps.";
    private static final String CREDENTIALS = TOP + "credentials.";

    /** Old binary class name to current binary class name. */
    static final Map<String, String> ALIASES = Map.of(
            TOP + "AppStoreConnectApiKeyImpl", CREDENTIALS + "AppStoreConnectApiKeyImpl",
            TOP + "AppleDeveloperKeyImpl", CREDENTIALS + "AppleDeveloperKeyImpl",
            TOP + "MapsTokenImpl", CREDENTIALS + "MapsTokenImpl",
            TOP + "CloudKitApiTokenImpl", CREDENTIALS + "CloudKitApiTokenImpl",
            TOP + "CloudKitServerKeyImpl", CREDENTIALS + "CloudKitServerKeyImpl",
            OLD_STEPS + "AppStoreConnectKeyWrapper", STEPS + "AppStoreConnectKeyWrapper",
            OLD_STEPS + "AppStoreConnectApiKeyBinding", STEPS + "AppStoreConnectApiKeyBinding",
            OLD_STEPS + "AppleTokenBinding", STEPS + "AppleTokenBinding",
            OLD_STEPS + "MapsTokenBinding", STEPS + "MapsTokenBinding",
            OLD_STEPS + "CloudKitApiTokenBinding", STEPS + "CloudKitApiTokenBinding");

    /** Registers every alias with the XStream of jobs and folders, of Jenkins' own files, of builds and of users. */
    @Initializer(before = InitMilestone.PLUGINS_STARTED)
    public static void addAliases() throws ClassNotFoundException {
        ClassLoader loader = XmlCompatibility.class.getClassLoader();
        for (Map.Entry<String, String> alias : ALIASES.entrySet()) {
            Class<?> current = Class.forName(alias.getValue(), false, loader);
            for (XStream2 xstream : List.of(Items.XSTREAM2, Jenkins.XSTREAM2, Run.XSTREAM2, User.XSTREAM)) {
                xstream.addCompatibilityAlias(alias.getKey(), current);
            }
        }
    }
}
