package io.jenkins.plugins.appstoreconnect.core.environment;

import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Keys generated at test time, and a clock moved by hand. Nothing here is ever printed. */
final class BuildTestKeys {

    static final String KID = "ABCDE12345";
    static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";

    private static final ParsedKey KEY = generate();

    private BuildTestKeys() {}

    static ParsedKey key() {
        return KEY;
    }

    static ParsedKey generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            byte[] der = g.generateKeyPair().getPrivate().getEncoded();
            return P256PrivateKeys.parse("-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                    + "\n-----END PRIVATE KEY-----\n");
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

}
