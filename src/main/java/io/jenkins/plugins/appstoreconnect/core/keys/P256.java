package io.jenkins.plugins.appstoreconnect.core.keys;

import java.io.IOException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * The P-256 domain in both worlds: bouncycastle's lightweight EC math (no JCE provider is registered)
 * and the JDK's {@link ECParameterSpec} for building SunEC key objects.
 */
final class P256 {

    static final ASN1ObjectIdentifier OID = SECObjectIdentifiers.secp256r1; // 1.2.840.10045.3.1.7 = prime256v1
    static final ASN1ObjectIdentifier EC_PUBLIC_KEY = X9ObjectIdentifiers.id_ecPublicKey;
    static final X9ECParameters DOMAIN = CustomNamedCurves.getByOID(OID);
    static final BigInteger N = DOMAIN.getN();
    static final ECParameterSpec JDK_SPEC = jdkSpec();

    private P256() {}

    private static ECParameterSpec jdkSpec() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime does not support the P-256 curve (secp256r1)", e);
        }
    }

    /** Q = d·G, normalised. {@code d} must already be in [1, n-1]. */
    static ECPoint publicPoint(BigInteger d) {
        return new FixedPointCombMultiplier().multiply(DOMAIN.getG(), d).normalize();
    }

    /** Whether the given JDK parameters describe P-256 (whatever provider made them). */
    static boolean isP256(ECParameterSpec spec) {
        return spec != null
                && spec.getCurve().equals(JDK_SPEC.getCurve())
                && spec.getGenerator().equals(JDK_SPEC.getGenerator())
                && spec.getOrder().equals(JDK_SPEC.getOrder())
                && spec.getCofactor() == JDK_SPEC.getCofactor();
    }

    static ECPrivateKey jdkPrivateKey(BigInteger d) {
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(d, JDK_SPEC));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("The Java runtime could not build a P-256 private key object", e);
        }
    }

    static ECPublicKey jdkPublicKey(ECPoint q) {
        java.security.spec.ECPoint w = new java.security.spec.ECPoint(
                q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, JDK_SPEC));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("The Java runtime could not build a P-256 public key object", e);
        }
    }

    /** X.509 SubjectPublicKeyInfo DER of a P-256 point: named curve, uncompressed point (what {@code openssl -pubout} writes). */
    static byte[] subjectPublicKeyInfo(java.security.spec.ECPoint w) {
        ECPoint q = DOMAIN.getCurve().createPoint(w.getAffineX(), w.getAffineY());
        return encode(new SubjectPublicKeyInfo(new AlgorithmIdentifier(EC_PUBLIC_KEY, OID), q.getEncoded(false)));
    }

    /**
     * PKCS#8 PrivateKeyInfo DER laid out exactly like App Store Connect's {@code .p8} files: algorithm
     * id-ecPublicKey with the named curve prime256v1, wrapping a SEC1 ECPrivateKey that holds the
     * 32-byte scalar, the named curve again and the uncompressed public key.
     */
    static byte[] pkcs8(BigInteger d, ECPoint q) {
        org.bouncycastle.asn1.sec.ECPrivateKey sec1 =
                new org.bouncycastle.asn1.sec.ECPrivateKey(256, d, new DERBitString(q.getEncoded(false)), OID);
        try {
            return encode(new PrivateKeyInfo(new AlgorithmIdentifier(EC_PUBLIC_KEY, OID), sec1));
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding failed", e);
        }
    }

    private static byte[] encode(org.bouncycastle.asn1.ASN1Object object) {
        try {
            return object.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding failed", e);
        }
    }
}
