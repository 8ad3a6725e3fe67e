package io.jenkins.plugins.appstoreconnect.core.build;

import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

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

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private final AtomicLong millis;

        MutableClock(Instant start) {
            this.millis = new AtomicLong(start.toEpochMilli());
        }

        void advance(Duration d) {
            millis.addAndGet(d.toMillis());
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
