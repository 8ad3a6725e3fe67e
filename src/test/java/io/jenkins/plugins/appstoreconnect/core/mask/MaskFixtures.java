package io.jenkins.plugins.appstoreconnect.core.mask;

import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.Tokens;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * Keys and tokens generated at test time (never stored, never printed) and an independent reference
 * masker: naive search of every secret at every position, then the union of the occurrences.
 */
final class MaskFixtures {

    private MaskFixtures() {}

    static ParsedKey newKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            byte[] der = g.generateKeyPair().getPrivate().getEncoded();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                    + "\n-----END PRIVATE KEY-----\n";
            return P256PrivateKeys.parse(pem);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code n} tokens of {@code key}, minted at different instants (so all differ). */
    static List<String> tokens(ParsedKey key, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Clock clock = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z").plus(Duration.ofMinutes(7L * i)), ZoneOffset.UTC);
            out.add(Tokens.mint(key.privateKey(),
                    TokenRequest.team("ABCDE12345", "57246542-96fe-1a63-e053-0824d011072a"), clock).token());
        }
        return out;
    }

    /**
     * Tokens of {@code key} under key ID {@code kid} for many different requests (team and individual, scopes,
     * audiences, lifetimes, backdates) minted at different instants: what a long build re-mints.
     */
    static List<String> varietyOfTokens(ParsedKey key, String kid, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TokenRequest.Builder b = TokenRequest.builder().keyId(kid)
                    .lifetime(Duration.ofSeconds(300 + 37L * i % 900)).backdate(Duration.ofSeconds(i % 61));
            if (i % 3 != 0) {
                b.issuerId("57246542-96fe-1a63-e053-0824d011072a");
            }
            if (i % 4 == 1) {
                b.scope("GET /v1/apps?filter[platform]=IOS", "POST /v1/builds");
            }
            if (i % 5 == 2) {
                b.audience(io.jenkins.plugins.appstoreconnect.core.token.Audience.ENTERPRISE);
            }
            Clock clock = Clock.fixed(Instant.parse("2031-05-01T00:00:00Z").plus(Duration.ofSeconds(97L * i)), ZoneOffset.UTC);
            out.add(Tokens.mint(key.privateKey(), b.build(), clock).token());
        }
        return out;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Reference: mark every byte inside any occurrence of any secret, then one mask per maximal run (overlaps merge). */
    static byte[] referenceMask(byte[] input, Collection<byte[]> secrets) {
        return referenceMask(input, secrets, List.of());
    }

    /**
     * Reference with token prefixes: an occurrence of a prefix reaches up to the first byte after it outside
     * {@code [A-Za-z0-9_.-]} (written out here, not taken from the code under test).
     */
    static byte[] referenceMask(byte[] input, Collection<byte[]> secrets, Collection<byte[]> prefixes) {
        boolean[] covered = new boolean[input.length];
        boolean[] runStart = new boolean[input.length];
        // occurrence intervals, merged when they overlap (share a byte), not when they touch
        List<long[]> occurrences = new ArrayList<>();
        String text = new String(input, StandardCharsets.ISO_8859_1); // one char per byte
        for (byte[] s : secrets) {
            String needle = new String(s, StandardCharsets.ISO_8859_1);
            for (int p = text.indexOf(needle); p >= 0; p = text.indexOf(needle, p + 1)) {
                occurrences.add(new long[] {p, p + s.length});
            }
        }
        for (byte[] s : prefixes) {
            String needle = new String(s, StandardCharsets.ISO_8859_1);
            for (int p = text.indexOf(needle); p >= 0; p = text.indexOf(needle, p + 1)) {
                int f = p + s.length;
                while (f < input.length && "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.".indexOf(text.charAt(f)) >= 0) {
                    f++;
                }
                occurrences.add(new long[] {p, f});
            }
        }
        occurrences.sort((a, b) -> Long.compare(a[0], b[0]));
        long curS = -1;
        long curE = -1;
        List<long[]> runs = new ArrayList<>();
        for (long[] o : occurrences) {
            if (curE > o[0]) {
                curE = Math.max(curE, o[1]);
            } else {
                if (curS >= 0) {
                    runs.add(new long[] {curS, curE});
                }
                curS = o[0];
                curE = o[1];
            }
        }
        if (curS >= 0) {
            runs.add(new long[] {curS, curE});
        }
        for (long[] r : runs) {
            runStart[(int) r[0]] = true;
            for (long i = r[0]; i < r[1]; i++) {
                covered[(int) i] = true;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(input.length);
        for (int i = 0; i < input.length; i++) {
            if (runStart[i]) {
                out.writeBytes(utf8("****"));
            }
            if (!covered[i]) {
                out.write(input[i]);
            }
        }
        return out.toByteArray();
    }

    static boolean regionMatches(byte[] text, int at, byte[] s) {
        for (int k = 0; k < s.length; k++) {
            if (text[at + k] != s[k]) {
                return false;
            }
        }
        return true;
    }

    static boolean contains(byte[] text, byte[] s) {
        return indexOf(text, s) >= 0;
    }

    static int indexOf(byte[] text, byte[] s) {
        // ISO-8859-1 maps bytes to chars one to one, so String.indexOf is an exact byte search
        return new String(text, StandardCharsets.ISO_8859_1).indexOf(new String(s, StandardCharsets.ISO_8859_1));
    }
}
