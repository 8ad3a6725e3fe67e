package io.jenkins.plugins.appstoreconnect.credentials;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.NameValuePair;
import org.jvnet.hudson.test.JenkinsRule;

/** Calls the credential form's web methods over HTTP, as the form's JavaScript does (POST with a crumb). */
final class WebMethods {
    /** Where the form calls {@code doCheck…} and {@code doTestConnection}, relative to Jenkins or an item. */
    static final String DESCRIPTOR = "descriptorByName/" + AppStoreConnectApiKeyImpl.class.getName() + "/";

    private WebMethods() {}

    /** POSTs {@code name, value, name, value, …} as form parameters to {@code path} (relative to Jenkins' URL). */
    static WebResponse post(JenkinsRule r, JenkinsRule.WebClient wc, String path, String... namesAndValues)
            throws IOException {
        WebRequest request = new WebRequest(new URL(r.getURL(), path), HttpMethod.POST);
        List<NameValuePair> parameters = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.add(new NameValuePair(namesAndValues[i], namesAndValues[i + 1]));
        }
        request.setRequestParameters(parameters);
        return wc.loadWebResponse(wc.addCrumb(request));
    }

    static WebResponse get(JenkinsRule r, JenkinsRule.WebClient wc, String path) throws IOException {
        return wc.loadWebResponse(new WebRequest(new URL(r.getURL(), path)));
    }
}
