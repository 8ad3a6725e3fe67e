package io.jenkins.plugins.appstoreconnect.core.keys;

/**
 * Every message {@link P256PrivateKeys} rejects input with. Built from fixed text, lengths, counts,
 * PEM labels (restricted to capital letters, digits and spaces), curve and algorithm names and OIDs;
 * never from key bytes.
 */
final class KeyMessages {

    private KeyMessages() {}

    static final String P8_HINT = "Paste the contents of the AuthKey_<KEY ID>.p8 file downloaded from App Store Connect"
            + " (Users and Access > Integrations > App Store Connect API); it starts with -----BEGIN PRIVATE KEY-----.";
    private static final String AS_DOWNLOADED = "Use the .p8 file as downloaded from App Store Connect"
            + " (a key can be downloaded only once; if the file is lost or damaged, revoke the key and generate a new one).";
    private static final String NEEDS_P256 = "App Store Connect keys use P-256 (prime256v1/secp256r1).";

    // ---- the input as a whole
    static final String EMPTY = "No private key was given: the input is empty or only whitespace. " + P8_HINT;
    static final String NOT_RECOGNISED = "The input is not a private key: it is neither PEM text (-----BEGIN PRIVATE KEY-----),"
            + " nor base64, nor DER key data. " + P8_HINT;
    static final String BINARY = "The input is binary data, but neither text nor DER-encoded key data. " + P8_HINT;
    static final String BAD_ESCAPE = "The input contains a backslash that is not part of a \\n (line break) escape,"
            + " so it is not a PEM key. Paste the key exactly as in the .p8 file, or with each line break written as \\n.";
    static final String BASE64_DAMAGED = "The input looks like base64 but does not decode: its length or padding is wrong,"
            + " so it was probably cut off or edited when copying. " + P8_HINT;
    static final String BASE64_NEITHER = "The input is valid base64, but it decodes to neither a PEM file nor DER key data. "
            + P8_HINT;

    static String tooLarge(int length, String unit) {
        return "The input is " + length + " " + unit + " long, far more than a private key"
                + " (an App Store Connect .p8 file is about 250 characters). " + P8_HINT;
    }

    static String tooShort(int length) {
        return "The input is only " + length + " characters long, too short to be a private key. " + P8_HINT;
    }

    // ---- PEM armor
    static final String ARMOR_DAMAGED = "The PEM armor is damaged: a private key needs a -----BEGIN PRIVATE KEY----- line"
            + " and a matching -----END PRIVATE KEY----- line, with five dashes on each side. Copy the whole .p8 file,"
            + " including both lines.";
    static final String PARAMS_ONLY = "The input holds only an EC PARAMETERS block and no private key; the"
            + " -----BEGIN EC PRIVATE KEY----- block that normally follows it is missing.";

    static String missingEnd(String label) {
        return "The PEM block BEGIN " + label + " has no -----END " + label + "----- line; the key was probably cut off"
                + " when copying. Copy the whole .p8 file, including the END line.";
    }

    static String endWithoutBegin(String label) {
        return "The input has an -----END " + label + "----- line without a BEGIN line before it; the start of the key"
                + " is missing. Copy the whole .p8 file, including the BEGIN line.";
    }

    static String mismatchedArmor(String begin, String end) {
        return "The PEM armor lines do not match: the block begins with BEGIN " + begin + " but ends with END " + end
                + ", so the key was edited or pieced together. " + AS_DOWNLOADED;
    }

    static String multipleBlocks(int count, String labels) {
        return "The input holds " + count + " PEM blocks (" + labels + "); paste exactly one private key, nothing else.";
    }

    static String emptyBlock(String label) {
        return "The PEM block " + label + " is empty: there is no base64 between its BEGIN and END lines. " + P8_HINT;
    }

    static String notBase64InBlock(String label, int line) {
        return "The PEM block " + label + " contains characters that are not base64 (line " + line
                + " after the BEGIN line); the key was damaged when copying. " + AS_DOWNLOADED;
    }

    static String base64DamagedInBlock(String label) {
        return "The base64 inside the PEM block " + label + " is damaged: its length or padding is wrong, so part of it"
                + " is missing or was cut off. Copy the whole .p8 file again.";
    }

    static String unknownLabel(String label) {
        return "The input is a PEM block labelled " + label + ", which is not a private key. " + P8_HINT;
    }

    // ---- something other than an unencrypted P-256 private key
    static final String ENCRYPTED_PKCS8 = "The private key is encrypted with a password (encrypted PKCS#8,"
            + " BEGIN ENCRYPTED PRIVATE KEY)."
            + " App Store Connect .p8 files are not encrypted; decrypt it first, e.g. with"
            + " openssl pkcs8 -in encrypted.pem -out AuthKey_<KEY ID>.p8 (it asks for the password), and use the result.";
    static final String ENCRYPTED_LEGACY = "The private key is encrypted with a password (PEM header Proc-Type: 4,ENCRYPTED)."
            + " App Store Connect .p8 files are not encrypted; decrypt it first, e.g. with"
            + " openssl pkey -in encrypted.pem -out AuthKey_<KEY ID>.p8 (it asks for the password), and use the result.";
    static final String RSA = "The private key is an RSA key; App Store Connect API keys are EC keys on P-256 (they sign"
            + " ES256 tokens). An RSA key usually belongs to a signing certificate, a web server or SSH, not to the"
            + " App Store Connect API. " + P8_HINT;
    static final String OPENSSH = "The input is an OpenSSH private key (BEGIN OPENSSH PRIVATE KEY), not an App Store"
            + " Connect API key. " + P8_HINT;
    static final String PUBLIC_KEY = "The input is a public key, not a private key; signing tokens needs the private key. "
            + P8_HINT;
    static final String CERTIFICATE = "The input is an X.509 certificate, not a private key; App Store Connect API keys"
            + " come without a certificate. " + P8_HINT;
    static final String CSR = "The input is a certificate signing request (CSR), not a private key. " + P8_HINT;
    static final String PKCS12 = "The input is a PKCS#12 (.p12/.pfx) bundle, such as an exported signing certificate,"
            + " not an App Store Connect API key. " + P8_HINT;

    static String otherAlgorithm(String algorithm) {
        return "The private key is of type " + algorithm + "; App Store Connect API keys are EC keys on P-256 (ES256). "
                + P8_HINT;
    }

    static String wrongCurve(String curve) {
        return "The private key is on curve " + curve + "; " + NEEDS_P256 + " " + AS_DOWNLOADED;
    }

    static String explicitCurve(int fieldBits) {
        return "The private key spells out the parameters of a " + fieldBits + "-bit curve that is not P-256; "
                + NEEDS_P256 + " " + AS_DOWNLOADED;
    }

    static final String NO_CURVE = "The EC private key does not say which curve it is on, and it holds no public key"
            + " that fits P-256, so it cannot be used. " + AS_DOWNLOADED;
    static final String TWO_CURVES = "The private key names two different curves (P-256 in its PKCS#8 header, another"
            + " one inside), so the key data is inconsistent. " + AS_DOWNLOADED;

    // ---- DER and key values
    static final String NOT_DER = "The key data is not valid DER: it is truncated or damaged (for example, lines are"
            + " missing from the middle of the PEM block). " + AS_DOWNLOADED;
    static final String NOT_KEY_STRUCTURE = "The key data is valid DER but not a private key structure (neither PKCS#8"
            + " nor SEC1 EC private key). " + P8_HINT;
    static final String INNER_DAMAGED = "The EC key inside the PKCS#8 structure is damaged (not a valid SEC1 EC private"
            + " key). " + AS_DOWNLOADED;
    static final String SCALAR_ZERO = "The private key value is zero, which is not a valid P-256 private key (it must be"
            + " between 1 and the order of the curve minus 1); the key data is damaged or not a real key.";
    static final String SCALAR_TOO_LARGE = "The private key value is not less than the order of P-256, so it is not a"
            + " valid P-256 private key (it must be between 1 and the order minus 1); the key data is damaged or was"
            + " made for another curve.";
    static final String BAD_EMBEDDED_PUBLIC_KEY = "The public key stored inside the private key is not a valid P-256"
            + " point; the key data is damaged. " + AS_DOWNLOADED;
    static final String PUBLIC_KEY_MISMATCH = "The public key stored inside the private key does not belong to its"
            + " private key value: the file was edited or assembled from two different keys. " + AS_DOWNLOADED;

    static String scalarLength(int bytes) {
        return "The private key value is " + bytes + " bytes long; a P-256 private key is 32 bytes, so the key data is"
                + " damaged or was made for another curve.";
    }

    static String internal(String exceptionType) {
        return "The input could not be read as a private key (unexpected " + exceptionType + " while parsing). " + P8_HINT;
    }
}
