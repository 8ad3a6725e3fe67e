package io.jenkins.plugins.appstoreconnect.core.keys;

import static io.jenkins.plugins.appstoreconnect.core.keys.TestKeys.der;
import static io.jenkins.plugins.appstoreconnect.core.keys.TestKeys.pem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every form a user may paste or store, built at test time from one generated key, gives that key. */
class P256PrivateKeysAcceptTest {

    private static final TestKeys.P256Fixture KEY = new TestKeys.P256Fixture();

    static Stream<Arguments> acceptedForms() {
        String apple = KEY.applePem;
        String sec1 = KEY.sec1Pem;
        String jdk = pem("PRIVATE KEY", KEY.jdkPkcs8);
        String appleBody = String.join("", TestKeys.bodyLines(apple));
        String sec1Body = String.join("", TestKeys.bodyLines(sec1));
        String params = pem("EC PARAMETERS", der(TestKeys.P256_OID));
        byte[] publicKey = TestKeys.uncompressed((ECPublicKey) KEY.pair.getPublic(), 32);
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (2 + (publicKey[64] & 1));
        System.arraycopy(publicKey, 1, compressed, 1, 32);

        // PKCS#8 v2 (OneAsymmetricKey, RFC 5958) with the public key beside the private key
        ASN1EncodableVector v2 = new ASN1EncodableVector();
        v2.add(new ASN1Integer(1));
        v2.add(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, TestKeys.P256_OID));
        v2.add(new DEROctetString(KEY.sec1));
        v2.add(new DERTaggedObject(false, 1, new DERBitString(publicKey)));
        byte[] oneAsymmetricKey = der(new DERSequence(v2));

        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("PKCS#8 PEM, Apple's .p8 layout", apple, KeyEncoding.PKCS8_PEM));
        cases.add(Arguments.of("PKCS#8 PEM, the JDK's layout (no public key inside)", jdk, KeyEncoding.PKCS8_PEM));
        cases.add(Arguments.of("PKCS#8 v2 PEM with publicKey", pem("PRIVATE KEY", oneAsymmetricKey), KeyEncoding.PKCS8_PEM));
        cases.add(Arguments.of("SEC1 PEM", sec1, KeyEncoding.SEC1_PEM));
        cases.add(Arguments.of("SEC1 PEM after EC PARAMETERS (openssl ecparam -genkey)", params + sec1, KeyEncoding.SEC1_PEM));
        cases.add(Arguments.of("PEM with CRLF", apple.replace("\n", "\r\n"), KeyEncoding.PKCS8_PEM));
        cases.add(Arguments.of("PEM with CR only", apple.replace("\n", "\r"), KeyEncoding.PKCS8_PEM));
        cases.add(Arguments.of("PEM without trailing newline", apple.strip(), KeyEncoding.PKCS8_PEM));
        cases.add(Arguments.of("PEM with a UTF-8 BOM", "\uFEFF" + apple, KeyEncoding.PKCS8_PEM));
        cases.add(Arguments.of("PEM with blank lines, spaces, tabs, indentation",
                "\n\n \t\n" + apple.lines().map(line -> "\t  " + line + " \t").collect(Collectors.joining("\n\n")) + "\n\n \t",
                KeyEncoding.PKCS8_PEM));
        cases.add(Arguments.of("PEM with text around it (RFC 7468)",
                "Bag Attributes\n    friendlyName: test\n" + apple + "trailing note\n", KeyEncoding.PKCS8_PEM));
        cases.add(Arguments.of("PEM with the body on one line",
                "-----BEGIN PRIVATE KEY-----\n" + appleBody + "\n-----END PRIVATE KEY-----", KeyEncoding.PKCS8_PEM));
        cases.add(Arguments.of("PEM with 76-column lines",
                "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(KEY.applePkcs8) + "\n-----END PRIVATE KEY-----\n",
                KeyEncoding.PKCS8_PEM));
        cases.add(Arguments.of("PEM on one line, line breaks turned into spaces", apple.replace("\n", " "), KeyEncoding.PKCS8_PEM));
        cases.add(Arguments.of("PEM in double quotes", "\"" + apple + "\"", KeyEncoding.PKCS8_PEM));
        cases.add(Arguments.of("PEM in single quotes", "'" + apple.strip() + "'\n", KeyEncoding.PKCS8_PEM));
        cases.add(Arguments.of("PKCS#8 PEM with \\n escapes", apple.replace("\n", "\\n"), KeyEncoding.PKCS8_PEM_ESCAPED_NEWLINES));
        cases.add(Arguments.of("PKCS#8 PEM with \\r\\n escapes", apple.replace("\n", "\\r\\n"), KeyEncoding.PKCS8_PEM_ESCAPED_NEWLINES));
        cases.add(Arguments.of("PKCS#8 PEM with \\n escapes, no trailing escape", apple.strip().replace("\n", "\\n"),
                KeyEncoding.PKCS8_PEM_ESCAPED_NEWLINES));
        cases.add(Arguments.of("PKCS#8 PEM as a JSON string value (quotes, \\n, \\/)",
                "\"" + apple.replace("\n", "\\n").replace("/", "\\/") + "\"", KeyEncoding.PKCS8_PEM_ESCAPED_NEWLINES));
        cases.add(Arguments.of("PKCS#8 PEM escaped twice (\\\\n)", apple.replace("\n", "\\\\n"), KeyEncoding.PKCS8_PEM_ESCAPED_NEWLINES));
        cases.add(Arguments.of("SEC1 PEM with \\n escapes", (params + sec1).replace("\n", "\\n"), KeyEncoding.SEC1_PEM_ESCAPED_NEWLINES));
        cases.add(Arguments.of("base64 body of PKCS#8, one line", appleBody, KeyEncoding.BASE64_BODY_PKCS8));
        cases.add(Arguments.of("base64 body of PKCS#8, with its line breaks", String.join("\n", TestKeys.bodyLines(apple)),
                KeyEncoding.BASE64_BODY_PKCS8));
        cases.add(Arguments.of("base64 body of PKCS#8, CRLF, spaces and tabs",
                " \t" + String.join(" \r\n\t", TestKeys.bodyLines(apple)) + "\r\n", KeyEncoding.BASE64_BODY_PKCS8));
        cases.add(Arguments.of("base64 body of PKCS#8 without padding", appleBody.replace("=", ""), KeyEncoding.BASE64_BODY_PKCS8));
        cases.add(Arguments.of("base64 body of PKCS#8 in quotes with \\n escapes",
                "\"" + String.join("\\n", TestKeys.bodyLines(apple)) + "\"", KeyEncoding.BASE64_BODY_PKCS8));
        cases.add(Arguments.of("base64 body of SEC1", sec1Body, KeyEncoding.BASE64_BODY_SEC1));
        cases.add(Arguments.of("base64 of the whole PKCS#8 PEM file (fastlane)", b64(apple), KeyEncoding.BASE64_OF_PEM));
        cases.add(Arguments.of("base64 of the whole SEC1 PEM file with EC PARAMETERS", b64(params + sec1), KeyEncoding.BASE64_OF_PEM));
        cases.add(Arguments.of("base64 of a CRLF PEM file, wrapped at 76", Base64.getMimeEncoder().encodeToString(
                apple.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)), KeyEncoding.BASE64_OF_PEM));
        cases.add(Arguments.of("DER, PKCS#8 (Apple's layout)", KEY.applePkcs8, KeyEncoding.DER_PKCS8));
        cases.add(Arguments.of("DER, PKCS#8 (the JDK's layout)", KEY.jdkPkcs8, KeyEncoding.DER_PKCS8));
        cases.add(Arguments.of("DER, SEC1", KEY.sec1, KeyEncoding.DER_SEC1));
        cases.add(Arguments.of("bytes: PEM in UTF-8", apple.getBytes(StandardCharsets.UTF_8), KeyEncoding.PKCS8_PEM));
        cases.add(Arguments.of("bytes: PEM in UTF-8 with BOM", ("\uFEFF" + apple).getBytes(StandardCharsets.UTF_8), KeyEncoding.PKCS8_PEM));
        cases.add(Arguments.of("bytes: PEM in UTF-16LE with BOM (PowerShell)", utf16le(apple), KeyEncoding.PKCS8_PEM));
        cases.add(Arguments.of("bytes: PEM in UTF-16BE with BOM", ("\uFEFF" + apple).getBytes(StandardCharsets.UTF_16BE),
                KeyEncoding.PKCS8_PEM));
        cases.add(Arguments.of("bytes: base64 of the whole PEM", b64(apple).getBytes(StandardCharsets.US_ASCII), KeyEncoding.BASE64_OF_PEM));
        cases.add(Arguments.of("SEC1 PEM with explicit P-256 parameters",
                pem("EC PRIVATE KEY", TestKeys.sec1(256, KEY.d, publicKey, ECNamedCurveTable.getByName("prime256v1"))),
                KeyEncoding.SEC1_PEM));
        cases.add(Arguments.of("SEC1 DER without curve, vouched for by its public key",
                TestKeys.sec1(256, KEY.d, publicKey, null), KeyEncoding.DER_SEC1));
        cases.add(Arguments.of("SEC1 PEM with a compressed public key",
                pem("EC PRIVATE KEY", TestKeys.sec1(256, KEY.d, compressed, TestKeys.P256_OID)), KeyEncoding.SEC1_PEM));
        cases.add(Arguments.of("PKCS#8 label around SEC1 content",
                pem("PRIVATE KEY", KEY.sec1), KeyEncoding.SEC1_PEM));
        return cases.stream();
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] utf16le(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedForms")
    void everyFormGivesTheSameKey(String name, Object input, KeyEncoding expected) {
        ParsedKey key = input instanceof String ? P256PrivateKeys.parse((String) input) : P256PrivateKeys.parse((byte[]) input);
        assertEquals(expected, key.encoding(), name);
        assertEquals(KEY.expectedFingerprint, key.fingerprint(), name);
        TestKeys.assertSameSecret(KEY.d, key.privateKey().getS(), name + ": private scalar");
        assertEquals(KEY.pair.getPublic(), key.publicKey(), name);
        TestKeys.assertSameSecret(KEY.applePkcs8, key.pkcs8Der(), name + ": PKCS#8 DER normalised to Apple's .p8 layout");
        TestKeys.assertSameSecret(KEY.applePem, key.pkcs8Pem(), name + ": PKCS#8 PEM");
    }
}
