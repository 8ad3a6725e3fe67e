package io.jenkins.plugins.appstoreconnect.core.mask;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The bookkeeping the masking streams share. Bytes are numbered from the start of the stream (absolute
 * positions); a subclass decides up to where they may be released ({@code base} moves forward), and the bytes not
 * released yet are held between writes. Released bytes are written from the held buffer and from the chunk being
 * written, without copying the chunk.
 */
abstract class HoldingOutputStream extends FilterOutputStream {

    static final byte[] MASK = SecretMasker.MASK.getBytes(StandardCharsets.US_ASCII);

    private final byte[] one = new byte[1];
    /** Bytes taken so far. */
    long count;
    /** First byte not yet released. */
    long base;
    /** Held bytes: absolute positions [heldStart, heldStart + heldLength). */
    byte[] held = new byte[64];
    long heldStart;
    int heldLength;
    /** The chunk being written: cur[curOff] is absolute position curStart; outside write, curStart == count. */
    byte[] cur;
    int curOff;
    long curStart;
    boolean closed;

    HoldingOutputStream(OutputStream out) {
        super(Objects.requireNonNull(out, "out"));
    }

    @Override
    public synchronized void write(int b) throws IOException {
        one[0] = (byte) b;
        write(one, 0, 1);
    }

    /** Releases all held bytes, masked, then closes the wrapped stream. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (OutputStream o = out) {
            releaseAll();
            keepHeld();
            o.flush();
        }
    }

    /** At {@link #close()}: ends what is still open and releases every byte taken ({@code base} becomes {@code count}). */
    abstract void releaseAll() throws IOException;

    /** Checks the arguments of {@link #write(byte[], int, int)} and that the stream is open. */
    final void checkWrite(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("Stream closed");
        }
    }

    /** Writes the plain bytes at absolute positions [from, to), from the held buffer and the current chunk. */
    final void emit(long from, long to) throws IOException {
        if (from >= to) {
            return;
        }
        if (from < curStart) {
            long stop = Math.min(to, curStart);
            out.write(held, (int) (from - heldStart), (int) (stop - from));
            from = stop;
        }
        if (from < to) {
            out.write(cur, curOff + (int) (from - curStart), (int) (to - from));
        }
    }

    /** Keeps the unreleased bytes [base, count) in the held buffer for the next call. */
    final void keepHeld() {
        int fromOld = (int) Math.max(0, curStart - base);
        int fromNew = (int) (count - Math.max(base, curStart));
        int need = fromOld + fromNew;
        byte[] target = need > held.length ? new byte[Math.max(need, held.length * 2)] : held;
        if (fromOld > 0) {
            System.arraycopy(held, (int) (base - heldStart), target, 0, fromOld);
        }
        if (fromNew > 0) {
            System.arraycopy(cur, curOff + (int) (Math.max(base, curStart) - curStart), target, fromOld, fromNew);
        }
        held = target;
        heldStart = base;
        heldLength = need;
    }
}
