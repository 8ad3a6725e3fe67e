package io.jenkins.plugins.appstoreconnect.core.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * 2,000 random and mangled inputs: the parser either returns the original key or throws
 * {@link InvalidInputException} with a message free of key material; nothing else comes out.
 */
class P256RobustnessTest {

    private static final int ROUNDS = Integer.getInteger("robustness.rounds", 2_000);

    @Test
    void randomAndMangledInputsOnlyEverGiveInvalidInputException() {
        TestKeys.P256Fixture key = new TestKeys.P256Fixture();
        Set<String> secrets = key.secretWindows();
        String[] texts = {
            key.applePem,
            key.sec1Pem,
            TestKeys.pem("EC PARAMETERS", TestKeys.der(TestKeys.P256_OID)) + key.sec1Pem,
            key.applePem.replace("\n", "\\n"),
            String.join("\n", TestKeys.bodyLines(key.applePem)),
            Base64.getEncoder().encodeToString(key.applePem.getBytes(StandardCharsets.US_ASCII)),
        };
        byte[] explicitParameters = TestKeys.sec1(256, key.d,
                TestKeys.uncompressed((java.security.interfaces.ECPublicKey) key.pair.getPublic(), 32),
                org.bouncycastle.asn1.x9.ECNamedCurveTable.getByName("prime256v1"));
        byte[][] ders = {key.applePkcs8, key.sec1, explicitParameters};
        long seed = Long.getLong("robustness.seed", 20_260_101L);
        Random random = new Random(seed);
        int accepted = 0;
        int rejected = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int kind = round % 4;
            Object input;
            if (kind == 0) {
                byte[] bytes = new byte[random.nextInt(400)];
                random.nextBytes(bytes);
                if (bytes.length > 0 && random.nextBoolean()) {
                    bytes[0] = 0x30; // look like DER
                }
                input = bytes;
            } else if (kind == 1) {
                input = mangle(ders[random.nextInt(ders.length)], random);
            } else {
                input = mangle(texts[random.nextInt(texts.length)], random);
            }
            final int thisRound = round;
            try {
                ParsedKey parsed = input instanceof byte[] ? P256PrivateKeys.parse((byte[]) input) : P256PrivateKeys.parse((String) input);
                // Every source embeds the public key, so a change to the scalar cannot go unnoticed.
                assertEquals(key.expectedFingerprint, parsed.fingerprint(), () -> "round " + describe(input));
                accepted++;
            } catch (InvalidInputException e) {
                assertEquals(InvalidInputException.class, e.getClass());
                assertTrue(TestKeys.leakedWindow(e.getMessage(), secrets) == null, "message leaks key material");
                assertTrue(!e.getMessage().contains("(unexpected "), () -> "the parser's safety net caught a "
                        + e.getMessage() + " for " + describe(input) + ", seed " + seed + ", round " + thisRound);
                rejected++;
            } catch (RuntimeException | Error e) {
                fail("seed " + seed + ", round " + round + ": " + e.getClass().getName() + " escaped for " + describe(input));
            }
        }
        // what is asserted is behaviour only; the parser's speed is measured by the benchmarks, not here
        System.out.println("robustness: " + accepted + " accepted, " + rejected + " rejected");
        assertTrue(rejected > ROUNDS / 2, "most mangled inputs are rejected");
    }

    private static String describe(Object input) {
        return input instanceof byte[] ? ((byte[]) input).length + " bytes" : ((String) input).length() + " characters";
    }

    private static String mangle(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && s.length() > 0; i++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(6)) {
                case 0: // flip to a random printable or special character
                    s.setCharAt(at, randomChar(random));
                    break;
                case 1: // delete
                    s.deleteCharAt(at);
                    break;
                case 2: // insert
                    s.insert(at, randomChar(random));
                    break;
                case 3: // truncate
                    s.setLength(at);
                    break;
                case 4: // duplicate a slice
                    int end = Math.min(s.length(), at + random.nextInt(80));
                    s.insert(end, s.substring(at, end));
                    break;
                default: // cut a slice out
                    s.delete(at, Math.min(s.length(), at + random.nextInt(80)));
                    break;
            }
        }
        return s.toString();
    }

    private static char randomChar(Random random) {
        String specials = "\\\"'-=\n\r\t \u0000\uFEFF\u00E9:";
        return random.nextInt(4) == 0
                ? specials.charAt(random.nextInt(specials.length()))
                : (char) (0x21 + random.nextInt(0x5E));
    }

    private static byte[] mangle(byte[] der, Random random) {
        byte[] bytes = der.clone();
        switch (random.nextInt(4)) {
            case 0: // flip one bit
                bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                return bytes;
            case 1: // random byte
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                return bytes;
            case 2: // truncate
                return Arrays.copyOf(bytes, random.nextInt(bytes.length));
            default: // extend
                byte[] longer = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(8));
                for (int i = bytes.length; i < longer.length; i++) {
                    longer[i] = (byte) random.nextInt(256);
                }
                return longer;
        }
    }
}
