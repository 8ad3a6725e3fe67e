package io.jenkins.plugins.appstoreconnect.core.token;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;
import java.util.Base64;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;

/** Keys made at test time, and hand-crafted tokens. Nothing here is ever printed. */
final class TestKeys {

    static final String KID = "ABCDE12345";
    static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";

    private static final KeyPair P256 = generate("secp256r1");

    private TestKeys() {}

    /** One P-256 key pair shared by the tests of a JVM (generating is cheap, but not free). */
    static KeyPair p256() {
        return P256;
    }

    static ECPrivateKey privateKey() {
        return (ECPrivateKey) P256.getPrivate();
    }

    static ECPublicKey publicKey() {
        return (ECPublicKey) P256.getPublic();
    }

    static KeyPair generate(String curve) {
        return io.jenkins.plugins.appstoreconnect.TestKeys.generate(curve);
    }

    /** secp256k1 parameters (a 256-bit curve that is not P-256), from bouncycastle's lightweight API. */
    static ECParameterSpec secp256k1() {
        X9ECParameters x9 = SECNamedCurves.getByName("secp256k1");
        EllipticCurve curve = new EllipticCurve(new ECFieldFp(x9.getCurve().getField().getCharacteristic()),
                x9.getCurve().getA().toBigInteger(), x9.getCurve().getB().toBigInteger());
        org.bouncycastle.math.ec.ECPoint g = x9.getG().normalize();
        return new ECParameterSpec(curve, new ECPoint(g.getAffineXCoord().toBigInteger(), g.getAffineYCoord().toBigInteger()),
                x9.getN(), x9.getH().intValueExact());
    }

    /** An {@link ECPrivateKey} with arbitrary parameters and scalar, for the curve checks (never used to sign). */
    static ECPrivateKey fakePrivateKey(ECParameterSpec params, BigInteger s) {
        return new ECPrivateKey() {
            private static final long serialVersionUID = 1L;

            @Override
            public BigInteger getS() {
                return s;
            }

            @Override
            public String getAlgorithm() {
                return "EC";
            }

            @Override
            public String getFormat() {
                return "PKCS#8";
            }

            @Override
            public byte[] getEncoded() {
                return null;
            }

            @Override
            public ECParameterSpec getParams() {
                return params;
            }
        };
    }

    static String b64url(String s) {
        return b64url(s.getBytes(StandardCharsets.UTF_8));
    }

    static String b64url(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static byte[] unb64url(String s) {
        return Base64.getUrlDecoder().decode(s);
    }

    /** A token with exactly this header and payload JSON, validly signed (ES256, R||S) with {@code key}. */
    static String craft(String headerJson, String payloadJson, ECPrivateKey key) {
        String input = b64url(headerJson) + "." + b64url(payloadJson);
        try {
            Signature sig = Signature.getInstance("SHA256withECDSAinP1363Format");
            sig.initSign(key);
            sig.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64url(sig.sign());
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
