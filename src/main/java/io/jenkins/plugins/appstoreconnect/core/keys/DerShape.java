package io.jenkins.plugins.appstoreconnect.core.keys;

/**
 * A non-recursive check that bytes are exactly one well-formed DER element: definite lengths that fit
 * their parents, nesting no deeper than {@link #MAX_DEPTH}, no trailing bytes. Run before handing
 * untrusted bytes to bouncycastle's recursive ASN.1 parser, so that no input can make it overflow the
 * stack or allocate beyond the input's size.
 */
final class DerShape {

    /** Real keys nest 4 levels, certificates about 7. */
    static final int MAX_DEPTH = 24;

    private DerShape() {}

    static boolean isSingleElement(byte[] der) {
        if (der == null || der.length < 2) {
            return false;
        }
        int[] ends = new int[MAX_DEPTH + 1];
        int depth = 0;
        ends[0] = der.length;
        int pos = 0;
        int topLevel = 0;
        while (true) {
            while (depth > 0 && pos == ends[depth]) {
                depth--;
            }
            if (pos == der.length) {
                return topLevel == 1;
            }
            if (depth == 0 && topLevel == 1) {
                return false; // trailing bytes
            }
            int limit = ends[depth];
            int tag = der[pos++] & 0xFF;
            if ((tag & 0x1F) == 0x1F) { // high tag number: base-128, at most 4 bytes
                int tagBytes = 0;
                int b;
                do {
                    if (pos >= limit || ++tagBytes > 4) {
                        return false;
                    }
                    b = der[pos++] & 0xFF;
                } while ((b & 0x80) != 0);
            }
            if (pos >= limit) {
                return false;
            }
            int first = der[pos++] & 0xFF;
            long length;
            if (first < 0x80) {
                length = first;
            } else {
                int count = first & 0x7F;
                if (count == 0 || count > 4 || count > limit - pos) {
                    return false; // indefinite length (BER) or absurd
                }
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = (length << 8) | (der[pos++] & 0xFF);
                }
            }
            if (length > limit - pos) {
                return false;
            }
            if (depth == 0) {
                topLevel++;
            }
            if ((tag & 0x20) != 0) { // constructed
                if (depth == MAX_DEPTH) {
                    return false;
                }
                ends[++depth] = pos + (int) length;
            } else {
                pos += (int) length;
            }
        }
    }
}
