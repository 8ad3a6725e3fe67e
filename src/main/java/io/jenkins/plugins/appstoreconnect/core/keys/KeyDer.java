package io.jenkins.plugins.appstoreconnect.core.keys;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Reads DER that should be an EC private key (PKCS#8 PrivateKeyInfo/OneAsymmetricKey or SEC1
 * ECPrivateKey, RFC 5208/5958/5915) and tells precisely what it is when it is something else. Uses
 * bouncycastle's ASN.1 classes only, after {@link DerShape} has vetted the bytes.
 */
final class KeyDer {

    enum Form { PKCS8, SEC1 }

    /** What a P-256 key's DER holds, before the values are checked. */
    static final class EcKey {
        final Form form;
        final byte[] scalar;
        /** Whether the DER names P-256 (or spells out its parameters); if not, a matching embedded public key must vouch for it. */
        final boolean curveNamed;
        final List<byte[]> embeddedPublicKeys;

        EcKey(Form form, byte[] scalar, boolean curveNamed, List<byte[]> embeddedPublicKeys) {
            this.form = form;
            this.scalar = scalar;
            this.curveNamed = curveNamed;
            this.embeddedPublicKeys = embeddedPublicKeys;
        }
    }

    /** Result of looking at curve parameters: P-256, absent, or a rejection message. */
    private static final String P256_CURVE = "P-256";
    private static final String NO_PARAMETERS = "none";

    private static final Map<String, String> CURVE_NAMES = Map.of(
            "1.3.132.0.34", "P-384 (secp384r1)",
            "1.3.132.0.35", "P-521 (secp521r1)",
            "1.3.132.0.33", "P-224 (secp224r1)",
            "1.2.840.10045.3.1.1", "P-192 (prime192v1)",
            "1.3.132.0.10", "secp256k1 (the Bitcoin curve)",
            "1.2.156.10197.1.301", "SM2 (sm2p256v1)");

    private static final Map<String, String> ALGORITHM_NAMES = Map.ofEntries(
            Map.entry("1.3.101.112", "Ed25519"),
            Map.entry("1.3.101.113", "Ed448"),
            Map.entry("1.3.101.110", "X25519"),
            Map.entry("1.3.101.111", "X448"),
            Map.entry("1.2.840.10040.4.1", "DSA"),
            Map.entry("1.2.840.113549.1.3.1", "Diffie-Hellman"),
            Map.entry("1.2.840.10046.2.1", "Diffie-Hellman (X9.42)"),
            Map.entry("1.3.132.1.12", "EC restricted to key agreement (id-ecDH)"),
            Map.entry("1.3.132.1.13", "EC restricted to key agreement (id-ecMQV)"),
            Map.entry("1.2.643.2.2.19", "GOST R 34.10-2001"),
            Map.entry("1.2.643.7.1.1.1.1", "GOST R 34.10-2012 (256-bit)"),
            Map.entry("1.2.643.7.1.1.1.2", "GOST R 34.10-2012 (512-bit)"),
            Map.entry("2.16.840.1.101.3.4.3.17", "ML-DSA-44"),
            Map.entry("2.16.840.1.101.3.4.3.18", "ML-DSA-65"),
            Map.entry("2.16.840.1.101.3.4.3.19", "ML-DSA-87"),
            Map.entry("2.16.840.1.101.3.4.4.1", "ML-KEM-512"),
            Map.entry("2.16.840.1.101.3.4.4.2", "ML-KEM-768"),
            Map.entry("2.16.840.1.101.3.4.4.3", "ML-KEM-1024"));

    private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
    private static final String RSASSA_PSS = "1.2.840.113549.1.1.10";

    private KeyDer() {}

    /** Reads a P-256 private key's structure, or throws {@link InvalidInputException} saying what the bytes are instead. */
    static EcKey read(byte[] der) {
        return classify(sequence(der, KeyMessages.NOT_DER));
    }

    private static ASN1Sequence sequence(byte[] der, String messageIfDamaged) {
        if (!DerShape.isSingleElement(der)) {
            throw new InvalidInputException(messageIfDamaged);
        }
        ASN1Primitive primitive;
        try {
            primitive = ASN1Primitive.fromByteArray(der);
        } catch (IOException | RuntimeException e) { // no cause: bouncycastle's messages may quote the bytes
            throw new InvalidInputException(messageIfDamaged);
        }
        if (!(primitive instanceof ASN1Sequence)) {
            throw new InvalidInputException(
                    messageIfDamaged.equals(KeyMessages.NOT_DER) ? KeyMessages.NOT_KEY_STRUCTURE : messageIfDamaged);
        }
        return (ASN1Sequence) primitive;
    }

    private static EcKey classify(ASN1Sequence seq) {
        int size = seq.size();
        if (size == 0) {
            throw new InvalidInputException(KeyMessages.NOT_KEY_STRUCTURE);
        }
        ASN1Encodable first = seq.getObjectAt(0);
        if (first instanceof ASN1Integer) {
            BigInteger version = ((ASN1Integer) first).getValue();
            if (size >= 3 && seq.getObjectAt(1) instanceof ASN1Sequence && seq.getObjectAt(2) instanceof ASN1OctetString) {
                return pkcs8(seq, version);
            }
            if (size >= 2 && BigInteger.ONE.equals(version) && seq.getObjectAt(1) instanceof ASN1OctetString) {
                return sec1(seq, NO_PARAMETERS, KeyMessages.NOT_KEY_STRUCTURE, Form.SEC1);
            }
            if (version.signum() == 0 && size >= 9 && allIntegers(seq)) {
                throw new InvalidInputException(KeyMessages.RSA); // PKCS#1 RSAPrivateKey
            }
            if (version.signum() == 0 && size == 6 && allIntegers(seq)) {
                throw new InvalidInputException(KeyMessages.otherAlgorithm("DSA")); // OpenSSL's traditional DSA key
            }
            if (BigInteger.valueOf(3).equals(version) && size >= 2 && seq.getObjectAt(1) instanceof ASN1Sequence) {
                throw new InvalidInputException(KeyMessages.PKCS12); // PFX
            }
        } else if (first instanceof ASN1Sequence) {
            ASN1Sequence head = (ASN1Sequence) first;
            ASN1Encodable second = size >= 2 ? seq.getObjectAt(1) : null;
            if (size == 2 && second instanceof ASN1BitString) {
                throw new InvalidInputException(KeyMessages.PUBLIC_KEY); // SubjectPublicKeyInfo
            }
            if (size == 2 && second instanceof ASN1OctetString && head.size() >= 1
                    && head.getObjectAt(0) instanceof ASN1ObjectIdentifier) {
                throw new InvalidInputException(KeyMessages.ENCRYPTED_PKCS8); // EncryptedPrivateKeyInfo
            }
            if (size == 3 && second instanceof ASN1Sequence && seq.getObjectAt(2) instanceof ASN1BitString) {
                if (head.size() >= 6) {
                    throw new InvalidInputException(KeyMessages.CERTIFICATE); // TBSCertificate has 6 to 10 fields
                }
                if (head.size() >= 3 && head.getObjectAt(0) instanceof ASN1Integer) {
                    throw new InvalidInputException(KeyMessages.CSR); // CertificationRequestInfo has 4
                }
            }
        }
        throw new InvalidInputException(KeyMessages.NOT_KEY_STRUCTURE);
    }

    private static boolean allIntegers(ASN1Sequence seq) {
        for (ASN1Encodable element : seq) {
            if (!(element instanceof ASN1Integer)) {
                return false;
            }
        }
        return true;
    }

    private static EcKey pkcs8(ASN1Sequence seq, BigInteger version) {
        if (!(version.signum() == 0 || BigInteger.ONE.equals(version))) {
            throw new InvalidInputException(KeyMessages.NOT_KEY_STRUCTURE);
        }
        AlgorithmIdentifier algorithm;
        try {
            algorithm = AlgorithmIdentifier.getInstance(seq.getObjectAt(1));
        } catch (RuntimeException e) {
            throw new InvalidInputException(KeyMessages.NOT_KEY_STRUCTURE);
        }
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (!P256.EC_PUBLIC_KEY.equals(oid)) {
            throw new InvalidInputException(algorithmRejection(oid.getId()));
        }
        String outerCurve = curve(algorithm.getParameters());
        if (!outerCurve.equals(P256_CURVE) && !outerCurve.equals(NO_PARAMETERS)) {
            throw new InvalidInputException(outerCurve);
        }
        ASN1Sequence inner = sequence(((ASN1OctetString) seq.getObjectAt(2)).getOctets(), KeyMessages.INNER_DAMAGED);
        if (inner.size() < 2
                || !(inner.getObjectAt(0) instanceof ASN1Integer)
                || !BigInteger.ONE.equals(((ASN1Integer) inner.getObjectAt(0)).getValue())
                || !(inner.getObjectAt(1) instanceof ASN1OctetString)) {
            throw new InvalidInputException(KeyMessages.INNER_DAMAGED);
        }
        EcKey key = sec1(inner, outerCurve, KeyMessages.INNER_DAMAGED, Form.PKCS8);
        // OneAsymmetricKey (RFC 5958): attributes [0] IMPLICIT, publicKey [1] IMPLICIT BIT STRING; nothing else
        int previousTag = -1;
        for (int i = 3; i < seq.size(); i++) {
            ASN1Encodable element = seq.getObjectAt(i);
            if (!(element instanceof ASN1TaggedObject)
                    || ((ASN1TaggedObject) element).getTagClass() != BERTags.CONTEXT_SPECIFIC
                    || ((ASN1TaggedObject) element).getTagNo() > 1
                    || ((ASN1TaggedObject) element).getTagNo() <= previousTag) {
                throw new InvalidInputException(KeyMessages.NOT_KEY_STRUCTURE);
            }
            previousTag = ((ASN1TaggedObject) element).getTagNo();
            if (((ASN1TaggedObject) element).getTagNo() == 1) {
                key.embeddedPublicKeys.add(bitStringOctets(() -> ASN1BitString.getInstance((ASN1TaggedObject) element, false)));
            }
        }
        return key;
    }

    /**
     * SEC1 ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING, parameters [0] OPTIONAL,
     * publicKey [1] BIT STRING OPTIONAL }. {@code outerCurve} is what an enclosing PKCS#8 said.
     */
    private static EcKey sec1(ASN1Sequence seq, String outerCurve, String damaged, Form form) {
        byte[] scalar = ((ASN1OctetString) seq.getObjectAt(1)).getOctets();
        ASN1Encodable parameters = null;
        List<byte[]> publicKeys = new ArrayList<>(2);
        int previousTag = -1;
        for (int i = 2; i < seq.size(); i++) {
            ASN1Encodable element = seq.getObjectAt(i);
            if (!(element instanceof ASN1TaggedObject)
                    || ((ASN1TaggedObject) element).getTagClass() != BERTags.CONTEXT_SPECIFIC
                    || ((ASN1TaggedObject) element).getTagNo() <= previousTag) { // in order, each at most once
                throw new InvalidInputException(damaged);
            }
            ASN1TaggedObject tagged = (ASN1TaggedObject) element;
            previousTag = tagged.getTagNo();
            if (tagged.getTagNo() == 0) {
                try {
                    parameters = tagged.getExplicitBaseObject();
                } catch (RuntimeException e) {
                    throw new InvalidInputException(damaged);
                }
            } else if (tagged.getTagNo() == 1) {
                publicKeys.add(bitStringOctets(() -> ASN1BitString.getInstance(tagged.getExplicitBaseObject())));
            } else {
                throw new InvalidInputException(damaged); // RFC 5915 defines [0] and [1] only
            }
        }
        String innerCurve = curve(parameters);
        boolean named;
        if (innerCurve.equals(NO_PARAMETERS)) {
            named = outerCurve.equals(P256_CURVE);
        } else if (innerCurve.equals(P256_CURVE)) {
            named = true;
        } else if (outerCurve.equals(P256_CURVE)) {
            throw new InvalidInputException(KeyMessages.TWO_CURVES);
        } else {
            throw new InvalidInputException(innerCurve);
        }
        return new EcKey(form, scalar, named, publicKeys);
    }

    private interface BitStringSource {
        ASN1BitString get();
    }

    private static byte[] bitStringOctets(BitStringSource source) {
        try {
            return source.get().getOctets();
        } catch (RuntimeException e) { // not a BIT STRING, or not whole bytes
            throw new InvalidInputException(KeyMessages.BAD_EMBEDDED_PUBLIC_KEY);
        }
    }

    /** {@link #P256_CURVE}, {@link #NO_PARAMETERS}, or the message rejecting the curve. */
    private static String curve(ASN1Encodable parameters) {
        if (parameters == null) {
            return NO_PARAMETERS;
        }
        ASN1Primitive primitive = parameters.toASN1Primitive();
        if (primitive instanceof ASN1Null) {
            return NO_PARAMETERS; // implicitlyCA: the curve is "whatever the context says"; there is no context
        }
        if (primitive instanceof ASN1ObjectIdentifier) {
            ASN1ObjectIdentifier oid = (ASN1ObjectIdentifier) primitive;
            return P256.OID.equals(oid) ? P256_CURVE : KeyMessages.wrongCurve(curveName(oid));
        }
        if (primitive instanceof ASN1Sequence) {
            try { // bouncycastle decodes the generator lazily: keep every use inside
                X9ECParameters explicit = X9ECParameters.getInstance(primitive);
                return isP256(explicit) ? P256_CURVE : KeyMessages.explicitCurve(explicit.getCurve().getFieldSize());
            } catch (RuntimeException e) {
                return KeyMessages.NOT_KEY_STRUCTURE;
            }
        }
        return KeyMessages.NOT_KEY_STRUCTURE;
    }

    private static boolean isP256(X9ECParameters explicit) {
        X9ECParameters p256 = P256.DOMAIN;
        if (!explicit.getCurve().equals(p256.getCurve()) || !p256.getN().equals(explicit.getN())) {
            return false;
        }
        ECPoint g = explicit.getG().normalize();
        ECPoint expected = p256.getG().normalize();
        return g.getAffineXCoord().toBigInteger().equals(expected.getAffineXCoord().toBigInteger())
                && g.getAffineYCoord().toBigInteger().equals(expected.getAffineYCoord().toBigInteger());
    }

    /** A human name for a curve OID: P-384 style where there is one, else bouncycastle's name, else the OID. */
    static String curveName(ASN1ObjectIdentifier oid) {
        String name = CURVE_NAMES.get(oid.getId());
        if (name != null) {
            return name;
        }
        try {
            name = ECNamedCurveTable.getName(oid);
        } catch (RuntimeException e) {
            name = null;
        }
        if (name != null) {
            return name;
        }
        return describeUnknownOid(oid.getId(), "a curve");
    }

    private static String algorithmRejection(String oid) {
        if (RSA_ENCRYPTION.equals(oid) || RSASSA_PSS.equals(oid)) {
            return KeyMessages.RSA;
        }
        String name = ALGORITHM_NAMES.get(oid);
        return KeyMessages.otherAlgorithm(name != null ? name : describeUnknownOid(oid, "an algorithm"));
    }

    private static String describeUnknownOid(String oid, String what) {
        return oid.length() <= 64
                ? "OID " + oid + " (" + what + " this plugin does not know)"
                : "unknown (" + what + " this plugin does not know)";
    }
}
