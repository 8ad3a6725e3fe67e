package io.jenkins.plugins.appstoreconnect.core.token;

/** The {@code aud} claim of an App Store Connect API token. */
public enum Audience {
    /** {@code appstoreconnect-v1}: the App Store Connect API (the usual case). */
    STANDARD("appstoreconnect-v1"),
    /** {@code apple-developer-enterprise-v1}: the App Store Connect API for the Apple Developer Enterprise Program. */
    ENTERPRISE("apple-developer-enterprise-v1");

    private final String value;

    Audience(String value) {
        this.value = value;
    }

    /** The exact string written into the {@code aud} claim. */
    public String value() {
        return value;
    }

    /** The audience whose {@link #value()} is {@code aud}, or {@code null} if none is. */
    public static Audience fromValue(String aud) {
        for (Audience a : values()) {
            if (a.value.equals(aud)) {
                return a;
            }
        }
        return null;
    }
}
