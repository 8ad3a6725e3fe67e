package io.jenkins.plugins.appstoreconnect.core.mask;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jenkins.plugins.appstoreconnect.core.fuzz.Fuzzing;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Fuzz targets for the masking engine ({@link SecretMasker}, {@link MaskingOutputStream}) against a naive oracle
 * ({@link MaskFixtures#referenceMask}: every secret searched at every position, then one mask per run of covered
 * bytes). The fuzzer picks the secrets, the text and how it is cut into {@code write} calls and flushes. Properties:
 * the output equals the oracle's; no secret without {@code *} survives; text without secrets passes byte for byte.
 */
class MaskingFuzzTest {

    /** Symbols chosen so that secrets overlap, nest and straddle writes often; multi-byte UTF-8 and control bytes included. */
    private static final String[] SYMBOLS = {"a", "b", "a", "b", "c", "ab", "\n", "\r", "\u0000", "é", "€", "𝄞", "-", "=", " ", "*"};

    @FuzzTest(maxDuration = "10s")
    void randomSecrets(FuzzedDataProvider data) throws IOException {
        boolean stars = data.consumeInt(0, 3) == 0; // '*' in secrets: the mask itself can then look like a secret
        List<String> secrets = new ArrayList<>();
        for (int n = data.consumeInt(1, 6); n > 0; n--) {
            String s = word(data, 1, 12, stars);
            if (!s.isEmpty()) {
                secrets.add(s);
            }
        }
        if (secrets.isEmpty()) {
            return;
        }
        // the text: secrets, their prefixes and suffixes (near misses), symbols and raw bytes
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (int n = data.consumeInt(0, 40); n > 0; n--) {
            switch (data.consumeInt(0, 4)) {
                case 0 -> text.writeBytes(utf8(secrets.get(data.consumeInt(0, secrets.size() - 1))));
                case 1 -> {
                    byte[] s = utf8(secrets.get(data.consumeInt(0, secrets.size() - 1)));
                    int cut = data.consumeInt(0, s.length);
                    boolean prefix = data.consumeBoolean();
                    text.write(s, prefix ? 0 : cut, prefix ? cut : s.length - cut);
                }
                case 2 -> text.writeBytes(utf8(word(data, 1, 6, true)));
                case 3 -> text.write(data.consumeByte());
                default -> text.writeBytes(utf8(SYMBOLS[data.consumeInt(0, SYMBOLS.length - 1)]));
            }
        }
        byte[] input = text.toByteArray();
        SecretMasker masker = new SecretMasker(secrets);
        byte[] output = writeInPieces(masker, input, data);
        List<byte[]> secretBytes = secrets.stream().map(MaskingFuzzTest::utf8).toList();
        check(input, output, secretBytes, !stars);

        // pass-through: text that holds no secret comes out unchanged
        byte[] plain = utf8(word(data, 0, 60, true));
        if (secretBytes.stream().noneMatch(s -> MaskFixtures.contains(plain, s))) {
            byte[] out = writeInPieces(masker, plain, data);
            if (!Arrays.equals(plain, out)) {
                throw new AssertionError("text without a secret was changed");
            }
        }
    }

    /** A build log with the fixed key in every form and two tokens, cut anywhere: nothing of them survives. */
    @FuzzTest(maxDuration = "10s")
    void keyFormsInLogs(FuzzedDataProvider data) throws IOException {
        List<String> forms = KeyForms.FORMS;
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (int n = data.consumeInt(0, 12); n > 0; n--) {
            String form = forms.get(data.consumeInt(0, forms.size() - 1));
            switch (data.consumeInt(0, 3)) {
                case 0 -> text.writeBytes(utf8(form));
                case 1 -> { // a near miss: a piece of a form
                    int from = data.consumeInt(0, form.length());
                    text.writeBytes(utf8(form.substring(from, data.consumeInt(from, form.length()))));
                }
                case 2 -> text.writeBytes(utf8(data.consumeBoolean() ? "[12:01:02]: fastlane pilot upload\n" : "+ echo $KEY\n"));
                default -> text.writeBytes(data.consumeBytes(data.consumeInt(0, 8)));
            }
        }
        byte[] input = text.toByteArray();
        byte[] output = writeInPieces(KeyForms.MASKER, input, data);
        check(input, output, KeyForms.BYTES, true);
    }

    /** The fixed key's forms and two tokens, and one masker for them (it does not change, so every run shares it). */
    private static final class KeyForms {
        static final List<String> FORMS;
        static final List<byte[]> BYTES;
        static final SecretMasker MASKER;

        static {
            ParsedKey key = Fuzzing.key();
            Set<String> secrets = new LinkedHashSet<>(SecretForms.of(key));
            secrets.addAll(tokens(key));
            FORMS = List.copyOf(secrets);
            BYTES = FORMS.stream().map(MaskingFuzzTest::utf8).toList();
            MASKER = new SecretMasker(FORMS);
        }
    }

    private static void check(byte[] input, byte[] output, List<byte[]> secrets, boolean noStars) {
        byte[] expected = MaskFixtures.referenceMask(input, secrets);
        if (!Arrays.equals(expected, output)) {
            throw new AssertionError("masked output differs from the reference (" + output.length + " vs " + expected.length + " bytes)");
        }
        if (noStars) {
            for (byte[] s : secrets) {
                if (MaskFixtures.contains(output, s)) {
                    throw new AssertionError("a secret survived masking");
                }
            }
        }
    }

    /** Writes {@code input} through a masking stream in fuzzer-chosen pieces, single bytes and flushes; returns what came out. */
    private static byte[] writeInPieces(SecretMasker masker, byte[] input, FuzzedDataProvider data) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        MaskingOutputStream out = masker.wrap(sink);
        int pos = 0;
        while (pos < input.length) {
            int len = Math.min(input.length - pos, data.consumeInt(1, 24)); // at least 1: an exhausted provider gives its minimum
            switch (data.consumeInt(0, 3)) {
                case 0 -> {
                    for (int i = 0; i < len; i++) {
                        out.write(input[pos + i]);
                    }
                }
                case 1 -> { // write from the middle of a larger array
                    byte[] padded = new byte[len + 8];
                    System.arraycopy(input, pos, padded, 4, len);
                    out.write(padded, 4, len);
                }
                default -> out.write(input, pos, len);
            }
            pos += len;
            if (data.consumeInt(0, 3) == 0) {
                int before = sink.size();
                out.flush();
                if (sink.size() < before) {
                    throw new AssertionError("flush took bytes back");
                }
            }
        }
        out.close();
        out.close(); // idempotent
        return sink.toByteArray();
    }

    private static String word(FuzzedDataProvider data, int min, int max, boolean stars) {
        StringBuilder sb = new StringBuilder();
        for (int n = data.consumeInt(min, max); n > 0; n--) {
            String s = SYMBOLS[data.consumeInt(0, SYMBOLS.length - 1)];
            sb.append(!stars && s.equals("*") ? "a" : s);
        }
        return sb.toString();
    }

    private static List<String> tokens(ParsedKey key) {
        List<String> out = new ArrayList<>();
        for (String at : List.of("2030-01-01T00:00:00Z", "2030-01-01T00:20:00Z")) {
            out.add(Tokens.mint(key.privateKey(),
                    TokenRequest.team("ABCDE12345", "57246542-96fe-1a63-e053-0824d011072a"),
                    Clock.fixed(Instant.parse(at), ZoneOffset.UTC)).token());
        }
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
