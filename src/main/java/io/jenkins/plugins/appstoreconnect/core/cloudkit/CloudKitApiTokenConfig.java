package io.jenkins.plugins.appstoreconnect.core.cloudkit;

import io.jenkins.plugins.appstoreconnect.core.keys.AppleIds;
import io.jenkins.plugins.appstoreconnect.core.token.TokenParameters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A CloudKit API token as CloudKit Console describes it (API Access &gt; Tokens): the container, its
 * environment, the token (a secret), an optional sign-in callback URL and allowed origins. Validated on
 * {@link #of}; {@link #toString()} never shows the token.
 */
public final class CloudKitApiTokenConfig {

    /** Variable names a build gets (the token one is masked). */
    public static final String CONTAINER_VARIABLE = "CLOUDKIT_CONTAINER";
    public static final String ENVIRONMENT_VARIABLE = "CLOUDKIT_ENVIRONMENT";
    public static final String TOKEN_VARIABLE = "CLOUDKIT_API_TOKEN";

    private final String container;
    private final CloudKitEnvironment environment;
    private final String apiToken;
    private final String signInCallbackUrl;
    private final List<String> allowedOrigins;

    private CloudKitApiTokenConfig(String container, CloudKitEnvironment environment, String apiToken,
            String signInCallbackUrl, List<String> allowedOrigins) {
        this.container = container;
        this.environment = environment;
        this.apiToken = apiToken;
        this.signInCallbackUrl = signInCallbackUrl;
        this.allowedOrigins = allowedOrigins;
    }

    /**
     * Validates everything; {@code allowedOrigins} is a comma-, space- or newline-separated list (blank: any).
     *
     * @throws io.jenkins.plugins.appstoreconnect.core.InvalidInputException naming the field
     */
    public static CloudKitApiTokenConfig of(String container, String environment, String apiToken,
            String signInCallbackUrl, String allowedOrigins) {
        String c = CloudKitIds.requireContainer(container);
        CloudKitEnvironment e = CloudKitEnvironment.parse(environment);
        String t = CloudKitIds.requireApiToken(apiToken);
        String cb = CloudKitIds.optionalCallbackUrl(signInCallbackUrl);
        LinkedHashSet<String> origins = new LinkedHashSet<>();
        for (String o : TokenParameters.splitList(allowedOrigins)) {
            origins.add(AppleIds.requireOrigin(o));
        }
        return new CloudKitApiTokenConfig(c, e, t, cb, Collections.unmodifiableList(new ArrayList<>(origins)));
    }

    public String container() {
        return container;
    }

    public CloudKitEnvironment environment() {
        return environment;
    }

    /** The token: a secret. */
    public String apiToken() {
        return apiToken;
    }

    /** The sign-in callback URL, or {@code null}. */
    public String signInCallbackUrl() {
        return signInCallbackUrl;
    }

    /** Allowed origins (empty: not restricted). */
    public List<String> allowedOrigins() {
        return allowedOrigins;
    }

    /** {@code CLOUDKIT_CONTAINER}, {@code CLOUDKIT_ENVIRONMENT}, {@code CLOUDKIT_API_TOKEN} (mask the last). */
    public Map<String, String> variables() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(CONTAINER_VARIABLE, container);
        m.put(ENVIRONMENT_VARIABLE, environment.pathSegment());
        m.put(TOKEN_VARIABLE, apiToken);
        return m;
    }

    /** Container and environment only. */
    @Override
    public String toString() {
        return "CloudKitApiToken[" + container + ", " + environment.pathSegment() + ", token=<redacted>]";
    }
}
