package io.jenkins.plugins.appstoreconnect.core.mask;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * Writes to the wrapped stream what it is given, with every occurrence of every secret of its
 * {@link SecretMasker} replaced by {@code ****}, however the bytes are split across {@code write} calls.
 * Bytes that are not part of a secret pass unchanged, byte for byte (invalid UTF-8, CR, LF, NUL: anything).
 *
 * <h2>What is held back</h2>
 * After each {@code write} the stream has released every byte that can no longer become part of a secret
 * and holds the rest: the longest suffix of what it was given that is a proper prefix of some secret
 * (the <em>frontier</em> rule; at most {@code maxSecretLength - 1} bytes, usually none). When a masked run may still
 * grow, its {@code ****} is written at once and its further bytes are dropped.
 * <ul>
 *   <li>{@link #flush()} releases up to the frontier, then flushes the wrapped stream. It never releases a
 *       held prefix, since the next bytes could complete a secret; the held bytes leave as soon as a later
 *       byte decides them, or at {@link #close()}. No form made by {@link SecretForms} starts with a line
 *       break, so a completed line is held only when it ends inside a multi-line form (for example a PEM
 *       header line {@code -----BEGIN PRIVATE KEY-----} followed by its line break).</li>
 *   <li>{@link #close()} releases everything (masked), then closes the wrapped stream.</li>
 * </ul>
 *
 * <h2>Token prefixes</h2>
 * After an occurrence of a {@linkplain SecretMasker#addTokenPrefix(String) token prefix} the stream masks every
 * following byte of the token alphabet {@code [A-Za-z0-9_.-]}, across {@code write} calls, until another byte
 * comes; the prefix and those bytes are one masked run. Such bytes are dropped as they arrive (the run's
 * {@code ****} is already written), so a token does not make the stream hold anything back.
 *
 * <h2>Secrets added while writing</h2>
 * {@link #addSecret(String)} (or {@link SecretMasker#add(String)} from any thread) takes effect at the next
 * {@code write}, {@code flush} or {@code close}: the held bytes are scanned again with the new set, then
 * writing goes on. Bytes already released are not recalled.
 *
 * <p>{@code write}, {@code flush} and {@code close} are synchronized, so several threads may share one
 * stream (their bytes interleave as they would without masking).
 */
public class MaskingOutputStream extends HoldingOutputStream {

    private static final boolean[] TOKEN_BYTE = new boolean[256];

    static {
        for (int b = 0; b < 256; b++) {
            TOKEN_BYTE[b] = SecretMasker.isTokenByte(b);
        }
    }

    private final SecretMasker masker;
    private ByteAutomaton automaton;
    /** Current state: its row offset in the automaton's table. */
    private int state;
    /**
     * Masked intervals not yet (fully) released: sorted, disjoint, ends > base; only the announced head may be
     * empty ([base, base), while a token is being swallowed).
     */
    private long[] ivStart = new long[8];
    private long[] ivEnd = new long[8];
    private int ivCount;
    /** True when interval 0 starts at base and its mask has been written already (it may still grow). */
    private boolean headAnnounced;
    /**
     * While a token is being swallowed: the absolute position of the next byte to swallow if it is a token byte
     * (the masked interval ending there may still grow). Otherwise -1.
     */
    private long swallowAt = -1;

    /** Masks the secrets of {@code masker}, including those added to it later. */
    public MaskingOutputStream(OutputStream out, SecretMasker masker) {
        super(out);
        this.masker = Objects.requireNonNull(masker, "masker");
        this.automaton = masker.automaton();
    }

    /** Masks {@code secrets} (and those given to {@link #addSecret(String)}), with a masker of its own. */
    public MaskingOutputStream(OutputStream out, Collection<String> secrets) {
        this(out, new SecretMasker(secrets));
    }

    /** Adds a secret to this stream's masker (shared with any other stream that uses it). Thread-safe. */
    public void addSecret(String secret) {
        masker.add(secret);
    }

    /** The masker whose secrets this stream hides. */
    public SecretMasker masker() {
        return masker;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        checkWrite(b, off, len);
        sync();
        if (len == 0) {
            return;
        }
        ByteAutomaton a = automaton;
        int[] delta = a.delta;
        int[] classOf = a.classOf;
        boolean[] starts = a.starts;
        cur = b;
        curOff = off;
        curStart = count;
        int s = state;
        long sw = swallowAt;
        int i = off;
        int end = off + len;
        try {
            while (i < end) {
                if (s == 0 && sw < 0) {
                    while (i < end && !starts[b[i] & 0xff]) {
                        i++;
                    }
                    if (i == end) {
                        break;
                    }
                }
                int x = b[i++] & 0xff;
                if (sw >= 0) {
                    if (TOKEN_BYTE[x]) {
                        extendSwallow(sw);
                        sw++;
                    } else {
                        sw = -1;
                    }
                    swallowAt = sw;
                }
                int t = delta[s + classOf[x]];
                if (t >= 0) {
                    s = t;
                } else {
                    s = ~t;
                    long e = curStart + (i - off);
                    cover(e - a.matchLengthAt(s), e);
                    if (a.triggerAt(s)) {
                        sw = e;
                        swallowAt = e;
                    }
                    release(e - a.depthAt(s));
                }
            }
            state = s;
            count = curStart + len;
            release(count - a.depthAt(s));
            keepHeld();
        } finally {
            cur = null;
            curStart = count;
        }
    }

    /** Releases everything up to the frontier (never a held prefix of a secret), then flushes the wrapped stream. */
    @Override
    public synchronized void flush() throws IOException {
        if (!closed) {
            sync();
        }
        out.flush();
    }

    @Override
    void releaseAll() throws IOException {
        sync();
        swallowAt = -1;
        release(count);
        state = 0;
    }

    /** Adopts a newer automaton: scans the held bytes again from the root. */
    private void sync() throws IOException {
        ByteAutomaton a = masker.automaton();
        if (a == automaton) {
            return;
        }
        automaton = a;
        int s = 0;
        long sw = -1; // a token prefix found again in the held bytes: swallow what follows it
        for (int k = 0; k < heldLength; k++) {
            int x = held[k] & 0xff;
            if (sw >= 0) {
                if (TOKEN_BYTE[x]) {
                    extendSwallow(sw);
                    sw++;
                } else {
                    sw = -1;
                }
            }
            int t = a.delta[s + a.classOf[x]];
            if (t >= 0) {
                s = t;
            } else {
                s = ~t;
                long e = heldStart + k + 1;
                cover(e - a.matchLengthAt(s), e);
                if (a.triggerAt(s)) {
                    sw = e;
                }
            }
        }
        if (swallowAt != count) {
            swallowAt = sw; // -1, or count: the held bytes end with a prefix and token bytes
        }
        state = s;
        release(count - a.depthAt(s));
        keepHeld();
    }

    /**
     * Masks the swallowed byte at {@code p}: grows the interval that covers byte {@code p - 1} (or the empty
     * announced head at {@code p}) to cover {@code p}, merging with an interval that starts at {@code p}.
     */
    private void extendSwallow(long p) {
        int k = ivCount - 1;
        while (k >= 0 && !((ivStart[k] < p && ivEnd[k] >= p) || (ivStart[k] == p && ivEnd[k] == p))) {
            k--;
        }
        if (k < 0) {
            cover(p, p + 1); // not reached: byte p - 1 is covered while a token is swallowed
            return;
        }
        if (ivEnd[k] > p) {
            return; // already covered
        }
        ivEnd[k] = p + 1;
        if (k + 1 < ivCount && ivStart[k + 1] == p) {
            ivEnd[k] = Math.max(p + 1, ivEnd[k + 1]);
            System.arraycopy(ivStart, k + 2, ivStart, k + 1, ivCount - k - 2);
            System.arraycopy(ivEnd, k + 2, ivEnd, k + 1, ivCount - k - 2);
            ivCount--;
        }
    }

    /** Marks [start, end) as masked, merging with the intervals it overlaps. start >= base always. */
    private void cover(long start, long end) {
        int i = 0;
        while (i < ivCount && ivEnd[i] <= start) {
            i++;
        }
        int j = i;
        long s = start;
        long e = end;
        while (j < ivCount && ivStart[j] < end) {
            s = Math.min(s, ivStart[j]);
            e = Math.max(e, ivEnd[j]);
            j++;
        }
        if (j == i) {
            if (ivCount == ivStart.length) {
                ivStart = Arrays.copyOf(ivStart, ivCount * 2);
                ivEnd = Arrays.copyOf(ivEnd, ivCount * 2);
            }
            System.arraycopy(ivStart, i, ivStart, i + 1, ivCount - i);
            System.arraycopy(ivEnd, i, ivEnd, i + 1, ivCount - i);
            ivCount++;
        } else if (j > i + 1) {
            System.arraycopy(ivStart, j, ivStart, i + 1, ivCount - j);
            System.arraycopy(ivEnd, j, ivEnd, i + 1, ivCount - j);
            ivCount -= j - i - 1;
        }
        ivStart[i] = s;
        ivEnd[i] = e;
    }

    /**
     * Writes out everything before {@code frontier}: plain bytes as they are, each masked run as one mask
     * (written as soon as the run's start is final, even if the run may still grow).
     */
    private void release(long frontier) throws IOException {
        if (frontier < base) {
            return;
        }
        long pos = base;
        int k = 0;
        if (headAnnounced) {
            if (ivEnd[0] > frontier || ivEnd[0] == swallowAt) {
                ivStart[0] = frontier;
                base = frontier;
                return;
            }
            pos = ivEnd[0];
            k = 1;
            headAnnounced = false;
        }
        // A run that starts at or before the frontier has a final start (later matches start at or after
        // the frontier): write its mask now; if it may still grow, keep it as the announced head.
        while (k < ivCount && ivStart[k] <= frontier) {
            emit(pos, ivStart[k]);
            out.write(MASK);
            if (ivEnd[k] <= frontier && ivEnd[k] != swallowAt) {
                pos = ivEnd[k];
                k++;
            } else {
                ivStart[k] = frontier;
                pos = frontier;
                headAnnounced = true;
                break;
            }
        }
        emit(pos, frontier);
        if (k > 0) {
            System.arraycopy(ivStart, k, ivStart, 0, ivCount - k);
            System.arraycopy(ivEnd, k, ivEnd, 0, ivCount - k);
            ivCount -= k;
        }
        base = frontier;
    }
}
