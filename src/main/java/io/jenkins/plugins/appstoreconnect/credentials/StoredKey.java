package io.jenkins.plugins.appstoreconnect.credentials;

import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import java.util.function.Supplier;

/**
 * A P-256 private key as our credentials store it: parsed through core when the credential is created (so a bad
 * key is never stored), kept as the normalised PKCS#8 PEM in a {@link Secret}, with its public fingerprint.
 */
final class StoredKey {
    private final Secret pem;
    private final String fingerprint;

    private StoredKey(Secret pem, String fingerprint) {
        this.pem = pem;
        this.fingerprint = fingerprint;
    }

    /**
     * @param privateKey the key as typed, pasted or uploaded, in any form core accepts
     * @param noKey      the credential type's message for a missing key
     * @throws InvalidInputException with {@code noKey} or core's specific message (never the key)
     */
    static StoredKey parse(Secret privateKey, Supplier<String> noKey) {
        if (privateKey == null || privateKey.getPlainText().isBlank()) {
            throw new InvalidInputException(noKey.get());
        }
        ParsedKey parsed = P256PrivateKeys.parse(privateKey.getPlainText());
        return new StoredKey(Secret.fromString(parsed.pkcs8Pem()), parsed.fingerprint());
    }

    Secret pem() {
        return pem;
    }

    String fingerprint() {
        return fingerprint;
    }
}
