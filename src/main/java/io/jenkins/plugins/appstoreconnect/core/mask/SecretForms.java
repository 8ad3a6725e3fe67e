package io.jenkins.plugins.appstoreconnect.core.mask;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Every form in which tools print a key or a token, to hand to {@link SecretMasker}.
 *
 * <p>For a PEM key ({@link #of(String)}):
 * <ul>
 *   <li>each base64 body line (tools and {@code cat} print keys line by line, and a log line may hold just one);</li>
 *   <li>the whole PEM with {@code \n} line ends and with {@code \r\n} line ends, each with and without the final line break;</li>
 *   <li>the base64 body joined without line breaks (the DER in base64, as some tools and env files hold it);</li>
 *   <li>the base64 of the whole PEM, with and without its final line break (fastlane's
 *       {@code is_key_content_base64}, {@code base64 -i AuthKey_X.p8}), unwrapped and wrapped at 64
 *       ({@code openssl base64}) and 76 ({@code base64} of GNU coreutils) characters a line: the whole and every line;</li>
 *   <li>the one-line PEM with {@code \n} and with {@code \r\n} escaped as backslash sequences (JSON,
 *       {@code .env} files, {@code inspect} output), with and without the final escape;</li>
 *   <li>the JSON form with {@code /} escaped as {@code \/} (PHP, some JSON writers), and the body lines and
 *       joined body so escaped, when they hold a {@code /}.</li>
 * </ul>
 * For a token ({@link #ofToken(String)}): the token itself. Its first part, the JOSE header, is never
 * masked on its own: it is the same for every token of a key and not secret. Tokens minted later, which no
 * masker can know in advance, are masked through that shared header: {@link #tokenPrefix(String)} gives
 * {@code <header>.}, for {@link SecretMasker#addTokenPrefix(String)}, which masks the prefix together with the
 * rest of the token that follows it.
 *
 * <p><strong>Minimum length.</strong> A fragment shorter than {@value #MIN_LENGTH} characters is left out:
 * short strings occur in ordinary text and masking them would garble the log while hiding nothing. Which
 * fragments can be that short: the last line of a PEM body and of wrapped base64. App Store Connect's
 * keys, as {@link ParsedKey#pkcs8Pem()} writes them, have a 150-byte PKCS#8 DER, so body lines of 64, 64, 64
 * and 8 characters: the last line is kept (8 random base64 characters do not occur in logs by chance).
 * Leaving a shorter line unmasked is safe: fewer than {@value #MIN_LENGTH} base64 characters carry at
 * most 5 bytes, which are the end of the encoding (the last bytes of the public key
 * in a PKCS#8 file, or the PEM footer in base64-of-PEM), while every other line, the whole and the
 * joined forms stay masked; no private-key bits can be recovered from them.
 */
public final class SecretForms {

    /** Fragments shorter than this (in characters) are not returned. */
    public static final int MIN_LENGTH = 8;

    private SecretForms() {}

    /** The forms of a parsed key, from its normalised PEM. */
    public static Set<String> of(ParsedKey key) {
        return of(key.pkcs8Pem());
    }

    /**
     * The forms of a PEM key ({@link ParsedKey#pkcs8Pem()} or any PEM block: the body lines are taken as
     * they are wrapped in {@code pem}). Never empty; ordered from the longest forms to the body lines.
     *
     * @throws InvalidInputException when {@code pem} holds no {@code -----BEGIN ...-----} ... {@code -----END ...-----} block
     */
    public static Set<String> of(String pem) {
        Objects.requireNonNull(pem, "pem");
        String lf = pem.replace("\r\n", "\n").strip() + "\n";
        String[] lines = lf.split("\n");
        int begin = -1;
        int end = -1;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (begin < 0 && l.startsWith("-----BEGIN ") && l.endsWith("-----")) {
                begin = i;
            } else if (begin >= 0 && l.startsWith("-----END ") && l.endsWith("-----")) {
                end = i;
                break;
            }
        }
        if (begin < 0 || end < 0 || end == begin + 1) {
            throw new InvalidInputException("The key to mask is not a PEM block (-----BEGIN ...----- lines -----END ...-----).");
        }
        List<String> body = new ArrayList<>();
        for (int i = begin + 1; i < end; i++) {
            String l = lines[i].strip();
            if (!l.isEmpty() && !l.contains(":")) { // skip RFC 1421 headers such as Proc-Type
                body.add(l);
            }
        }
        StringBuilder block = new StringBuilder();
        for (int i = begin; i <= end; i++) {
            block.append(lines[i].strip()).append('\n');
        }
        lf = block.toString();
        String noFinal = lf.substring(0, lf.length() - 1);
        String joined = String.join("", body);

        Set<String> forms = new LinkedHashSet<>();
        // whole PEM, raw
        forms.add(lf);
        forms.add(noFinal);
        forms.add(lf.replace("\n", "\r\n"));
        forms.add(noFinal.replace("\n", "\r\n"));
        // base64 of the PEM file, unwrapped and wrapped
        for (String p : List.of(lf, noFinal)) {
            String b64 = Base64.getEncoder().encodeToString(p.getBytes(StandardCharsets.UTF_8));
            forms.add(b64);
            addWrapped(forms, b64, 64);
            addWrapped(forms, b64, 76);
        }
        // escaped one-line forms
        forms.add(lf.replace("\n", "\\n"));
        forms.add(noFinal.replace("\n", "\\n"));
        forms.add(lf.replace("\n", "\\r\\n"));
        forms.add(noFinal.replace("\n", "\\r\\n"));
        forms.add(lf.replace("/", "\\/").replace("\n", "\\n"));
        forms.add(noFinal.replace("/", "\\/").replace("\n", "\\n"));
        // the body
        forms.add(joined);
        forms.add(joined.replace("/", "\\/"));
        for (String l : body) {
            forms.add(l);
            forms.add(l.replace("/", "\\/"));
        }
        forms.removeIf(f -> f.length() < MIN_LENGTH);
        return Collections.unmodifiableSet(forms);
    }

    /**
     * The forms of {@link #of(ParsedKey)} that hold no line break: each body line, the joined body, the base64 of
     * the PEM file and each of its wrapped lines, and the one-line escaped PEMs, in that set's order. For maskers
     * that look at one line at a time (credentials-binding's): together they cover every line of every form.
     */
    public static Set<String> singleLine(ParsedKey key) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : of(key)) {
            if (f.indexOf('\n') < 0 && f.indexOf('\r') < 0) {
                out.add(f);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /**
     * The forms of a token (a compact JWT): the token itself. Returns an empty set for a string shorter
     * than {@value #MIN_LENGTH} characters (no real token is).
     */
    public static Set<String> ofToken(String token) {
        String t = Objects.requireNonNull(token, "token").strip();
        return t.length() < MIN_LENGTH ? Set.of() : Set.of(t);
    }

    /**
     * The first part of a compact JWS and the dot after it ({@code <base64url header>.}): the prefix every token
     * with the same JOSE header starts with. Our App Store Connect tokens' header is
     * {@code {"alg":"ES256","kid":"<KEY ID>","typ":"JWT"}}, the same for every token of a key whatever its claims,
     * so this prefix, given to {@link SecretMasker#addTokenPrefix(String)}, masks every token of the key, including
     * those minted later.
     *
     * @throws InvalidInputException when {@code token} is not three base64url parts separated by dots with a
     *                               JSON object as its header (the message never contains the token)
     */
    public static String tokenPrefix(String token) {
        Objects.requireNonNull(token, "token");
        int dot = token.indexOf('.');
        int second = dot < 0 ? -1 : token.indexOf('.', dot + 1);
        if (dot <= 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
            throw new InvalidInputException("The token is not a compact JWS (three parts separated by dots).");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c != '.' && !(c < 0x80 && SecretMasker.isTokenByte(c))) {
                throw new InvalidInputException("The token has a character outside base64url at position " + (i + 1) + ".");
            }
        }
        String header;
        try {
            header = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("The token's header is not base64url.");
        }
        if (!header.startsWith("{") || !header.endsWith("}")) {
            throw new InvalidInputException("The token's header is not a JSON object.");
        }
        String prefix = token.substring(0, dot + 1);
        if (prefix.length() < MIN_LENGTH) {
            throw new InvalidInputException("The token's header is too short to be a JOSE header.");
        }
        return prefix;
    }

    private static void addWrapped(Set<String> forms, String s, int width) {
        for (int i = 0; i < s.length(); i += width) {
            forms.add(s.substring(i, Math.min(s.length(), i + width)));
        }
    }
}
