package io.jenkins.plugins.appstoreconnect.credentials;

import com.cloudbees.plugins.credentials.NameWith;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitEnvironment;

/**
 * A CloudKit API token for one container and environment (CloudKit Console &gt; API Access &gt; Tokens). A build
 * gets {@code CLOUDKIT_CONTAINER}, {@code CLOUDKIT_ENVIRONMENT} and the masked {@code CLOUDKIT_API_TOKEN}
 * (see {@link io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitApiTokenConfig#variables()}).
 */
@NameWith(AppleCredentialNames.CloudKitApiTokens.class)
public interface CloudKitApiToken extends StandardCredentials {

    /** {@code iCloud.} and a reverse-DNS name. */
    @NonNull
    String getContainer();

    @NonNull
    CloudKitEnvironment getEnvironment();

    /** The token, encrypted at rest. */
    @NonNull
    Secret getApiToken();

    /** The sign-in callback URL, or empty. */
    @NonNull
    String getSignInCallbackUrl();

    /** Allowed origins, comma-separated; empty: any. */
    @NonNull
    String getAllowedOrigins();
}
