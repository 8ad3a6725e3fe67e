package io.jenkins.plugins.appstoreconnect.core.keys;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Reads an App Store Connect API private key (EC, curve P-256) in any form users paste or store, and
 * rejects everything else with an {@link InvalidInputException} whose message says what was given and
 * what is needed. No other exception leaves these methods, for any input, and no message contains key
 * material.
 *
 * <h2>Accepted</h2>
 * The same key, as {@link KeyEncoding} reports it:
 * <ul>
 *   <li>PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}, Apple's {@code AuthKey_<KEY ID>.p8}) and SEC1 PEM
 *       ({@code -----BEGIN EC PRIVATE KEY-----}, optionally after an {@code EC PARAMETERS} block);</li>
 *   <li>either on one line with literal {@code \n} or {@code \r\n} escapes (environment variables, JSON;
 *       JSON's {@code \/} too);</li>
 *   <li>the base64 body alone (PKCS#8 or SEC1), with or without line breaks and spaces;</li>
 *   <li>base64 of a whole PEM file (fastlane's {@code is_key_content_base64});</li>
 *   <li>raw DER bytes, PKCS#8 or SEC1 ({@link #parse(byte[])}).</li>
 * </ul>
 * In every textual form: CRLF or CR line ends, a byte order mark, surrounding blank lines, spaces and
 * tabs, one pair of surrounding double or single quotes, text around the PEM block (RFC 7468), and, for
 * bytes, UTF-8 or UTF-16 with a byte order mark. Explicitly encoded P-256 parameters are accepted too;
 * a SEC1 key that names no curve is accepted only when its embedded public key proves it is P-256.
 *
 * <h2>Checked</h2>
 * The curve is P-256, the private scalar is in [1, n-1], and every public key embedded in the input
 * (SEC1 {@code publicKey}, PKCS#8 v2 {@code publicKey}) equals the one derived from the scalar. The
 * returned public key is always the derived one.
 *
 * <p>bouncycastle is used through its lightweight API only (no JCE provider is registered); the key
 * objects are the JDK's own ({@code KeyFactory.getInstance("EC")}).
 */
public final class P256PrivateKeys {

    /** Far above any real key (a .p8 file is about 250 bytes), far below anything costly. */
    static final int MAX_INPUT_LENGTH = 64 * 1024;
    /** The shortest base64 that could hold a P-256 key (a bare SEC1 key with its curve is 51 bytes). */
    private static final int MIN_BASE64_LENGTH = 48;

    private static final Pattern BOUNDARY =
            Pattern.compile("-----(BEGIN|END) ([A-Z0-9](?:[A-Z0-9 ]{0,62}[A-Z0-9])?)-----");
    private static final Pattern END_WORD = Pattern.compile("END\\s+[A-Z]");

    private P256PrivateKeys() {}

    /**
     * Throws {@link InvalidInputException} unless {@code key} is on P-256 (secp256r1 / prime256v1), the only
     * curve ES256 and Apple's keys use, with a private scalar in range: for keys that did not come through
     * {@link #parse} (a key object handed in by other code).
     */
    public static void requireP256(java.security.interfaces.ECPrivateKey key) {
        java.security.spec.ECParameterSpec params = key.getParams();
        if (params == null) {
            throw new InvalidInputException("the private key has no curve parameters; an Apple key is on P-256");
        }
        if (!P256.isP256(params)) {
            int bits = params.getOrder() == null ? 0 : params.getOrder().bitLength();
            throw new InvalidInputException("the private key is not on the P-256 curve (secp256r1) that ES256 and Apple's"
                    + " keys use" + (bits > 0 ? "; its curve has a " + bits + "-bit order" : ""));
        }
        java.math.BigInteger s = key.getS();
        if (s != null && (s.signum() <= 0 || s.compareTo(P256.N) >= 0)) {
            throw new InvalidInputException("the private key's scalar is out of range for P-256: the key is corrupt");
        }
    }

    /**
     * Parses a private key given as text (any textual form listed above).
     *
     * @throws InvalidInputException if the text is not a usable P-256 private key; never anything else
     */
    public static ParsedKey parse(String text) {
        return guarded(() -> parseText(text));
    }

    /**
     * Parses a private key given as bytes: raw DER (PKCS#8 or SEC1), or any textual form in UTF-8
     * (or UTF-16 with a byte order mark). The array is not modified.
     *
     * @throws InvalidInputException if the bytes are not a usable P-256 private key; never anything else
     */
    public static ParsedKey parse(byte[] bytes) {
        return guarded(() -> parseBytes(bytes));
    }

    private static ParsedKey guarded(Supplier<ParsedKey> parser) {
        try {
            return parser.get();
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            // A bug or a library surprise; no cause, as library messages may quote the input.
            throw new InvalidInputException(KeyMessages.internal(e.getClass().getSimpleName()));
        }
    }

    // ---------------------------------------------------------------- bytes

    private static ParsedKey parseBytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException(KeyMessages.EMPTY);
        }
        if (bytes.length > MAX_INPUT_LENGTH) {
            throw new InvalidInputException(KeyMessages.tooLarge(bytes.length, "bytes"));
        }
        if (bytes[0] == 0x30) { // SEQUENCE: DER. No text form of a key starts with '0'.
            byte[] der = bytes.clone(); // the caller's array is neither kept nor changed
            try {
                return fromDer(der, KeyEncoding.DER_PKCS8, KeyEncoding.DER_SEC1);
            } finally {
                Arrays.fill(der, (byte) 0);
            }
        }
        String text;
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            text = decodeStrictly(bytes, 2, StandardCharsets.UTF_16LE);
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            text = decodeStrictly(bytes, 2, StandardCharsets.UTF_16BE);
        } else {
            text = decodeStrictly(bytes, 0, StandardCharsets.UTF_8);
        }
        if (text == null) {
            throw new InvalidInputException(KeyMessages.BINARY);
        }
        return parseText(text);
    }

    /** The text, or null if the bytes are not valid in that charset. */
    private static String decodeStrictly(byte[] bytes, int offset, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- text

    private static ParsedKey parseText(String text) {
        if (text == null) {
            throw new InvalidInputException(KeyMessages.EMPTY);
        }
        if (text.length() > MAX_INPUT_LENGTH) {
            throw new InvalidInputException(KeyMessages.tooLarge(text.length(), "characters"));
        }
        String t = trim(text);
        if (t.length() >= 2) {
            char first = t.charAt(0);
            char last = t.charAt(t.length() - 1);
            if ((first == '"' || first == '\'') && last == first) { // copied with the quotes of a JSON or shell string
                t = trim(t.substring(1, t.length() - 1));
            }
        }
        if (t.isEmpty()) {
            throw new InvalidInputException(KeyMessages.EMPTY);
        }
        boolean escaped = t.indexOf('\\') >= 0;
        if (escaped) {
            t = unescape(t);
        }
        if (t.contains("-----")) { // never in base64
            return fromPem(t, escaped ? KeyEncoding.PKCS8_PEM_ESCAPED_NEWLINES : KeyEncoding.PKCS8_PEM,
                    escaped ? KeyEncoding.SEC1_PEM_ESCAPED_NEWLINES : KeyEncoding.SEC1_PEM);
        }
        return fromBase64(t);
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u0000';
    }

    /** Strips whitespace, no-break spaces, byte order marks and NULs at both ends. */
    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isBlank(s.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /**
     * {@code \n}, {@code \r\n}, {@code \r} (each escape with any number of backslashes) to a line break;
     * {@code \t} to a tab; JSON's {@code \/} to {@code /}; any other backslash is {@link KeyMessages#BAD_ESCAPE}.
     * One pass, linear in the input: a run of backslashes is read once, then the letter after it decides.
     * (Regular expressions with {@code \\+} took quadratic time on long runs of backslashes: 21 s for 64 K.)
     */
    private static String unescape(String t) {
        StringBuilder u = new StringBuilder(t.length());
        int n = t.length();
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            if (c != '\\') {
                u.append(c);
                i++;
                continue;
            }
            int k = i;
            while (k < n && t.charAt(k) == '\\') {
                k++;
            }
            char next = k < n ? t.charAt(k) : 0;
            if (next == 'n') {
                u.append('\n');
                i = k + 1;
            } else if (next == 'r') {
                u.append('\n');
                i = k + 1;
                int m = i; // \r\n (any number of backslashes before each letter) is one line break
                while (m < n && t.charAt(m) == '\\') {
                    m++;
                }
                if (m > i && m < n && t.charAt(m) == 'n') {
                    i = m + 1;
                }
            } else if (next == 't') {
                u.append('\t');
                i = k + 1;
            } else if (next == '/') {
                u.append('/');
                i = k + 1;
            } else {
                throw new InvalidInputException(KeyMessages.BAD_ESCAPE);
            }
        }
        return trim(u.toString());
    }

    private static boolean isBase64Char(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
    }

    private static ParsedKey fromBase64(String t) {
        StringBuilder compact = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (isBase64Char(c)) {
                compact.append(c);
            } else if (!isBlank(c)) {
                throw new InvalidInputException(KeyMessages.NOT_RECOGNISED);
            }
        }
        if (compact.length() < MIN_BASE64_LENGTH) {
            throw new InvalidInputException(KeyMessages.tooShort(compact.length()));
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(compact.toString());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(KeyMessages.BASE64_DAMAGED);
        }
        try {
            if (decoded.length > 0 && decoded[0] == 0x30) {
                return fromDer(decoded, KeyEncoding.BASE64_BODY_PKCS8, KeyEncoding.BASE64_BODY_SEC1);
            }
            String inner = decodeStrictly(decoded, 0, StandardCharsets.UTF_8);
            if (inner == null) {
                throw new InvalidInputException(KeyMessages.BASE64_NEITHER);
            }
            inner = trim(inner);
            if (inner.indexOf('\\') >= 0) {
                inner = unescape(inner);
            }
            if (!inner.contains("-----")) {
                throw new InvalidInputException(KeyMessages.BASE64_NEITHER);
            }
            return fromPem(inner, KeyEncoding.BASE64_OF_PEM, KeyEncoding.BASE64_OF_PEM);
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
    }

    // ---------------------------------------------------------------- PEM

    /** A BEGIN/END block: its label and the text between the armor lines. */
    private static final class Block {
        final String label;
        final String body;

        Block(String label, String body) {
            this.label = label;
            this.body = body;
        }
    }

    private static ParsedKey fromPem(String text, KeyEncoding pkcs8, KeyEncoding sec1) {
        List<Block> keys = new ArrayList<>();
        for (Block block : blocks(text)) {
            if (!block.label.equals("EC PARAMETERS")) { // openssl ecparam -genkey writes it first; harmless
                keys.add(block);
            }
        }
        if (keys.isEmpty()) {
            throw new InvalidInputException(KeyMessages.PARAMS_ONLY);
        }
        if (keys.size() > 1) {
            StringBuilder labels = new StringBuilder();
            for (int i = 0; i < keys.size() && i < 4; i++) {
                labels.append(i == 0 ? "" : ", ").append(keys.get(i).label);
            }
            if (keys.size() > 4) {
                labels.append(", ...");
            }
            throw new InvalidInputException(KeyMessages.multipleBlocks(keys.size(), labels.toString()));
        }
        Block block = keys.get(0);
        switch (block.label) {
            case "PRIVATE KEY":
            case "EC PRIVATE KEY":
                byte[] der = decodeBody(block);
                try {
                    return fromDer(der, pkcs8, sec1);
                } finally {
                    Arrays.fill(der, (byte) 0);
                }
            case "ENCRYPTED PRIVATE KEY":
                throw new InvalidInputException(KeyMessages.ENCRYPTED_PKCS8);
            case "RSA PRIVATE KEY":
                throw new InvalidInputException(KeyMessages.RSA);
            case "DSA PRIVATE KEY":
                throw new InvalidInputException(KeyMessages.otherAlgorithm("DSA"));
            case "OPENSSH PRIVATE KEY":
                throw new InvalidInputException(KeyMessages.OPENSSH);
            case "PUBLIC KEY":
            case "RSA PUBLIC KEY":
            case "EC PUBLIC KEY":
                throw new InvalidInputException(KeyMessages.PUBLIC_KEY);
            case "CERTIFICATE":
            case "X509 CERTIFICATE":
            case "TRUSTED CERTIFICATE":
                throw new InvalidInputException(KeyMessages.CERTIFICATE);
            case "CERTIFICATE REQUEST":
            case "NEW CERTIFICATE REQUEST":
                throw new InvalidInputException(KeyMessages.CSR);
            case "PKCS12":
                throw new InvalidInputException(KeyMessages.PKCS12);
            default:
                throw new InvalidInputException(KeyMessages.unknownLabel(block.label));
        }
    }

    /** Splits PEM text into blocks, rejecting damaged, unmatched or unterminated armor. Text between blocks is ignored (RFC 7468). */
    private static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        Matcher m = BOUNDARY.matcher(text);
        String open = null;
        int bodyStart = 0;
        int gapStart = 0;
        while (m.find()) {
            String label = m.group(2);
            if (m.group(1).equals("BEGIN")) {
                if (open != null) {
                    throw new InvalidInputException(unterminated(open, text.substring(bodyStart, m.start())));
                }
                if (text.substring(gapStart, m.start()).contains("-----")) {
                    throw new InvalidInputException(KeyMessages.ARMOR_DAMAGED);
                }
                open = label;
                bodyStart = m.end();
            } else {
                if (open == null) {
                    String gap = text.substring(gapStart, m.start());
                    throw new InvalidInputException(gap.contains("-----") || gap.contains("BEGIN")
                            ? KeyMessages.ARMOR_DAMAGED
                            : KeyMessages.endWithoutBegin(label));
                }
                String body = text.substring(bodyStart, m.start());
                if (body.contains("-----")) {
                    throw new InvalidInputException(KeyMessages.ARMOR_DAMAGED);
                }
                if (!label.equals(open)) {
                    throw new InvalidInputException(KeyMessages.mismatchedArmor(open, label));
                }
                blocks.add(new Block(open, body));
                open = null;
                gapStart = m.end();
            }
        }
        if (open != null) {
            throw new InvalidInputException(unterminated(open, text.substring(bodyStart)));
        }
        if (blocks.isEmpty() || text.substring(gapStart).contains("-----")) {
            throw new InvalidInputException(KeyMessages.ARMOR_DAMAGED);
        }
        return blocks;
    }

    private static String unterminated(String label, String body) {
        return body.contains("-----") || END_WORD.matcher(body).find()
                ? KeyMessages.ARMOR_DAMAGED
                : KeyMessages.missingEnd(label);
    }

    /** The DER inside a PEM block. Header lines ("Name: value") are skipped, except that an encryption header rejects the block. */
    private static byte[] decodeBody(Block block) {
        String[] lines = block.body.split("\r\n|\r|\n", -1);
        StringBuilder base64 = new StringBuilder(block.body.length());
        Integer badLine = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.indexOf(':') >= 0) { // RFC 1421 header
                String upper = line.toUpperCase(java.util.Locale.ROOT);
                if ((upper.contains("PROC-TYPE") && upper.contains("ENCRYPTED")) || upper.contains("DEK-INFO")) {
                    throw new InvalidInputException(KeyMessages.ENCRYPTED_LEGACY);
                }
                continue;
            }
            for (int j = 0; j < line.length(); j++) {
                char c = line.charAt(j);
                if (isBase64Char(c)) {
                    base64.append(c);
                } else if (!isBlank(c) && badLine == null) {
                    badLine = Math.max(i, 1);
                }
            }
        }
        if (badLine != null) {
            throw new InvalidInputException(KeyMessages.notBase64InBlock(block.label, badLine));
        }
        if (base64.length() == 0) {
            throw new InvalidInputException(KeyMessages.emptyBlock(block.label));
        }
        try {
            return Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(KeyMessages.base64DamagedInBlock(block.label));
        }
    }

    // ---------------------------------------------------------------- DER and values

    private static ParsedKey fromDer(byte[] der, KeyEncoding pkcs8, KeyEncoding sec1) {
        KeyDer.EcKey key = KeyDer.read(der);
        try {
            return build(key, key.form == KeyDer.Form.PKCS8 ? pkcs8 : sec1);
        } finally {
            Arrays.fill(key.scalar, (byte) 0);
        }
    }

    private static ParsedKey build(KeyDer.EcKey key, KeyEncoding encoding) {
        if (!key.curveNamed) {
            // Only a public key that fits P-256 can vouch for a key that does not name its curve.
            if (key.embeddedPublicKeys.isEmpty()) {
                throw new InvalidInputException(KeyMessages.NO_CURVE);
            }
            try {
                return checked(key, encoding);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(KeyMessages.NO_CURVE);
            }
        }
        return checked(key, encoding);
    }

    private static ParsedKey checked(KeyDer.EcKey key, KeyEncoding encoding) {
        if (key.scalar.length == 0 || key.scalar.length > 32) {
            throw new InvalidInputException(KeyMessages.scalarLength(key.scalar.length));
        }
        BigInteger d = new BigInteger(1, key.scalar);
        if (d.signum() == 0) {
            throw new InvalidInputException(KeyMessages.SCALAR_ZERO);
        }
        if (d.compareTo(P256.N) >= 0) {
            throw new InvalidInputException(KeyMessages.SCALAR_TOO_LARGE);
        }
        ECPoint q = P256.publicPoint(d);
        for (byte[] embedded : key.embeddedPublicKeys) {
            ECPoint p;
            try {
                p = P256.DOMAIN.getCurve().decodePoint(embedded); // validates that the point is on the curve
            } catch (RuntimeException e) {
                throw new InvalidInputException(KeyMessages.BAD_EMBEDDED_PUBLIC_KEY);
            }
            if (p.isInfinity()) {
                throw new InvalidInputException(KeyMessages.BAD_EMBEDDED_PUBLIC_KEY);
            }
            if (!p.equals(q)) {
                throw new InvalidInputException(KeyMessages.PUBLIC_KEY_MISMATCH);
            }
        }
        byte[] pkcs8 = P256.pkcs8(d, q);
        try {
            ECPrivateKey privateKey = P256.jdkPrivateKey(d);
            return new ParsedKey(privateKey, P256.jdkPublicKey(q), encoding, pkcs8);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }
}
