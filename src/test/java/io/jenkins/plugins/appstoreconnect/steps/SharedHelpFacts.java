package io.jenkins.plugins.appstoreconnect.steps;

import java.util.Set;

/** Opens the package-private {@link SharedHelp} tables to the view checks in the parent package. */
public final class SharedHelpFacts {
    private SharedHelpFacts() {}

    /** The fields whose help {@code type} takes from another describable. */
    public static Set<String> sharedFields(Class<?> type) {
        return SharedHelp.fieldsOf(type);
    }

    /** The describable whose help page {@code type}'s {@code field} shows, or null if it has its own. */
    public static Class<?> ownerOf(Class<?> type, String field) {
        return SharedHelp.fieldsOf(type).contains(field) ? SharedHelp.OWNERS.get(type.getName()) : null;
    }
}
