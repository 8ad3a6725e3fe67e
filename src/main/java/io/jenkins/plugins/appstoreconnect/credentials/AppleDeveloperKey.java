package io.jenkins.plugins.appstoreconnect.credentials;

import com.cloudbees.plugins.credentials.NameWith;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

/**
 * An Apple developer key issued to a team: the {@code .p8} private key from Certificates, Identifiers &amp;
 * Profiles &gt; Keys (MapKit JS / Maps, WeatherKit, MusicKit, APNs, Sign in with Apple) or an In-App Purchase key
 * from App Store Connect, with its key ID and the Team ID. Tokens of every
 * {@link io.jenkins.plugins.appstoreconnect.core.token.TokenProfile} are minted from it.
 */
@NameWith(AppleCredentialNames.DeveloperKey.class)
public interface AppleDeveloperKey extends StandardCredentials {

    /** The 10-character Team ID ({@code iss} of most profiles). */
    @NonNull
    String getTeamId();

    /** The 10-character key ID ({@code kid}). */
    @NonNull
    String getKeyId();

    /** {@code SHA256:} fingerprint of the public key: safe to show. */
    @NonNull
    String getFingerprint();

    /** The private key as normalised PKCS#8 PEM, encrypted at rest. */
    @NonNull
    Secret getPrivateKey();
}
