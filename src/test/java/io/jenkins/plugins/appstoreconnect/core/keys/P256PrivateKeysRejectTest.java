package io.jenkins.plugins.appstoreconnect.core.keys;

import static io.jenkins.plugins.appstoreconnect.core.keys.TestKeys.der;
import static io.jenkins.plugins.appstoreconnect.core.keys.TestKeys.pem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.teletrust.TeleTrusTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Everything that is not a usable P-256 private key is rejected with {@link InvalidInputException}
 * and its own message, which never repeats key material.
 */
class P256PrivateKeysRejectTest {

    private static final TestKeys.P256Fixture KEY = new TestKeys.P256Fixture();
    private static final TestKeys.P256Fixture OTHER = new TestKeys.P256Fixture();

    static Stream<Arguments> rejections() throws Exception {
        List<Arguments> cases = new ArrayList<>();
        String apple = KEY.applePem;
        List<String> lines = new ArrayList<>(Arrays.asList(apple.split("\n")));
        Random random = new Random(4711);

        // ---- nothing
        cases.add(Arguments.of("null text", null, "No private key was given"));
        cases.add(Arguments.of("null bytes", new byte[0], "No private key was given"));
        cases.add(Arguments.of("empty text", "", "No private key was given"));
        cases.add(Arguments.of("blank text", " \r\n\t \n", "No private key was given"));
        cases.add(Arguments.of("only quotes", " \"\" ", "No private key was given"));
        cases.add(Arguments.of("only a BOM", "\uFEFF\n", "No private key was given"));

        // ---- other curves
        KeyPair p384 = TestKeys.generate("EC", "secp384r1");
        cases.add(Arguments.of("P-384 PKCS#8 PEM", pem("PRIVATE KEY", p384.getPrivate().getEncoded()), "on curve P-384"));
        cases.add(Arguments.of("P-384 PKCS#8 DER", p384.getPrivate().getEncoded(), "on curve P-384"));
        byte[] p384Sec1 = TestKeys.sec1(384, ((ECPrivateKey) p384.getPrivate()).getS(),
                TestKeys.uncompressed((ECPublicKey) p384.getPublic(), 48), SECObjectIdentifiers.secp384r1);
        cases.add(Arguments.of("P-384 SEC1 PEM", pem("EC PRIVATE KEY", p384Sec1), "on curve P-384"));
        cases.add(Arguments.of("P-384 with explicit parameters", pem("EC PRIVATE KEY", TestKeys.sec1(384,
                ((ECPrivateKey) p384.getPrivate()).getS(), null, ECNamedCurveTable.getByName("secp384r1"))),
                "parameters of a 384-bit curve that is not P-256"));
        KeyPair p521 = TestKeys.generate("EC", "secp521r1");
        cases.add(Arguments.of("P-521 PKCS#8 PEM", pem("PRIVATE KEY", p521.getPrivate().getEncoded()), "on curve P-521 (secp521r1)"));
        cases.add(Arguments.of("secp256k1 PKCS#8 PEM (bouncycastle)", pem("PRIVATE KEY", bcKey("secp256k1", SECObjectIdentifiers.secp256k1)),
                "on curve secp256k1"));
        cases.add(Arguments.of("brainpoolP256r1 PKCS#8 PEM (bouncycastle)",
                pem("PRIVATE KEY", bcKey("brainpoolP256r1", TeleTrusTObjectIdentifiers.brainpoolP256r1)), "on curve brainpoolP256r1"));
        cases.add(Arguments.of("P-256 outside, P-384 inside",
                pem("PRIVATE KEY", TestKeys.pkcs8(TestKeys.P256_OID, TestKeys.sec1(256, KEY.d, null, SECObjectIdentifiers.secp384r1))),
                "names two different curves"));
        cases.add(Arguments.of("unknown curve OID", pem("PRIVATE KEY",
                TestKeys.pkcs8(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"), TestKeys.sec1(256, KEY.d, null, null))),
                "on curve OID 1.3.6.1.4.1.99999.1"));

        // ---- other algorithms
        KeyPair rsa = TestKeys.generate("RSA", null);
        cases.add(Arguments.of("RSA PKCS#8 PEM", pem("PRIVATE KEY", rsa.getPrivate().getEncoded()), "is an RSA key"));
        byte[] pkcs1 = der(PrivateKeyInfo.getInstance(rsa.getPrivate().getEncoded()).parsePrivateKey().toASN1Primitive());
        cases.add(Arguments.of("RSA PKCS#1 PEM (BEGIN RSA PRIVATE KEY)", pem("RSA PRIVATE KEY", pkcs1), "is an RSA key"));
        cases.add(Arguments.of("RSA PKCS#1 DER", pkcs1, "is an RSA key"));
        cases.add(Arguments.of("Ed25519 PKCS#8 PEM", pem("PRIVATE KEY", TestKeys.generate("Ed25519", null).getPrivate().getEncoded()),
                "of type Ed25519"));
        cases.add(Arguments.of("X25519 PKCS#8 PEM", pem("PRIVATE KEY", TestKeys.generate("X25519", null).getPrivate().getEncoded()),
                "of type X25519"));
        cases.add(Arguments.of("DSA PKCS#8 PEM", pem("PRIVATE KEY", TestKeys.generate("DSA", null).getPrivate().getEncoded()),
                "of type DSA"));
        cases.add(Arguments.of("DSA PEM label", pem("DSA PRIVATE KEY", randomBytes(random, 300)), "of type DSA"));
        cases.add(Arguments.of("OpenSSH private key", pem("OPENSSH PRIVATE KEY", randomBytes(random, 300)), "OpenSSH private key"));

        // ---- encrypted
        byte[] encrypted = encryptedPkcs8(KEY.applePkcs8);
        cases.add(Arguments.of("encrypted PKCS#8 PEM", pem("ENCRYPTED PRIVATE KEY", encrypted), "BEGIN ENCRYPTED PRIVATE KEY"));
        cases.add(Arguments.of("encrypted PKCS#8 DER", encrypted, "BEGIN ENCRYPTED PRIVATE KEY"));
        cases.add(Arguments.of("encrypted PKCS#8 under a PRIVATE KEY label", pem("PRIVATE KEY", encrypted), "BEGIN ENCRYPTED PRIVATE KEY"));
        String legacy = "-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF\n\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(randomBytes(random, 128)) + "\n-----END EC PRIVATE KEY-----\n";
        cases.add(Arguments.of("legacy encrypted SEC1 PEM", legacy, "Proc-Type: 4,ENCRYPTED"));
        cases.add(Arguments.of("legacy encrypted PEM with \\n escapes", legacy.replace("\n", "\\n"), "Proc-Type: 4,ENCRYPTED"));

        // ---- not a private key
        byte[] spki = KEY.pair.getPublic().getEncoded();
        cases.add(Arguments.of("public key PEM", pem("PUBLIC KEY", spki), "is a public key, not a private key"));
        cases.add(Arguments.of("public key DER", spki, "is a public key, not a private key"));
        cases.add(Arguments.of("public key under a PRIVATE KEY label", pem("PRIVATE KEY", spki), "is a public key, not a private key"));
        byte[] certificate = certificate(KEY.pair);
        cases.add(Arguments.of("certificate PEM", pem("CERTIFICATE", certificate), "X.509 certificate"));
        cases.add(Arguments.of("certificate DER", certificate, "X.509 certificate"));
        cases.add(Arguments.of("certificate base64 body", Base64.getEncoder().encodeToString(certificate), "X.509 certificate"));
        byte[] csr = csr(KEY.pair);
        cases.add(Arguments.of("CSR PEM", pem("CERTIFICATE REQUEST", csr), "certificate signing request"));
        cases.add(Arguments.of("CSR DER", csr, "certificate signing request"));
        cases.add(Arguments.of("PKCS#12 bundle", pkcs12(KEY.pair, certificate), "PKCS#12"));
        cases.add(Arguments.of("unknown PEM label", pem("PGP PRIVATE KEY BLOCK", randomBytes(random, 200)),
                "PEM block labelled PGP PRIVATE KEY BLOCK"));
        cases.add(Arguments.of("DER that is no key structure",
                der(new DERSequence(new ASN1ObjectIdentifier[] {TestKeys.P256_OID, TestKeys.P256_OID})), "not a private key structure"));

        // ---- damaged PEM
        cases.add(Arguments.of("missing END line", String.join("\n", lines.subList(0, lines.size() - 1)),
                "has no -----END PRIVATE KEY----- line"));
        cases.add(Arguments.of("missing BEGIN line", String.join("\n", lines.subList(1, lines.size())),
                "without a BEGIN line before it"));
        cases.add(Arguments.of("END line with four dashes", apple.replace("-----END", "----END"), "PEM armor is damaged"));
        cases.add(Arguments.of("BEGIN line with four dashes", apple.replace("KEY-----\nM", "KEY----\nM"), "PEM armor is damaged"));
        cases.add(Arguments.of("END line without dashes", apple.replace("-----END PRIVATE KEY-----", "END PRIVATE KEY"),
                "PEM armor is damaged"));
        cases.add(Arguments.of("lower-case armor", apple.replace("BEGIN PRIVATE KEY", "begin private key"), "PEM armor is damaged"));
        cases.add(Arguments.of("mismatched armor", apple.replace("END PRIVATE KEY", "END EC PRIVATE KEY"),
                "begins with BEGIN PRIVATE KEY but ends with END EC PRIVATE KEY"));
        cases.add(Arguments.of("character that is not base64", withLine(lines, 2, lines.get(2).substring(0, 10) + "*" + lines.get(2).substring(10)),
                "not base64 (line 2 after the BEGIN line)"));
        cases.add(Arguments.of("padding in the middle", withLine(lines, 1, lines.get(1).substring(0, 10) + "=" + lines.get(1).substring(11)),
                "base64 inside the PEM block PRIVATE KEY is damaged"));
        List<String> withoutLine2 = new ArrayList<>(lines);
        withoutLine2.remove(2);
        cases.add(Arguments.of("a body line missing", String.join("\n", withoutLine2), "not valid DER"));
        cases.add(Arguments.of("body cut short before END", lines.get(0) + "\n" + lines.get(1) + "\n" + lines.get(lines.size() - 1),
                "not valid DER"));
        cases.add(Arguments.of("empty PEM block", "-----BEGIN PRIVATE KEY-----\n\n-----END PRIVATE KEY-----\n", "is empty: there is no base64"));
        cases.add(Arguments.of("two keys", apple + OTHER.applePem, "holds 2 PEM blocks (PRIVATE KEY, PRIVATE KEY)"));
        cases.add(Arguments.of("key and certificate", apple + pem("CERTIFICATE", certificate), "holds 2 PEM blocks (PRIVATE KEY, CERTIFICATE)"));
        cases.add(Arguments.of("two SEC1 keys with parameters",
                pem("EC PARAMETERS", der(TestKeys.P256_OID)) + KEY.sec1Pem + OTHER.sec1Pem, "holds 2 PEM blocks (EC PRIVATE KEY, EC PRIVATE KEY)"));
        cases.add(Arguments.of("only EC PARAMETERS", pem("EC PARAMETERS", der(TestKeys.P256_OID)), "only an EC PARAMETERS block"));
        cases.add(Arguments.of("stray backslash", apple.replace("\n", "\\x"), "backslash that is not part of a \\n"));

        // ---- not a key at all
        cases.add(Arguments.of("prose", "Hello, this is not a key! Please paste the key here.", "neither PEM text"));
        cases.add(Arguments.of("a password", "hunter2hunter2", "only 14 characters long"));
        cases.add(Arguments.of("random bytes", binaryGarbage(random), "binary data"));
        byte[] derGarbage = randomBytes(random, 120);
        derGarbage[0] = 0x30;
        derGarbage[1] = (byte) 0x82;
        cases.add(Arguments.of("random bytes starting like DER", derGarbage, "not valid DER"));
        cases.add(Arguments.of("base64 of random bytes", Base64.getEncoder().encodeToString(binaryGarbage(random)), "decodes to neither"));
        cases.add(Arguments.of("base64 of prose", Base64.getEncoder().encodeToString(
                "just some text that someone encoded, not a key at all".getBytes(StandardCharsets.UTF_8)), "decodes to neither"));
        cases.add(Arguments.of("base64 of the wrong length", String.join("", TestKeys.bodyLines(apple)).substring(0, 101),
                "looks like base64 but does not decode"));
        cases.add(Arguments.of("DER with a trailing byte", Arrays.copyOf(KEY.applePkcs8, KEY.applePkcs8.length + 1), "not valid DER"));
        cases.add(Arguments.of("DER truncated", Arrays.copyOf(KEY.applePkcs8, KEY.applePkcs8.length - 7), "not valid DER"));
        cases.add(Arguments.of("DER nested 1000 deep (indefinite lengths)", nestedIndefinite(1000), "not valid DER"));
        cases.add(Arguments.of("DER nested 100 deep (definite lengths)", nestedDefinite(100), "not valid DER"));
        cases.add(Arguments.of("far too long", "A".repeat(70_000), "far more than a private key"));

        // ---- P-256, but not a valid key
        cases.add(Arguments.of("scalar zero", pem("PRIVATE KEY", TestKeys.pkcs8(TestKeys.P256_OID,
                TestKeys.sec1RawScalar(new byte[32], null, null))), "private key value is zero"));
        BigInteger n = ECNamedCurveTable.getByName("prime256v1").getN();
        cases.add(Arguments.of("scalar = n", pem("EC PRIVATE KEY", TestKeys.sec1RawScalar(unsigned32(n), null, TestKeys.P256_OID)),
                "not less than the order of P-256"));
        cases.add(Arguments.of("scalar = n + 5", pem("EC PRIVATE KEY", TestKeys.sec1RawScalar(unsigned32(n.add(BigInteger.valueOf(5))), null,
                TestKeys.P256_OID)), "not less than the order of P-256"));
        cases.add(Arguments.of("scalar = 2^256 - 1", pem("EC PRIVATE KEY", TestKeys.sec1RawScalar(unsigned32(
                BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)), null, TestKeys.P256_OID)), "not less than the order of P-256"));
        byte[] scalar33 = new byte[33];
        scalar33[0] = 1;
        cases.add(Arguments.of("scalar of 33 bytes", pem("EC PRIVATE KEY", TestKeys.sec1RawScalar(scalar33, null, TestKeys.P256_OID)),
                "private key value is 33 bytes long"));
        byte[] otherPublic = TestKeys.uncompressed((ECPublicKey) OTHER.pair.getPublic(), 32);
        cases.add(Arguments.of("embedded public key of another key (SEC1)",
                pem("EC PRIVATE KEY", TestKeys.sec1(256, KEY.d, otherPublic, TestKeys.P256_OID)), "does not belong to its private key"));
        cases.add(Arguments.of("embedded public key of another key (PKCS#8)", pem("PRIVATE KEY",
                TestKeys.pkcs8(TestKeys.P256_OID, TestKeys.sec1(256, KEY.d, otherPublic, null))), "does not belong to its private key"));
        cases.add(Arguments.of("PKCS#8 v2 publicKey of another key", pem("PRIVATE KEY", oneAsymmetricKey(KEY.sec1, otherPublic)),
                "does not belong to its private key"));
        byte[] offCurve = TestKeys.uncompressed((ECPublicKey) KEY.pair.getPublic(), 32);
        offCurve[64] ^= 1;
        cases.add(Arguments.of("embedded public key not on the curve",
                pem("EC PRIVATE KEY", TestKeys.sec1(256, KEY.d, offCurve, TestKeys.P256_OID)), "not a valid P-256 point"));
        cases.add(Arguments.of("SEC1 naming no curve, no public key", TestKeys.sec1(256, KEY.d, null, null), "does not say which curve"));
        cases.add(Arguments.of("SEC1 naming no curve, public key of another key", TestKeys.sec1(256, KEY.d, otherPublic, null),
                "does not say which curve"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void rejectedWithItsOwnMessage(String name, Object input, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> {
                    if (input instanceof byte[]) {
                        P256PrivateKeys.parse((byte[]) input);
                    } else {
                        P256PrivateKeys.parse((String) input);
                    }
                }, name);
        assertEquals(InvalidInputException.class, e.getClass());
        assertNull(e.getCause(), "no cause that could carry input");
        String message = e.getMessage();

        assertNoKeyMaterial(name, input, message);
        // only now, with no key material in it, may the message appear in a failure
        assertTrue(message.contains(expected), () -> name + ": expected \"" + expected + "\" in: " + message);
    }

    /** Fails, without showing the message, if it holds a line of the keys or 16+ characters of the input's base64. */
    private static void assertNoKeyMaterial(String name, Object input, String message) {
        Set<String> secrets = KEY.secretWindows();
        secrets.addAll(OTHER.secretWindows());
        if (input instanceof byte[]) {
            TestKeys.addWindows(secrets, Base64.getEncoder().encodeToString((byte[]) input));
            TestKeys.addBase64RunWindows(secrets, new String((byte[]) input, StandardCharsets.ISO_8859_1));
        } else if (input != null) {
            TestKeys.addBase64RunWindows(secrets, (String) input);
        }
        for (String line : TestKeys.bodyLines(KEY.applePem)) {
            assertTrue(!message.contains(line), name + ": message contains a line of the key");
        }
        assertTrue(TestKeys.leakedWindow(message, secrets) == null, name + ": message contains 16+ characters of the input's base64");
    }

    /** Cases expecting the same text get the same message; cases expecting different texts get different messages. */
    @Test
    void eachReasonHasItsOwnMessage() throws Exception {
        Map<String, Set<String>> messagesByReason = new HashMap<>();
        rejections().forEach(arguments -> {
            Object[] a = arguments.get();
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> {
                if (a[1] instanceof byte[]) {
                    P256PrivateKeys.parse((byte[]) a[1]);
                } else {
                    P256PrivateKeys.parse((String) a[1]);
                }
            });
            assertNoKeyMaterial((String) a[0], a[1], e.getMessage());
            messagesByReason.computeIfAbsent((String) a[2], k -> new HashSet<>()).add(e.getMessage());
        });
        Map<String, String> reasonByMessage = new HashMap<>();
        messagesByReason.forEach((reason, messages) -> {
            assertEquals(1, messages.size(), () -> "one message for \"" + reason + "\", got " + messages);
            String previous = reasonByMessage.put(messages.iterator().next(), reason);
            assertNull(previous, () -> "\"" + reason + "\" and \"" + previous + "\" share a message");
        });
        assertTrue(messagesByReason.size() >= 40, "reasons: " + messagesByReason.size());
    }

    // ---------------------------------------------------------------- builders

    private static String withLine(List<String> lines, int index, String replacement) {
        List<String> copy = new ArrayList<>(lines);
        copy.set(index, replacement);
        return String.join("\n", copy) + "\n";
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Random bytes that are neither DER nor UTF-8/UTF-16 text. */
    private static byte[] binaryGarbage(Random random) {
        byte[] bytes = randomBytes(random, 200);
        bytes[0] = (byte) 0x80; // a UTF-8 continuation byte cannot start text
        return bytes;
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] out = new byte[32];
        TestKeys.copyUnsigned(value, out, 0, 32);
        return out;
    }

    private static byte[] nestedIndefinite(int depth) {
        byte[] bytes = new byte[depth * 2];
        for (int i = 0; i < depth; i++) {
            bytes[2 * i] = 0x30;
            bytes[2 * i + 1] = (byte) 0x80;
        }
        return bytes;
    }

    private static byte[] nestedDefinite(int depth) {
        byte[] inner = {0x05, 0x00}; // NULL
        for (int i = 0; i < depth; i++) {
            byte[] outer = new byte[inner.length + (inner.length < 128 ? 2 : 4)];
            outer[0] = 0x30;
            if (inner.length < 128) {
                outer[1] = (byte) inner.length;
            } else {
                outer[1] = (byte) 0x82;
                outer[2] = (byte) (inner.length >> 8);
                outer[3] = (byte) inner.length;
            }
            System.arraycopy(inner, 0, outer, outer.length - inner.length, inner.length);
            inner = outer;
        }
        return inner;
    }

    /** A PKCS#8 key on another curve, made with bouncycastle's lightweight API (the JDK no longer has these curves). */
    private static byte[] bcKey(String curveName, ASN1ObjectIdentifier curveOid) {
        X9ECParameters curve = ECNamedCurveTable.getByName(curveName);
        BigInteger d = new BigInteger(curve.getN().bitLength() - 1, TestKeys.RANDOM).add(BigInteger.ONE);
        ECPoint q = curve.getG().multiply(d).normalize();
        return TestKeys.pkcs8(curveOid, TestKeys.sec1(curve.getN().bitLength(), d, q.getEncoded(false), curveOid));
    }

    private static byte[] oneAsymmetricKey(byte[] sec1, byte[] publicKey) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(1));
        v.add(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, TestKeys.P256_OID));
        v.add(new DEROctetString(sec1));
        v.add(new DERTaggedObject(false, 1, new DERBitString(publicKey)));
        return der(new DERSequence(v));
    }

    /** PKCS#8 encrypted as openssl pkcs8 -topk8 -v2 aes-256-cbc does: PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC (JDK crypto, bouncycastle ASN.1). */
    private static byte[] encryptedPkcs8(byte[] pkcs8) throws Exception {
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        TestKeys.RANDOM.nextBytes(salt);
        TestKeys.RANDOM.nextBytes(iv);
        int iterations = 2048;
        byte[] aesKey = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("test".toCharArray(), salt, iterations, 256)).getEncoded();
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(aesKey, "AES"), new IvParameterSpec(iv));
        byte[] ciphertext = cipher.doFinal(pkcs8);
        PBES2Parameters pbes2 = new PBES2Parameters(
                new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2,
                        new PBKDF2Params(salt, iterations, 32, new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))),
                new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv)));
        return der(new org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo(
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, pbes2), ciphertext));
    }

    private static ContentSigner signer(KeyPair pair) throws Exception {
        return new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()); // the JDK's default provider (SunEC)
    }

    private static byte[] certificate(KeyPair pair) throws Exception {
        X500Name name = new X500Name("CN=test");
        Date now = new Date();
        return new JcaX509v3CertificateBuilder(name, BigInteger.ONE, now, new Date(now.getTime() + 86_400_000L), name, pair.getPublic())
                .build(signer(pair))
                .getEncoded();
    }

    private static byte[] csr(KeyPair pair) throws Exception {
        return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=test"), pair.getPublic()).build(signer(pair)).getEncoded();
    }

    private static byte[] pkcs12(KeyPair pair, byte[] certificate) throws Exception {
        Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(certificate));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("key", pair.getPrivate(), "test".toCharArray(), new Certificate[] {cert});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, "test".toCharArray());
        return out.toByteArray();
    }
}
