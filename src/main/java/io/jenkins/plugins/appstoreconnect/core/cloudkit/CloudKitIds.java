package io.jenkins.plugins.appstoreconnect.core.cloudkit;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.keys.AppleIds;
import io.jenkins.plugins.appstoreconnect.core.keys.AppleIds;
import java.net.URI;
import java.util.Locale;

/**
 * Checks CloudKit identifiers: the container ({@code iCloud.} and a reverse-DNS name), server-to-server key
 * IDs, API tokens (only their shape: they are secrets and never quoted) and sign-in callback URLs.
 */
public final class CloudKitIds {

    static final String CONTAINER_HELP = "It is the container identifier shown in CloudKit Console, 'iCloud.' followed by a"
            + " reverse-DNS name, e.g. iCloud.com.example.MyApp.";

    private CloudKitIds() {}

    /**
     * The container identifier, trimmed.
     *
     * @throws InvalidInputException if it does not start with {@code iCloud.} or the rest is not reverse-DNS
     */
    public static String requireContainer(String container) {
        String c = container == null ? "" : container.strip();
        if (c.isEmpty()) {
            throw new InvalidInputException("The CloudKit container is missing. " + CONTAINER_HELP);
        }
        if (c.contains("://") || c.indexOf('/') >= 0) {
            throw new InvalidInputException("The CloudKit container is a URL or path; give the identifier only. "
                    + CONTAINER_HELP);
        }
        if (!c.startsWith("iCloud.")) {
            if (c.toLowerCase(Locale.ROOT).startsWith("icloud.")) {
                throw new InvalidInputException("The CloudKit container must start with 'iCloud.' spelt exactly so"
                        + " (lower-case i, capital C). " + CONTAINER_HELP);
            }
            throw new InvalidInputException("The CloudKit container must start with 'iCloud.'; a bundle ID alone is not a"
                    + " container identifier. " + CONTAINER_HELP);
        }
        String rest = c.substring("iCloud.".length());
        if (rest.isEmpty()) {
            throw new InvalidInputException("The CloudKit container has nothing after 'iCloud.'. " + CONTAINER_HELP);
        }
        for (int i = 0; i < rest.length(); i++) {
            char ch = rest.charAt(i);
            if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '.')) {
                throw new InvalidInputException("The CloudKit container contains " + AppleIds.describeCharacter(ch) + " at position "
                        + (i + 8) + "; use letters, digits, hyphens and dots only. " + CONTAINER_HELP);
            }
        }
        if (rest.startsWith(".") || rest.endsWith(".") || rest.contains("..")) {
            throw new InvalidInputException("The CloudKit container has an empty part between dots. " + CONTAINER_HELP);
        }
        return c;
    }

    /**
     * A server-to-server key ID as CloudKit Console shows it after the public key is saved (a long hexadecimal
     * string). Accepted: 8 to 128 letters and digits; trimmed, case kept.
     */
    public static String requireServerKeyId(String keyId) {
        String k = keyId == null ? "" : keyId.strip();
        if (k.isEmpty()) {
            throw new InvalidInputException("The server-to-server key ID is missing. CloudKit Console shows it under API"
                    + " Access > Server-to-Server Keys once the public key is saved.");
        }
        if (k.contains("BEGIN") || k.length() > 128) {
            throw new InvalidInputException("The server-to-server key ID field holds " + k.length()
                    + " characters of something else (a key?); the key ID is the identifier CloudKit Console shows for the key.");
        }
        for (int i = 0; i < k.length(); i++) {
            char ch = k.charAt(i);
            if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))) {
                throw new InvalidInputException("The server-to-server key ID contains " + AppleIds.describeCharacter(ch) + " at position "
                        + (i + 1) + "; CloudKit key IDs are letters and digits.");
            }
        }
        if (k.length() < 8) {
            throw new InvalidInputException("The server-to-server key ID has " + k.length()
                    + " characters; CloudKit key IDs are much longer (CloudKit Console shows a long hexadecimal ID).");
        }
        return k;
    }

    /**
     * An API token from CloudKit Console (API Access &gt; Tokens), trimmed. Only its shape is checked: printable
     * ASCII without spaces, at most 1024 characters. Messages never quote it.
     */
    public static String requireApiToken(String token) {
        String t = token == null ? "" : token.strip();
        if (t.isEmpty()) {
            throw new InvalidInputException("The CloudKit API token is missing. Create one in CloudKit Console under"
                    + " API Access > Tokens and paste it here.");
        }
        if (t.contains("ckAPIToken=") || t.contains("://")) {
            throw new InvalidInputException("The CloudKit API token field holds a URL; paste only the token"
                    + " (the value after ckAPIToken=).");
        }
        if (t.length() > 1024) {
            throw new InvalidInputException("The CloudKit API token has " + t.length() + " characters; CloudKit API tokens are"
                    + " far shorter.");
        }
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch <= 0x20 || ch >= 0x7f) {
                throw new InvalidInputException("The CloudKit API token contains a space, line break or non-ASCII character at"
                        + " position " + (i + 1) + "; paste the token alone.");
            }
        }
        return t;
    }

    /**
     * The optional sign-in callback URL of an API token ({@code https://...}); blank gives {@code null}.
     */
    public static String optionalCallbackUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        URI uri;
        try {
            uri = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("The sign-in callback URL is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new InvalidInputException("The sign-in callback URL needs http(s)://host, e.g. https://example.com/callback.");
        }
        AppleIds.requireHost(uri.getHost(), "sign-in callback URL's host", false);
        return u;
    }

}
