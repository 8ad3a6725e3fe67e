package io.jenkins.plugins.appstoreconnect.core.keys;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Test keys, generated at test time (never stored), and the encodings tests build from them
 * independently of the code under test: JDK key generation, bouncycastle's ASN.1 classes for layouts.
 */
final class TestKeys {

    static final ASN1ObjectIdentifier P256_OID = SECObjectIdentifiers.secp256r1;
    static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {}

    static KeyPair generate(String algorithm, String curveOrNull) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curveOrNull != null) {
                generator.initialize(new ECGenParameterSpec(curveOrNull));
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static KeyPair p256() {
        return generate("EC", "secp256r1");
    }

    /** One key for a whole test class. */
    static final class P256Fixture {
        final KeyPair pair = p256();
        final BigInteger d = ((ECPrivateKey) pair.getPrivate()).getS();
        /** The JDK's own PKCS#8 (inner SEC1 without curve and public key). */
        final byte[] jdkPkcs8 = pair.getPrivate().getEncoded();
        /** SEC1 as openssl writes it: version, 32-byte scalar, [0] prime256v1, [1] public key. */
        final byte[] sec1 = sec1(256, d, uncompressed((ECPublicKey) pair.getPublic(), 32), P256_OID);
        /** PKCS#8 laid out like App Store Connect's .p8: the full SEC1 inside. */
        final byte[] applePkcs8 = pkcs8(P256_OID, sec1);
        final String applePem = pem("PRIVATE KEY", applePkcs8);
        final String sec1Pem = pem("EC PRIVATE KEY", sec1);
        /** SHA-256 over the JDK's X.509 encoding of the public key, computed without the code under test. */
        final String expectedFingerprint = "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(sha256(pair.getPublic().getEncoded()));

        /** Strings that must never appear in a message: every 16-character window of this key's encodings and scalar. */
        Set<String> secretWindows() {
            Set<String> windows = new HashSet<>();
            for (byte[] der : List.of(jdkPkcs8, sec1, applePkcs8)) {
                addWindows(windows, Base64.getEncoder().encodeToString(der));
            }
            String hex = d.toString(16);
            addWindows(windows, hex);
            addWindows(windows, hex.toUpperCase(Locale.ROOT));
            addWindows(windows, d.toString());
            return windows;
        }
    }

    /** Compares secrets without ever printing them (assertEquals would show both values on failure). */
    static void assertSameSecret(Object expected, Object actual, String what) {
        boolean same = expected instanceof byte[] && actual instanceof byte[]
                ? java.util.Arrays.equals((byte[]) expected, (byte[]) actual)
                : java.util.Objects.equals(expected, actual);
        if (!same) {
            throw new AssertionError(what + " differs (values not shown: key material)");
        }
    }

    static void addWindows(Set<String> windows, String s) {
        for (int i = 0; i + 16 <= s.length(); i++) {
            windows.add(s.substring(i, i + 16));
        }
    }

    /** Every run of 16+ base64 characters in the text, as windows. */
    static void addBase64RunWindows(Set<String> windows, String text) {
        StringBuilder run = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '/' || c == '=') {
                run.append(c);
            } else {
                addWindows(windows, run.toString());
                run.setLength(0);
            }
        }
    }

    /** The first 16-character window of the message found in the secrets, or null. */
    static String leakedWindow(String message, Set<String> secretWindows) {
        for (int i = 0; i + 16 <= message.length(); i++) {
            String window = message.substring(i, i + 16);
            if (secretWindows.contains(window)) {
                return window;
            }
        }
        return null;
    }

    static byte[] uncompressed(ECPublicKey key, int fieldBytes) {
        byte[] out = new byte[1 + 2 * fieldBytes];
        out[0] = 4;
        copyUnsigned(key.getW().getAffineX(), out, 1, fieldBytes);
        copyUnsigned(key.getW().getAffineY(), out, 1 + fieldBytes, fieldBytes);
        return out;
    }

    static void copyUnsigned(BigInteger value, byte[] out, int offset, int length) {
        byte[] raw = value.toByteArray();
        int start = raw.length > length ? raw.length - length : 0;
        System.arraycopy(raw, start, out, offset + length - (raw.length - start), raw.length - start);
    }

    /** SEC1 ECPrivateKey; publicKey and parameters may be null. */
    static byte[] sec1(int orderBits, BigInteger d, byte[] publicKey, ASN1Encodable parameters) {
        org.bouncycastle.asn1.sec.ECPrivateKey key = publicKey == null
                ? new org.bouncycastle.asn1.sec.ECPrivateKey(orderBits, d, parameters)
                : new org.bouncycastle.asn1.sec.ECPrivateKey(orderBits, d, new DERBitString(publicKey), parameters);
        return der(key);
    }

    /** SEC1 with the scalar octets exactly as given (for out-of-range and odd-length values). */
    static byte[] sec1RawScalar(byte[] scalar, byte[] publicKey, ASN1Encodable parameters) {
        // ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING, [0] parameters OPTIONAL, [1] publicKey OPTIONAL }
        // (RFC 5915), built by hand: bouncycastle's ECPrivateKey only takes the scalar as a BigInteger
        ASN1EncodableVector fields = new ASN1EncodableVector(4);
        fields.add(new ASN1Integer(1));
        fields.add(new DEROctetString(scalar));
        if (parameters != null) {
            fields.add(new DERTaggedObject(true, 0, parameters));
        }
        if (publicKey != null) {
            fields.add(new DERTaggedObject(true, 1, new DERBitString(publicKey)));
        }
        return der(new DERSequence(fields));
    }

    static byte[] pkcs8(ASN1ObjectIdentifier curve, byte[] sec1) {
        try {
            return der(new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve),
                    org.bouncycastle.asn1.ASN1Primitive.fromByteArray(sec1)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] der(ASN1Object object) {
        try {
            return object.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String pem(String label, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n";
    }

    /** The base64 lines of a PEM text (everything but the armor lines). */
    static List<String> bodyLines(String pem) {
        List<String> lines = new ArrayList<>();
        for (String line : pem.split("\n")) {
            if (!line.startsWith("-----") && !line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    static byte[] sha256(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    // ---------------------------------------------------------------- openssl

    private static Boolean opensslAvailable;

    static synchronized boolean opensslAvailable() {
        if (opensslAvailable == null) {
            boolean ok;
            try {
                ok = run(null, "openssl", "version").exitCode == 0;
            } catch (IOException e) {
                ok = false;
            }
            opensslAvailable = ok;
            if (!ok) {
                System.out.println("openssl is not on PATH: the openssl cross-checks are skipped");
            }
        }
        return opensslAvailable;
    }

    static final class Result {
        final int exitCode;
        final byte[] stdout;

        Result(int exitCode, byte[] stdout) {
            this.exitCode = exitCode;
            this.stdout = stdout;
        }

        String text() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    /** Runs a command in {@code dir}; stderr is discarded (openssl prints nothing secret there, but tests need not show it). */
    static Result run(Path dir, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + command[0]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new Result(process.exitValue(), out);
    }

    static String readString(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII);
    }
}
