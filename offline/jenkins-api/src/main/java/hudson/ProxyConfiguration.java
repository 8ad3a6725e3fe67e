package hudson;

import java.net.http.HttpClient;

/** Stand-in of jenkins-core's {@code ProxyConfiguration} (signatures only). */
public final class ProxyConfiguration {
    private ProxyConfiguration() {}

    public static HttpClient newHttpClient() {
        throw new UnsupportedOperationException("stand-in: the proxy settings live in a running Jenkins");
    }
}
