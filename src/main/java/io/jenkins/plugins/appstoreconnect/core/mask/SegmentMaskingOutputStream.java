package io.jenkins.plugins.appstoreconnect.core.mask;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes to the wrapped stream what it is given, with every base64 run that is, as a whole, one of a key's
 * {@link KeySegments} replaced by {@code ****}, however the bytes are split across {@code write} calls. It
 * recognises the key by salted hashes only: it never holds the key.
 *
 * <h2>Runs</h2>
 * A run is a maximal sequence of base64 bytes {@code [A-Za-z0-9+/]} followed by any {@code =} padding. Inside a
 * run, the JSON escape {@code \/} counts as {@code /}. Any other backslash ends the run; an {@code n} or
 * {@code r} right after a backslash (an escaped line break, as in a one-line PEM {@code "-----BEGIN ...\nMIGT..."})
 * belongs to no run, so the next run starts after it. A run is compared, normalised (escapes resolved), with the
 * segments only when its length is one of theirs; when it matches, the whole run as written (escapes included)
 * becomes one {@code ****}. A run that ends with {@code =} is also compared without that padding, so a body line
 * right before an {@code =} sign is masked too.
 *
 * <p>Only whole runs are compared: a segment inside a longer run, or a part of a segment, is left alone. Ordinary
 * text (words, paths, {@code KEY=value}) passes unchanged, byte for byte.
 *
 * <h2>What is held back</h2>
 * A run still going on at the end of a {@code write} is held until it ends, as long as it may still become a
 * segment: at most the longest segment's length (plus two {@code =} and the bytes of its escapes); a longer run is
 * released at once and passes unchanged. A backslash that may start {@code \/} is held until the next byte.
 * {@link #flush()} releases nothing held (the next bytes could complete a segment); {@link #close()} releases
 * everything, masked.
 *
 * <p>{@code write}, {@code flush} and {@code close} are synchronized.
 */
public final class SegmentMaskingOutputStream extends HoldingOutputStream {

    private static final boolean[] BASE64 = new boolean[256];

    static {
        for (int b = 0; b < 256; b++) {
            BASE64[b] = isBase64Byte(b);
        }
    }

    private final KeySegments segments;
    private final KeySegments.Matcher matcher;
    /** Longest normalised run that is still compared: the longest segment and two more {@code =}. */
    private final int limit;

    /** Absolute position where the current run started, or -1 outside a run. */
    private long runStart = -1;
    /** The current run, normalised (its first {@code limit} bytes). */
    private final byte[] norm;
    private int normLength;
    /** The current run is longer than any segment: it passes unchanged. */
    private boolean tooLong;
    /** The current run has reached its {@code =} padding. */
    private boolean padding;
    /** The previous byte was a backslash (at position count - 1 of the byte before this one). */
    private boolean escape;

    /** Masks the segments of {@code segments} on the way to {@code out}. */
    public SegmentMaskingOutputStream(OutputStream out, KeySegments segments) {
        super(out);
        this.segments = Objects.requireNonNull(segments, "segments");
        this.matcher = segments.matcher();
        this.limit = segments.maxLength() + 2;
        this.norm = new byte[limit];
    }

    /** Whether {@code b} (a byte value) is a base64 byte {@code [A-Za-z0-9+/]}. */
    static boolean isBase64Byte(int b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '+' || b == '/';
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        checkWrite(b, off, len);
        if (len == 0) {
            return;
        }
        cur = b;
        curOff = off;
        curStart = count;
        try {
            int end = off + len;
            int i = off;
            while (i < end) {
                int x = b[i] & 0xff;
                long p = curStart + (i - off);
                if (escape) {
                    escape = false;
                    if (x == '/') {
                        runByte(p - 1, '/');
                        i++;
                        continue;
                    }
                    if (runStart >= 0) {
                        endRun(p - 1);
                    }
                    if (x == 'n' || x == 'r') {
                        i++;
                        continue;
                    }
                }
                if (BASE64[x]) {
                    if (runStart >= 0 && padding) {
                        endRun(p);
                    }
                    if (runStart < 0) {
                        runStart = p;
                        normLength = 0;
                        tooLong = false;
                        padding = false;
                    }
                    int j = i + 1;
                    while (j < end && BASE64[b[j] & 0xff]) {
                        j++;
                    }
                    appendAll(b, i, j - i);
                    i = j;
                    continue;
                }
                if (x == '\\') {
                    escape = true;
                } else if (x == '=') {
                    if (runStart >= 0) {
                        padding = true;
                        append('=');
                    }
                } else if (runStart >= 0) {
                    endRun(p);
                }
                i++;
            }
            count = curStart + len;
            release(frontier());
            keepHeld();
        } finally {
            cur = null;
            curStart = count;
        }
    }

    /** Flushes the wrapped stream; what is held stays held (see the class description). */
    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    void releaseAll() throws IOException {
        if (runStart >= 0) {
            endRun(escape ? count - 1 : count);
        }
        escape = false;
        release(count);
    }

    /** A base64 byte (or an escaped slash starting at {@code p}) that extends or starts a run. */
    private void runByte(long p, int x) throws IOException {
        if (runStart >= 0 && padding) {
            endRun(p);
        }
        if (runStart < 0) {
            runStart = p;
            normLength = 0;
            tooLong = false;
            padding = false;
        }
        append(x);
    }

    private void appendAll(byte[] b, int from, int n) {
        if (tooLong) {
            return;
        }
        if (normLength + n > limit) {
            tooLong = true; // can be no segment: released at the end of this write
            return;
        }
        System.arraycopy(b, from, norm, normLength, n);
        normLength += n;
    }

    private void append(int x) {
        if (tooLong) {
            return;
        }
        if (normLength == limit) {
            tooLong = true; // can be no segment: released at the end of this write
            return;
        }
        norm[normLength++] = (byte) x;
    }

    /** The current run ends before position {@code end}: masks it if it is a segment. */
    private void endRun(long end) throws IOException {
        long start = runStart;
        runStart = -1;
        if (tooLong || !isSegment()) {
            return;
        }
        release(start);
        out.write(MASK);
        base = end;
    }

    private boolean isSegment() {
        int n = normLength;
        if (matcher.matches(norm, n)) {
            return true;
        }
        if (!padding) {
            return false;
        }
        while (n > 0 && norm[n - 1] == '=') {
            n--;
        }
        return n < normLength && matcher.matches(norm, n);
    }

    /** Everything before this may be released: nothing of an undecided run or a backslash is. */
    private long frontier() {
        if (runStart >= 0 && !tooLong) {
            return runStart;
        }
        return escape ? count - 1 : count;
    }

    /** Writes out the plain bytes [base, frontier). */
    private void release(long frontier) throws IOException {
        if (frontier <= base) {
            return;
        }
        emit(base, frontier);
        base = frontier;
    }

    /** The segments' count only. */
    @Override
    public String toString() {
        return "SegmentMaskingOutputStream[" + segments + "]";
    }
}
