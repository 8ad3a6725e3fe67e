/**
 * App Store Connect API keys in plain Java: {@link io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys}
 * reads the P-256 private key in every form users paste or store and rejects anything else with a
 * precise {@link io.jenkins.plugins.appstoreconnect.core.InvalidInputException};
 * {@link io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey} is the validated key with its normalised
 * PKCS#8 PEM and {@link io.jenkins.plugins.appstoreconnect.core.keys.KeyFingerprint fingerprint};
 * {@link io.jenkins.plugins.appstoreconnect.core.keys.AppleIds} checks key IDs, issuer IDs and
 * {@code AuthKey_<KEY ID>.p8} file names.
 *
 * <p>Nothing here registers a JCE provider: bouncycastle is used for ASN.1 and EC arithmetic only, key
 * objects come from the JDK. No message or {@code toString()} contains key material.
 */
package io.jenkins.plugins.appstoreconnect.core.keys;
