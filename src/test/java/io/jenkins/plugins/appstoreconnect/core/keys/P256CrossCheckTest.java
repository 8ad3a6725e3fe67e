package io.jenkins.plugins.appstoreconnect.core.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What we derive and produce, checked against the JDK, nimbus-jose-jwt and openssl. */
class P256CrossCheckTest {

    @TempDir
    Path dir;

    @Test
    void derivedPublicKeyIsTheJdkKeyPairsPublicKey() {
        for (int i = 0; i < 20; i++) {
            KeyPair pair = TestKeys.p256();
            ParsedKey key = P256PrivateKeys.parse(pair.getPrivate().getEncoded()); // JDK PKCS#8: no public key inside
            ECPublicKey expected = (ECPublicKey) pair.getPublic();
            assertEquals(expected.getW(), key.publicKey().getW());
            assertArrayEquals(expected.getEncoded(), key.publicKey().getEncoded());
            assertEquals("EC", key.privateKey().getAlgorithm());
            assertEquals("PKCS#8", key.privateKey().getFormat());
        }
    }

    @Test
    void signaturesMadeWithOurKeysVerifyWithTheOriginals() throws Exception {
        KeyPair pair = TestKeys.p256();
        ParsedKey key = P256PrivateKeys.parse(TestKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        byte[] data = "header.payload".getBytes(StandardCharsets.US_ASCII);

        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key.privateKey());
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(pair.getPublic());
        verifier.update(data);
        assertTrue(verifier.verify(signature), "JDK: signed with privateKey(), verified with the original public key");

        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("{\"iss\":\"test\"}"));
        jws.sign(new ECDSASigner(key.privateKey()));
        assertTrue(JWSObject.parse(jws.serialize()).verify(new ECDSAVerifier((ECPublicKey) pair.getPublic())),
                "nimbus: ES256 with privateKey(), verified with the original public key");

        JWSObject reverse = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("{\"iss\":\"test\"}"));
        reverse.sign(new ECDSASigner((java.security.interfaces.ECPrivateKey) pair.getPrivate()));
        assertTrue(JWSObject.parse(reverse.serialize()).verify(new ECDSAVerifier(key.publicKey())),
                "nimbus: ES256 with the original private key, verified with publicKey()");
    }

    @Test
    void opensslReadsWhatWeStore() throws Exception {
        assumeTrue(TestKeys.opensslAvailable(), "openssl is not on PATH");
        ParsedKey key = P256PrivateKeys.parse(TestKeys.p256().getPrivate().getEncoded());
        Path file = dir.resolve("key.p8");
        Files.writeString(file, key.pkcs8Pem(), StandardCharsets.US_ASCII);
        assertEquals(0, TestKeys.run(dir, "openssl", "pkey", "-in", "key.p8", "-noout").exitCode);
        assertEquals(0, TestKeys.run(dir, "openssl", "ec", "-in", "key.p8", "-check", "-noout").exitCode);
        TestKeys.Result publicPem = TestKeys.run(dir, "openssl", "pkey", "-in", "key.p8", "-pubout");
        assertEquals(0, publicPem.exitCode);
        assertEquals(key.publicKeyPem(), publicPem.text());
    }

    @Test
    void fingerprintIsWhatTheDocumentedOpensslPipelinePrints() throws Exception {
        assumeTrue(TestKeys.opensslAvailable(), "openssl is not on PATH");
        assumeTrue(TestKeys.run(null, "sh", "-c", "command -v base64 && command -v tr").exitCode == 0, "sh, base64 or tr missing");
        for (int i = 0; i < 3; i++) {
            ParsedKey key = P256PrivateKeys.parse(TestKeys.p256().getPrivate().getEncoded());
            Files.writeString(dir.resolve("key.p8"), key.pkcs8Pem(), StandardCharsets.US_ASCII);
            TestKeys.Result fingerprint = TestKeys.run(dir, "sh", "-c",
                    "openssl pkey -in key.p8 -pubout -outform DER | openssl dgst -sha256 -binary | base64 | tr -d '='");
            assertEquals(0, fingerprint.exitCode);
            assertEquals(key.fingerprint(), "SHA256:" + fingerprint.text().strip());
        }
    }

    @Test
    void keysMadeByOpensslAreReadInEveryForm() throws Exception {
        assumeTrue(TestKeys.opensslAvailable(), "openssl is not on PATH");
        assertEquals(0, TestKeys.run(dir, "openssl", "ecparam", "-name", "prime256v1", "-genkey", "-out", "sec1.pem").exitCode);
        assertEquals(0, TestKeys.run(dir, "openssl", "pkcs8", "-topk8", "-nocrypt", "-in", "sec1.pem", "-out", "pkcs8.pem").exitCode);
        assertEquals(0, TestKeys.run(dir, "openssl", "pkey", "-in", "sec1.pem", "-outform", "DER", "-out", "key.der").exitCode);
        TestKeys.Result fingerprint = TestKeys.run(dir, "sh", "-c",
                "openssl pkey -in sec1.pem -pubout -outform DER | openssl dgst -sha256 -binary | base64 | tr -d '='");

        ParsedKey sec1 = P256PrivateKeys.parse(TestKeys.readString(dir.resolve("sec1.pem")));
        ParsedKey pkcs8 = P256PrivateKeys.parse(TestKeys.readString(dir.resolve("pkcs8.pem")));
        ParsedKey der = P256PrivateKeys.parse(Files.readAllBytes(dir.resolve("key.der")));
        assertEquals(KeyEncoding.SEC1_PEM, sec1.encoding(), "ecparam -genkey writes EC PARAMETERS then EC PRIVATE KEY");
        assertEquals(KeyEncoding.PKCS8_PEM, pkcs8.encoding());
        assertTrue(der.encoding() == KeyEncoding.DER_PKCS8 || der.encoding() == KeyEncoding.DER_SEC1);
        assertEquals(sec1, pkcs8);
        assertEquals(sec1, der);
        TestKeys.assertSameSecret(sec1.privateKey().getS(), pkcs8.privateKey().getS(), "private scalar");
        if (fingerprint.exitCode == 0) {
            assertEquals("SHA256:" + fingerprint.text().strip(), sec1.fingerprint());
        }
    }

    @Test
    void wrongKeysMadeByOpensslAreRejected() throws Exception {
        assumeTrue(TestKeys.opensslAvailable(), "openssl is not on PATH");
        assertEquals(0, TestKeys.run(dir, "openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "p256.pem").exitCode);
        assertRejected("secp256k1", "on curve secp256k1", "openssl", "ecparam", "-name", "secp256k1", "-genkey", "-noout", "-out", "out.pem");
        assertRejected("P-384", "on curve P-384", "openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out", "out.pem");
        assertRejected("Ed25519", "of type Ed25519", "openssl", "genpkey", "-algorithm", "ed25519", "-out", "out.pem");
        assertRejected("RSA (traditional)", "is an RSA key", "openssl", "genrsa", "-traditional", "-out", "out.pem", "1024");
        assertRejected("encrypted PKCS#8", "BEGIN ENCRYPTED PRIVATE KEY",
                "openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "p256.pem", "-passout", "pass:test", "-out", "out.pem");
        assertRejected("legacy encrypted", "Proc-Type: 4,ENCRYPTED",
                "openssl", "ec", "-in", "p256.pem", "-aes-128-cbc", "-passout", "pass:test", "-out", "out.pem");
        assertRejected("self-signed certificate", "X.509 certificate",
                "openssl", "req", "-new", "-x509", "-key", "p256.pem", "-subj", "/CN=test", "-days", "1", "-out", "out.pem");
        assertRejected("CSR", "certificate signing request",
                "openssl", "req", "-new", "-key", "p256.pem", "-subj", "/CN=test", "-out", "out.pem");
        assertRejected("public key", "is a public key", "openssl", "pkey", "-in", "p256.pem", "-pubout", "-out", "out.pem");
    }

    private void assertRejected(String what, String expected, String... command) throws Exception {
        Files.deleteIfExists(dir.resolve("out.pem"));
        TestKeys.Result result = TestKeys.run(dir, command);
        if (result.exitCode != 0 || !Files.exists(dir.resolve("out.pem"))) {
            System.out.println("openssl could not make a " + what + " here; that case is skipped");
            return;
        }
        String text = TestKeys.readString(dir.resolve("out.pem"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> P256PrivateKeys.parse(text), what);
        assertTrue(e.getMessage().contains(expected), () -> what + ": " + e.getMessage());
    }
}
