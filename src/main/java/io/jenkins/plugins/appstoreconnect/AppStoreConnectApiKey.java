package io.jenkins.plugins.appstoreconnect;

import com.cloudbees.plugins.credentials.NameWith;
import com.cloudbees.plugins.credentials.common.StandardCredentials;

/**
 * An App Store Connect API key: the {@code .p8} private key Apple lets you download once, its key ID
 * and, for team keys, the issuer ID. Other plugins look this type up through the credentials API.
 */
@NameWith(AppStoreConnectApiKeyNameProvider.class)
public interface AppStoreConnectApiKey extends StandardCredentials {

    /** The 10-character key ID Apple shows next to the key. */
    String getKeyId();

    /** The issuer ID (a UUID) of a team key, or {@code null} for an individual key. */
    String getIssuerId();

    /** Whether this is an individual key (no issuer ID; tokens carry {@code sub: "user"}). */
    default boolean isIndividual() {
        return getIssuerId() == null;
    }
}
