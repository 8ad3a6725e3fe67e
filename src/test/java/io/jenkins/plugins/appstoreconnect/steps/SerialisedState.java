package io.jenkins.plugins.appstoreconnect.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Java serialisation as Pipeline does it (to agents, into program.dat), and checks that the bytes hold no secret. */
public final class SerialisedState {

    private SerialisedState() {}

    static byte[] serialise(Object o) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(o);
        }
        return b.toByteArray();
    }

    static Object deserialise(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    /**
     * Neither a token's claims or signature, nor a body line of {@code key}'s PEM, nor other key material
     * ({@link #keyBytesIn}). The PEM's armour lines are not secret: the console filter leaves them.
     */
    static void assertNoSecret(byte[] bytes, ParsedKey key, List<String> tokens) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String t : tokens) {
            String[] parts = t.split("\\.");
            assertFalse(text.contains(parts[1]) || text.contains(parts[2]), "a token's claims or signature");
        }
        for (String line : key.pkcs8Pem().split("\n")) {
            if (!line.startsWith("-----")) {
                assertFalse(text.contains(line), "a key line");
            }
        }
        assertEquals(List.of(), keyBytesIn(bytes, key), "key material in the serialised bytes");
    }

    /**
     * What of {@code key}'s material {@code bytes} hold, by name (never the material itself): a PEM body line, the
     * PKCS#8 DER (whole, or any 16-byte window of it that holds a byte of the private scalar), the 32-byte private
     * scalar (whole or any 8-byte window), or the scalar in base64, base64url or hex. Empty when none.
     */
    public static List<String> keyBytesIn(byte[] bytes, ParsedKey key) {
        List<String> found = new ArrayList<>();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String[] lines = key.pkcs8Pem().split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("-----") && text.contains(lines[i])) {
                found.add("PEM body line " + i);
            }
        }
        byte[] der = key.pkcs8Der();
        byte[] scalar = scalar(key);
        int at = indexOf(der, scalar, 0, scalar.length);
        if (indexOf(bytes, der, 0, der.length) >= 0) {
            found.add("the whole PKCS#8 DER");
        }
        for (int i = Math.max(0, at - 15); i < at + scalar.length && i + 16 <= der.length; i++) {
            if (indexOf(bytes, der, i, 16) >= 0) {
                found.add("16 DER bytes from offset " + i);
                break;
            }
        }
        for (int i = 0; i + 8 <= scalar.length; i++) {
            if (indexOf(bytes, scalar, i, 8) >= 0) {
                found.add("8 bytes of the private scalar from offset " + i);
                break;
            }
        }
        Map<String, String> encodings = new LinkedHashMap<>();
        encodings.put("base64", Base64.getEncoder().withoutPadding().encodeToString(scalar));
        encodings.put("base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(scalar));
        encodings.put("hex", HexFormat.of().formatHex(scalar));
        encodings.put("HEX", HexFormat.of().withUpperCase().formatHex(scalar));
        encodings.forEach((name, value) -> {
            if (text.contains(value)) {
                found.add("the private scalar in " + name);
            }
        });
        return found;
    }

    /** The private scalar, as 32 big-endian bytes. */
    public static byte[] scalar(ParsedKey key) {
        byte[] s = key.privateKey().getS().toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, s.length);
        System.arraycopy(s, s.length - n, out, 32 - n, n);
        return out;
    }

    private static int indexOf(byte[] hay, byte[] needle, int from, int length) {
        outer:
        for (int i = 0; i + length <= hay.length; i++) {
            for (int j = 0; j < length; j++) {
                if (hay[i + j] != needle[from + j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
