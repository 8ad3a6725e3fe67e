package io.jenkins.plugins.appstoreconnect.core.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Masking a key by the salted hashes of its segments, as the build's console filter does. */
class SegmentMaskingOutputStreamTest {

    private static ParsedKey key;
    private static String pem;
    private static String body;
    private static KeySegments segments;
    private static Set<String> segmentTexts;

    @BeforeAll
    static void key() {
        key = MaskFixtures.newKey();
        pem = key.pkcs8Pem();
        body = pem.replaceAll("-----[A-Z ]+-----", "").replace("\n", "");
        segments = KeySegments.of(List.of(pem));
        segmentTexts = KeySegments.segmentsOf(pem);
    }

    private static String mask(String text) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = new SegmentMaskingOutputStream(sink, segments)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return sink.toString(StandardCharsets.UTF_8);
    }

    /** The same text written in the given pieces, with a flush after each. */
    private static String maskInPieces(byte[] text, int[] cuts) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = new SegmentMaskingOutputStream(sink, segments)) {
            int from = 0;
            for (int c : cuts) {
                out.write(text, from, c - from);
                out.flush();
                from = c;
            }
            out.write(text, from, text.length - from);
        }
        return sink.toString(StandardCharsets.UTF_8);
    }

    private static String byteByByte(String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int[] cuts = new int[Math.max(0, b.length - 1)];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        return maskInPieces(b, cuts);
    }

    /** No 12 characters in a row of the key's body, of the base64 of its PEM, or of any segment survive. */
    private static void assertNoKey(String masked, String what) {
        List<String> secrets = new ArrayList<>(segmentTexts);
        secrets.add(body);
        secrets.add(body.replace("/", "\\/"));
        String b64 = Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
        secrets.add(b64.substring(64)); // its first line encodes the armour and the fixed DER prefix only
        for (String s : secrets) {
            for (int i = 0; i + 12 <= s.length(); i++) {
                String window = s.substring(i, i + 12);
                if (masked.contains(window)) {
                    throw new AssertionError(what + ": 12 characters of a key form survive at offset " + i
                            + " of a form of " + s.length() + " characters");
                }
            }
        }
    }

    private static List<String> printedForms() {
        String b64 = Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
        List<String> printed = new ArrayList<>(SecretForms.of(pem));
        printed.add(pem.strip().replace("\n", "\\n").replace("/", "\\/")); // JSON with both escapes
        printed.add("{\"key_id\":\"ABCDE12345\",\"key\":\"" + pem.replace("\n", "\\n") + "\",\"in_house\":false}");
        printed.add(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pem.getBytes(StandardCharsets.US_ASCII)) + "\n");
        printed.add(Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(pem.getBytes(StandardCharsets.US_ASCII)) + "\n");
        printed.add(b64);
        printed.add("KEY=" + body + "\n");
        printed.add("export ASC_KEY_CONTENT=\"" + b64 + "\"");
        return printed;
    }

    @Test
    void theSegmentsAreTheKeysBodyLinesJoinedBodyAndWrappedBase64() {
        String[] lines = pem.split("\n");
        for (int i = 1; i < lines.length - 1; i++) {
            assertTrue(segmentTexts.contains(lines[i]), "body line " + i);
        }
        assertTrue(segmentTexts.contains(body));
        String b64 = Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
        assertTrue(segmentTexts.contains(b64));
        assertTrue(segmentTexts.contains(b64.substring(64, 128)));
        assertTrue(segmentTexts.contains(b64.substring(76, 152)));
        for (String s : segmentTexts) {
            assertTrue(s.length() >= SecretForms.MIN_LENGTH);
            assertTrue(s.matches("[A-Za-z0-9+/]+=*"), "a normalised base64 run");
        }
        assertEquals(segmentTexts.size(), segments.size());
    }

    /**
     * What each hash could give a guesser (the class description of {@link KeySegments}): flipping each bit of the
     * PKCS#8 DER shows which segments depend on it. A segment that depends on the private scalar at all depends on
     * at least 96 of its bits, or on 34 of them and at least 128 bits of the public key.
     */
    @Test
    void everySegmentThatHoldsScalarBitsHoldsTooManyToGuess() {
        byte[] der = key.pkcs8Der();
        assertEquals(150, der.length);
        byte[] s = key.privateKey().getS().toByteArray();
        byte[] scalar = java.util.Arrays.copyOfRange(s, s.length - 32, s.length);
        assertEquals(36, MaskFixtures.indexOf(der, scalar), "where the scalar lies");
        List<String> base = new ArrayList<>(segmentTexts);
        int[] scalarBits = new int[base.size()];
        int[] publicBits = new int[base.size()];
        for (int bit = 0; bit < der.length * 8; bit++) {
            byte[] d = der.clone();
            d[bit / 8] ^= (byte) (0x80 >> (bit % 8));
            String flipped = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(d)
                    + "\n-----END PRIVATE KEY-----\n";
            List<String> other = new ArrayList<>(KeySegments.segmentsOf(flipped));
            assertEquals(base.size(), other.size());
            for (int i = 0; i < base.size(); i++) {
                if (!base.get(i).equals(other.get(i))) {
                    if (bit / 8 >= 36 && bit / 8 < 68) {
                        scalarBits[i]++;
                    } else if (bit / 8 >= 86) {
                        publicBits[i]++;
                    }
                }
            }
        }
        int weakest = 256;
        for (int i = 0; i < base.size(); i++) {
            if (scalarBits[i] > 0) {
                assertTrue(scalarBits[i] >= 96 || (scalarBits[i] >= 34 && publicBits[i] >= 128),
                        "segment " + i + " of " + base.get(i).length() + " characters: " + scalarBits[i] + " scalar bits, "
                                + publicBits[i] + " public-key bits");
                weakest = Math.min(weakest, scalarBits[i]);
            } else {
                assertTrue(base.get(i).length() >= 16 || publicBits[i] <= 48, "a short segment holds public-key bytes only");
            }
        }
        assertEquals(34, weakest, "the third line of the base64 of the file wrapped at 76");
        assertEquals(pem, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n", "the layout the flips rebuild");
    }

    @Test
    void eachFormPrintedAloneIsMasked() throws IOException {
        for (String form : printedForms()) {
            String masked = mask(form);
            assertNoKey(masked, "alone");
            assertTrue(masked.contains(SecretMasker.MASK));
        }
    }

    @Test
    void eachFormInsideTextIsMaskedAndTheTextKept() throws IOException {
        for (String form : printedForms()) {
            String masked = mask("+ cat /home/jenkins/ws@tmp/asc-1/AuthKey.p8\nkey: " + form + "\nnext line, done.\n");
            assertNoKey(masked, "inside text");
            assertTrue(masked.startsWith("+ cat /home/jenkins/ws@tmp/asc-1/AuthKey.p8\nkey: "), masked);
            assertTrue(masked.endsWith("\nnext line, done.\n"), masked);
        }
    }

    @Test
    void eachFormSplitByteByByteIsMaskedAsWhenWrittenAtOnce() throws IOException {
        for (String form : printedForms()) {
            String text = "a " + form + " b\n";
            String whole = mask(text);
            assertEquals(whole, byteByByte(text));
            assertNoKey(whole, "byte by byte");
        }
    }

    @Test
    void randomSplitsGiveTheSameOutput() throws IOException {
        Random random = new Random(42);
        StringBuilder log = new StringBuilder();
        for (String form : printedForms()) {
            log.append("line ").append(random.nextInt(1000)).append(": ").append(form).append('\n');
        }
        byte[] text = log.toString().getBytes(StandardCharsets.UTF_8);
        String whole = mask(log.toString());
        assertNoKey(whole, "whole");
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(20);
            int[] cuts = random.ints(n, 0, text.length + 1).sorted().toArray();
            assertEquals(whole, maskInPieces(text, cuts), "round " + round);
        }
    }

    /**
     * An independent reference: the text cut into runs by the rules of the class description, each run whose
     * normalised value (or that value without its trailing {@code =}) is a segment replaced by {@code ****}.
     */
    private static String reference(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            boolean slash = c == '\\' && i + 1 < n && text.charAt(i + 1) == '/';
            if (!(slash || isB64(c))) {
                out.append(c);
                if (c == '\\' && i + 1 < n && (text.charAt(i + 1) == 'n' || text.charAt(i + 1) == 'r')) {
                    out.append(text.charAt(i + 1));
                    i++;
                }
                i++;
                continue;
            }
            int start = i;
            StringBuilder norm = new StringBuilder();
            while (i < n) { // base64 bytes and \/
                char d = text.charAt(i);
                if (isB64(d)) {
                    norm.append(d);
                    i++;
                } else if (d == '\\' && i + 1 < n && text.charAt(i + 1) == '/') {
                    norm.append('/');
                    i += 2;
                } else {
                    break;
                }
            }
            while (i < n && text.charAt(i) == '=') {
                norm.append('=');
                i++;
            }
            String v = norm.toString();
            String stripped = v.replaceAll("=+$", "");
            boolean hit = segmentTexts.contains(v) || (!stripped.equals(v) && segmentTexts.contains(stripped));
            out.append(hit ? SecretMasker.MASK : text.substring(start, i));
        }
        return out.toString();
    }

    private static boolean isB64(char c) {
        return c < 128 && SegmentMaskingOutputStream.isBase64Byte(c);
    }

    @Test
    void randomTextsOfSegmentsPiecesAndEscapesMatchTheReference() throws IOException {
        Random random = new Random(7);
        List<String> parts = new ArrayList<>(segmentTexts);
        List<String> pieces = new ArrayList<>();
        for (String seg : segmentTexts) {
            pieces.add(seg.substring(0, seg.length() / 2));
            pieces.add(seg.substring(1));
            pieces.add(seg.replace("/", "\\/"));
            pieces.add(seg + "=");
            pieces.add(seg + "==");
        }
        List<String> noise = List.of("\\", "\\n", "\\r", "\\/", "/", "=", "==", "\n", "\r\n", " ", "-", "a", "Z9", "\\\\", "\"", ":");
        for (int round = 0; round < 400; round++) {
            StringBuilder t = new StringBuilder();
            int k = 1 + random.nextInt(12);
            for (int j = 0; j < k; j++) {
                int pick = random.nextInt(3);
                List<String> from = pick == 0 ? parts : pick == 1 ? pieces : noise;
                t.append(from.get(random.nextInt(from.size())));
            }
            String text = t.toString();
            String expected = reference(text);
            assertEquals(expected, mask(text), "round " + round);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            int[] cuts = random.ints(random.nextInt(6), 0, bytes.length + 1).sorted().toArray();
            assertEquals(expected, maskInPieces(bytes, cuts), "round " + round + " in pieces");
        }
    }

    @Test
    void aWholeRunIsOneMaskEscapesIncluded() throws IOException {
        String[] lines = pem.split("\n");
        assertEquals("x ****\n", mask("x " + lines[1] + "\n"));
        assertEquals("\"****\"", mask("\"" + body.replace("/", "\\/") + "\""));
        assertEquals("-----BEGIN PRIVATE KEY-----\\n****\\n****\\n****\\n****\\n-----END PRIVATE KEY-----\\n",
                mask(pem.replace("\n", "\\n")));
        assertEquals("-----BEGIN PRIVATE KEY-----\\r\\n****\\r\\n****\\r\\n****\\r\\n****\\r\\n-----END PRIVATE KEY-----",
                mask(pem.strip().replace("\n", "\\r\\n")));
        assertEquals("-----BEGIN PRIVATE KEY-----\r\n****\r\n****\r\n****\r\n****\r\n-----END PRIVATE KEY-----\r\n",
                mask(pem.replace("\n", "\r\n")));
        assertEquals("****x\n", mask(lines[2] + "=x\n"), "a line before an = sign: the run with its = is masked");
    }

    @Test
    void ordinaryTextPassesUnchanged() throws IOException {
        ParsedKey other = MaskFixtures.newKey();
        // the first line of the wrapped base64 of any such key's PEM encodes the armour and the fixed DER prefix: the
        // same for every key (masked with this one's, which is harmless); the other lines differ
        String otherB64 = Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(other.pkcs8Pem().getBytes(StandardCharsets.US_ASCII))
                .substring(77);
        List<String> texts = List.of(
                "/Users/jenkins/Library/Developer/Xcode/DerivedData/MyApp-abcdefghijklmnopqrstuvwxyz/Build/Products\n",
                "Supercalifragilisticexpialidocious antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis\n",
                "KEY=value PATH=/usr/local/bin:/usr/bin DEVELOPER_DIR=/Applications/Xcode.app/Contents/Developer\n",
                "sha256:" + "0123456789abcdef".repeat(4) + " " + "A".repeat(64) + " " + "B".repeat(76) + "\n",
                "escaped \\n \\r \\t \\/ \\\\ back\\slashes and = signs == ===\n",
                other.pkcs8Pem(), other.pkcs8Pem().replace("\n", "\\n"), otherB64,
                "a run " + body.substring(0, 40) + " that is part of a segment\n",
                "a run " + body.substring(10, 74) + " as long as a body line, but not one\n",
                "x" + pem.split("\n")[1] + " inside a longer run\n",
                "ünïcödé \u0000\u00ff bytes\n");
        for (String t : texts) {
            assertEquals(t, mask(t), t);
            assertEquals(t, byteByByte(t), t);
        }
    }

    @Test
    void flushKeepsOnlyAnUndecidedRunAndCloseReleasesIt() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        SegmentMaskingOutputStream out = new SegmentMaskingOutputStream(sink, segments);
        String line = pem.split("\n")[1];
        out.write(("done. " + line.substring(0, 30)).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertEquals("done. ", sink.toString(StandardCharsets.US_ASCII));
        out.write(line.substring(30).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertEquals("done. ", sink.toString(StandardCharsets.US_ASCII), "a whole segment may still grow");
        out.close();
        assertEquals("done. ****", sink.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void aRunLongerThanEverySegmentIsNotHeld() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        SegmentMaskingOutputStream out = new SegmentMaskingOutputStream(sink, segments);
        String longRun = "Q".repeat(segments.maxLength() + 3);
        out.write(longRun.getBytes(StandardCharsets.US_ASCII));
        assertEquals(longRun, sink.toString(StandardCharsets.US_ASCII));
        out.write("RR\n".getBytes(StandardCharsets.US_ASCII));
        out.close();
        assertEquals(longRun + "RR\n", sink.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void aTrailingBackslashIsHeldUntilTheNextByte() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        SegmentMaskingOutputStream out = new SegmentMaskingOutputStream(sink, segments);
        out.write("path C:\\".getBytes(StandardCharsets.US_ASCII));
        assertEquals("path C:", sink.toString(StandardCharsets.US_ASCII), "the backslash could start \\/");
        out.write(" x".getBytes(StandardCharsets.US_ASCII));
        out.close();
        assertEquals("path C:\\ x", sink.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void theSerialisedSegmentsHoldNoKeyMaterialAndStillMask() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(b)) {
            o.writeObject(segments);
        }
        byte[] bytes = b.toByteArray();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String s : segmentTexts) {
            assertFalse(text.contains(s.substring(0, Math.min(12, s.length()))), "a segment");
        }
        byte[] s = key.privateKey().getS().toByteArray();
        byte[] scalar = java.util.Arrays.copyOfRange(s, s.length - 32, s.length);
        assertEquals(-1, MaskFixtures.indexOf(bytes, java.util.Arrays.copyOfRange(scalar, 0, 8)));
        assertEquals(-1, MaskFixtures.indexOf(bytes, java.util.Arrays.copyOfRange(scalar, 24, 32)));
        assertFalse(segments.toString().contains(body.substring(0, 12)));

        KeySegments copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            copy = (KeySegments) in.readObject();
        }
        assertEquals(segments, copy);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = new SegmentMaskingOutputStream(sink, copy)) {
            out.write(pem.getBytes(StandardCharsets.US_ASCII));
        }
        assertNoKey(sink.toString(StandardCharsets.US_ASCII), "after serialisation");
    }

    @Test
    void eachObjectHasItsOwnSalt() {
        KeySegments again = KeySegments.of(List.of(pem));
        assertNotEquals(segments, again);
        assertEquals(segments.size(), again.size());
        assertEquals(segments.maxLength(), again.maxLength());
    }

    @Test
    void theStoredAndTheNormalisedPemAddUp() throws IOException {
        String crlf = pem.replace("\n", "\r\n");
        KeySegments both = KeySegments.of(List.of(pem, crlf));
        assertEquals(segments.size(), both.size(), "the same runs");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = new SegmentMaskingOutputStream(sink, both)) {
            out.write(crlf.getBytes(StandardCharsets.US_ASCII));
        }
        assertNoKey(sink.toString(StandardCharsets.US_ASCII), "CRLF");
    }

    @Test
    void bytesPassAsTheyAre() throws IOException {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = new SegmentMaskingOutputStream(sink, segments)) {
            out.write(all);
            out.write(all, 10, 0);
        }
        assertArrayEquals(all, sink.toByteArray());
    }
}
