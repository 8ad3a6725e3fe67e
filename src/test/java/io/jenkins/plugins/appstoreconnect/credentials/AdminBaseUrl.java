package io.jenkins.plugins.appstoreconnect.credentials;

import java.net.URI;

/**
 * Points the web form's "Test connection" at a simulated server the way an administrator would: through the
 * system property read at each call (never through the request). Restores the previous value when closed.
 */
final class AdminBaseUrl implements AutoCloseable {
    private final String property;
    private final String previous;

    private AdminBaseUrl(String property, String value) {
        this.property = property;
        this.previous = System.getProperty(property);
        System.setProperty(property, value);
    }

    static AdminBaseUrl appStoreConnect(Object base) {
        return new AdminBaseUrl(AppleCredentialChecks.APP_STORE_CONNECT_URL_PROPERTY, base.toString());
    }

    static AdminBaseUrl maps(Object base) {
        return new AdminBaseUrl(AppleCredentialChecks.MAPS_URL_PROPERTY, base.toString());
    }

    static AdminBaseUrl cloudKit(Object base) {
        return new AdminBaseUrl(AppleCredentialChecks.CLOUDKIT_URL_PROPERTY, base.toString());
    }

    /** Nothing listens there: the call fails with "connection refused" instead of reaching Apple. */
    static URI nowhere() {
        return URI.create("http://127.0.0.1:9");
    }

    @Override
    public void close() {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }
}
