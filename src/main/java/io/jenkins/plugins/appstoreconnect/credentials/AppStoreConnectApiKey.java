package io.jenkins.plugins.appstoreconnect.credentials;

import com.cloudbees.plugins.credentials.NameWith;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

/**
 * An App Store Connect API key: the {@code .p8} private key Apple lets you download once, its key ID
 * and, for team keys, the issuer ID. Other plugins look this type up through the credentials API
 * ({@code CredentialsProvider.findCredentialById(id, AppStoreConnectApiKey.class, run)}).
 */
@NameWith(AppStoreConnectApiKeyNameProvider.class)
public interface AppStoreConnectApiKey extends StandardCredentials {

    /** The 10-character key ID Apple shows next to the key (upper-case letters and digits). */
    @NonNull
    String getKeyId();

    /** The issuer ID (a lower-case UUID) of a team key, or {@code null} for an individual key. */
    @CheckForNull
    String getIssuerId();

    /** Whether this is an individual key (no issuer ID; tokens carry {@code sub: "user"}). */
    default boolean isIndividual() {
        return getIssuerId() == null;
    }

    /** Whether tokens are for the Enterprise Program API ({@code aud: apple-developer-enterprise-v1}). */
    boolean isEnterprise();

    /**
     * The public key's fingerprint, {@code SHA256:} and the unpadded base64 of the SHA-256 of its
     * SubjectPublicKeyInfo: safe to show, and the same for every encoding of the key.
     */
    @NonNull
    String getFingerprint();

    /** The private key as normalised PKCS#8 PEM, encrypted at rest. Decrypt it only to use it. */
    @NonNull
    Secret getPrivateKey();
}
