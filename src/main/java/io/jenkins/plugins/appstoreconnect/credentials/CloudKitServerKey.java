package io.jenkins.plugins.appstoreconnect.credentials;

import com.cloudbees.plugins.credentials.NameWith;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitEnvironment;

/**
 * A CloudKit server-to-server key: the P-256 private key whose public half is registered in CloudKit Console
 * (API Access &gt; Server-to-Server Keys), its key ID, and the container and environment it belongs to. Requests
 * are signed with {@link io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitRequestSigner}.
 */
@NameWith(AppleCredentialNames.CloudKitServerKeys.class)
public interface CloudKitServerKey extends StandardCredentials {

    @NonNull
    String getKeyId();

    @NonNull
    String getContainer();

    @NonNull
    CloudKitEnvironment getEnvironment();

    /** {@code SHA256:} fingerprint of the public key: safe to show, and comparable with the key in CloudKit Console. */
    @NonNull
    String getFingerprint();

    /** The private key as normalised PKCS#8 PEM, encrypted at rest. */
    @NonNull
    Secret getPrivateKey();
}
