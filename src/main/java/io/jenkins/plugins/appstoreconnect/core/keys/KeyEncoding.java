package io.jenkins.plugins.appstoreconnect.core.keys;

/**
 * How a private key was written when {@link P256PrivateKeys#parse(String)} read it. It describes the
 * container only; incidental whitespace (CRLF line ends, blank lines, indentation, a byte order mark,
 * surrounding quotes, UTF-16 text) does not change it. Whatever the encoding, the parsed key is the
 * same and is stored as {@link ParsedKey#pkcs8Pem()}.
 */
public enum KeyEncoding {
    /** {@code -----BEGIN PRIVATE KEY-----}: the {@code AuthKey_<KEY ID>.p8} file App Store Connect hands out. */
    PKCS8_PEM("PKCS#8 PEM (BEGIN PRIVATE KEY, as in Apple's AuthKey_<KEY ID>.p8)"),
    /** {@code -----BEGIN EC PRIVATE KEY-----}, e.g. {@code openssl ecparam -genkey} output, with or without its EC PARAMETERS block. */
    SEC1_PEM("SEC1 PEM (BEGIN EC PRIVATE KEY, as written by openssl ecparam -genkey)"),
    /** PKCS#8 PEM on one line with literal {@code \n} (or {@code \r\n}) escapes, as environment variables and JSON carry it. */
    PKCS8_PEM_ESCAPED_NEWLINES("PKCS#8 PEM with escaped newlines (\\n), as in environment variables and JSON"),
    /** SEC1 PEM on one line with literal {@code \n} escapes. */
    SEC1_PEM_ESCAPED_NEWLINES("SEC1 PEM with escaped newlines (\\n), as in environment variables and JSON"),
    /** The base64 body of a PKCS#8 PEM file without its BEGIN/END lines. */
    BASE64_BODY_PKCS8("base64 of PKCS#8 DER without BEGIN/END lines"),
    /** The base64 body of a SEC1 PEM file without its BEGIN/END lines. */
    BASE64_BODY_SEC1("base64 of SEC1 DER without BEGIN/END lines"),
    /** Base64 of a whole PEM file (either kind), as fastlane's {@code is_key_content_base64} expects. */
    BASE64_OF_PEM("base64 of a whole PEM file (fastlane is_key_content_base64)"),
    /** Binary DER, PKCS#8 PrivateKeyInfo. */
    DER_PKCS8("binary DER, PKCS#8"),
    /** Binary DER, SEC1 ECPrivateKey. */
    DER_SEC1("binary DER, SEC1");

    private final String label;

    KeyEncoding(String label) {
        this.label = label;
    }

    /** A short human description, safe to show in the UI and logs. */
    public String label() {
        return label;
    }
}
