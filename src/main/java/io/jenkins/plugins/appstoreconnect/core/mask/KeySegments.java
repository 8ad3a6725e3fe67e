package io.jenkins.plugins.appstoreconnect.core.mask;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a log filter needs to recognise a key's printed forms without holding the key: salted SHA-256 hashes of
 * the key's <em>segments</em>, and the set of their lengths. {@link SegmentMaskingOutputStream} masks every base64
 * run of the log that is, as a whole, one of these segments.
 *
 * <h2>Segments</h2>
 * The segments of a PEM key are the {@linkplain #runs(String) base64 runs} of every form
 * {@link SecretForms#of(String)} lists, each as a whole, normalised ({@code \/} read as {@code /}), of at least
 * {@value SecretForms#MIN_LENGTH} characters: each PEM body line, the joined body, the base64 of the PEM file
 * unwrapped and each of its lines wrapped at 64 and 76 characters. (The armour words {@code BEGIN},
 * {@code PRIVATE}, {@code KEY} are shorter and left out; the multi-line and escaped forms split into the same
 * body lines.)
 *
 * <h2>Why this is safe to send to agents and to save with the build</h2>
 * It holds no part of the key and nothing it can be computed back from cheaply:
 * <ul>
 *   <li>Only SHA-256 hashes of <em>whole</em> segments, each prefixed with a 16-byte random salt drawn for this
 *       object alone (the same key gets other hashes in every block, so hashes cannot be compared across builds or
 *       looked up in precomputed tables). SHA-256 cannot be inverted; the only attack is to guess a segment and
 *       hash the guess. A segment that holds bits of the private scalar holds many: an App Store Connect key's
 *       PKCS#8 file is 150 bytes, the scalar is bytes 36 to 67, so the first body line holds 96 bits of it, the
 *       second 160, the joined body and the base64 of the file all 256, and the lines of the wrapped base64 of the
 *       file 114 or more, with one exception: the third line at 76 characters holds the scalar's last 34 bits and
 *       158 bits of the public key. Guessing that line takes 2<sup>192</sup> hashes; someone who already has the
 *       public key (nothing here gives it) needs 2<sup>34</sup>, learns those 34 bits and still lacks 222 bits of
 *       the scalar, far beyond reach (the same line printed in clear would tell as much).</li>
 *   <li>Never hashes of short or overlapping windows: with the fixed DER prefix known, hashes of overlapping
 *       windows would let a guesser recover the key a few bits at a time. Segments shorter than 16 characters
 *       (the last body line, 8 characters) hold public-key bytes only, never the private scalar.</li>
 *   <li>The lengths (64, 76, 200, 344 and the like) are those of every key of the same kind: not secret.</li>
 * </ul>
 * {@link #toString()} shows only how many segments there are.
 *
 * <p>Immutable and thread-safe; {@link #matcher()} gives each stream its own digest.
 */
public final class KeySegments implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Length of the random salt, in bytes. */
    static final int SALT_LENGTH = 16;
    private static final int DIGEST_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] salt;
    /** Sorted ascending, distinct. */
    private final int[] lengths;
    /** The salted digests, concatenated (32 bytes each). */
    private final byte[] digests;

    private transient Set<ByteBuffer> digestSet;
    private transient boolean[] hasLength;

    private KeySegments(byte[] salt, int[] lengths, byte[] digests) {
        this.salt = salt;
        this.lengths = lengths;
        this.digests = digests;
        init();
    }

    /**
     * The segments of {@code pems} (the same key in its stored and normalised forms, say), hashed with a fresh
     * random salt.
     *
     * @throws InvalidInputException when one of them holds no PEM block (see {@link SecretForms#of(String)})
     */
    public static KeySegments of(Collection<String> pems) {
        return of(pems, RANDOM);
    }

    static KeySegments of(Collection<String> pems, SecureRandom random) {
        Set<String> segments = new LinkedHashSet<>();
        for (String pem : pems) {
            segments.addAll(segmentsOf(pem));
        }
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        MessageDigest md = sha256();
        TreeSet<Integer> lengths = new TreeSet<>();
        List<byte[]> hashes = new ArrayList<>();
        for (String s : segments) {
            byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
            lengths.add(bytes.length);
            md.update(salt);
            hashes.add(md.digest(bytes));
        }
        byte[] all = new byte[hashes.size() * DIGEST_LENGTH];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i), 0, all, i * DIGEST_LENGTH, DIGEST_LENGTH);
        }
        return new KeySegments(salt, lengths.stream().mapToInt(Integer::intValue).toArray(), all);
    }

    /**
     * The segments of one PEM key (see the class description), distinct, in {@link SecretForms#of(String)}'s order.
     * Holds the key: for tests and in-process use only, never to keep.
     */
    static Set<String> segmentsOf(String pem) {
        Set<String> out = new LinkedHashSet<>();
        for (String form : SecretForms.of(pem)) {
            for (String run : runs(form)) {
                if (run.length() >= SecretForms.MIN_LENGTH) {
                    out.add(run);
                }
            }
        }
        return out;
    }

    /**
     * The base64 runs of {@code text}, normalised, as {@link SegmentMaskingOutputStream} reads them: maximal
     * sequences of {@code [A-Za-z0-9+/]} followed by any {@code =} padding, where {@code \/} counts as {@code /};
     * a backslash ends a run, and an {@code n} or {@code r} right after a backslash (an escaped line break) belongs
     * to no run.
     */
    static List<String> runs(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder run = null;
        boolean padding = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char d = text.charAt(i + 1);
                if (d == '/') {
                    if (run != null && padding) {
                        out.add(run.toString());
                        run = null;
                    }
                    if (run == null) {
                        run = new StringBuilder();
                        padding = false;
                    }
                    run.append('/');
                    i++;
                    continue;
                }
                if (run != null) {
                    out.add(run.toString());
                    run = null;
                }
                if (d == 'n' || d == 'r') {
                    i++;
                }
                continue;
            }
            if (c < 128 && SegmentMaskingOutputStream.isBase64Byte(c)) {
                if (run != null && padding) {
                    out.add(run.toString());
                    run = null;
                }
                if (run == null) {
                    run = new StringBuilder();
                    padding = false;
                }
                run.append(c);
            } else if (c == '=' && run != null) {
                padding = true;
                run.append(c);
            } else if (run != null) {
                out.add(run.toString());
                run = null;
            }
        }
        if (run != null) {
            out.add(run.toString());
        }
        return out;
    }

    /** How many segments are hashed. */
    public int size() {
        return digests.length / DIGEST_LENGTH;
    }

    /** The longest segment, in characters (0 when there is none). */
    public int maxLength() {
        return lengths.length == 0 ? 0 : lengths[lengths.length - 1];
    }

    /** Whether some segment has {@code length} characters. */
    boolean hasLength(int length) {
        return length >= 0 && length < hasLength.length && hasLength[length];
    }

    /** A matcher for one stream (not thread-safe: each stream takes its own). */
    Matcher matcher() {
        return new Matcher();
    }

    /** Compares normalised runs with the segments; holds a digest of its own. */
    final class Matcher {
        private final MessageDigest md = sha256();

        /** Whether {@code bytes[0, length)} is one of the segments. */
        boolean matches(byte[] bytes, int length) {
            if (!hasLength(length)) {
                return false;
            }
            md.update(salt);
            md.update(bytes, 0, length);
            return digestSet.contains(ByteBuffer.wrap(md.digest()));
        }
    }

    private void init() {
        hasLength = new boolean[maxLength() + 1];
        for (int l : lengths) {
            hasLength[l] = true;
        }
        digestSet = new HashSet<>();
        for (int i = 0; i < digests.length; i += DIGEST_LENGTH) {
            digestSet.add(ByteBuffer.wrap(Arrays.copyOfRange(digests, i, i + DIGEST_LENGTH)));
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (salt == null || salt.length != SALT_LENGTH || lengths == null || digests == null
                || digests.length % DIGEST_LENGTH != 0) {
            throw new InvalidObjectException("damaged key segments");
        }
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] < 1 || lengths[i] > 1 << 20 || (i > 0 && lengths[i] <= lengths[i - 1])) {
                throw new InvalidObjectException("damaged key segments");
            }
        }
        init();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The number of segments only. */
    @Override
    public String toString() {
        return "KeySegments[" + size() + " salted hashes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeySegments k && Arrays.equals(salt, k.salt) && Arrays.equals(lengths, k.lengths)
                && Arrays.equals(digests, k.digests);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(salt), Arrays.hashCode(digests));
    }
}
