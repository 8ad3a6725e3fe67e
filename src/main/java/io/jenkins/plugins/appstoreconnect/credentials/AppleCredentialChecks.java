package io.jenkins.plugins.appstoreconnect.credentials;

import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.keys.AppleIds;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitCheckResult;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitConnectionCheck;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitEnvironment;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitIds;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsAccessTokenExchange;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsExpiry;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenType;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenValidity;
import io.jenkins.plugins.appstoreconnect.core.maps.PortalMapsToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The live checks and test calls of the Apple developer key, Maps token and CloudKit credential forms, as plain
 * functions of what was typed (the descriptors add the permission checks). Messages come from core (never
 * quoting a key or token) or from {@code Messages.properties}.
 */
final class AppleCredentialChecks {
    private AppleCredentialChecks() {}

    /** Runs a core check; its {@link InvalidInputException} becomes the form's error. */
    static FormValidation check(Runnable check) {
        try {
            check.run();
            return FormValidation.ok();
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static FormValidation teamId(String value) {
        return check(() -> AppleIds.requireTeamId(value));
    }

    static FormValidation developerKeyId(String value) {
        return check(() -> AppleIds.requireDeveloperKeyId(value));
    }

    static FormValidation container(String value) {
        return check(() -> CloudKitIds.requireContainer(value));
    }

    static FormValidation serverKeyId(String value) {
        return check(() -> CloudKitIds.requireServerKeyId(value));
    }

    static FormValidation apiToken(String value) {
        if (looksEncrypted(value)) {
            return FormValidation.ok();
        }
        return check(() -> CloudKitIds.requireApiToken(plain(value)));
    }

    /**
     * {@code value} is pasted text or the encrypted form of a stored key (then nothing is said: it is never decrypted
     * here, and the form shows the stored key's fingerprint); {@code missing} is the message for none.
     */
    static FormValidation privateKey(String value, String missing) {
        if (looksEncrypted(value)) {
            return FormValidation.ok();
        }
        String plain = plain(value);
        if (plain.isBlank()) {
            return FormValidation.error(missing);
        }
        try {
            ParsedKey key = P256PrivateKeys.parse(plain);
            return FormValidation.ok(Messages.AppleCredentialChecks_KeyOk(key.encoding().label(), key.fingerprint()));
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /**
     * What the Maps token form would store: the expiry it finds, or why it would refuse. {@code token} is the plain
     * token (see {@link #formSecret}); {@code null} or an encrypted value that was not resolved: nothing is said.
     */
    static FormValidation mapsToken(String token, MapsTokenType type, String domains, MapsTokenValidity validity,
            String expiryDate, String createdOn, int warningDays, Clock clock) {
        if (token == null || looksEncrypted(token)) {
            return FormValidation.ok();
        }
        String plain = plain(token);
        if (plain.isBlank()) {
            return FormValidation.error(Messages.MapsTokenImpl_NoToken());
        }
        try {
            PortalMapsToken t = PortalMapsToken.create(plain, type, domains, validity, expiryDate, createdOn, clock);
            if (t.expiresAt().isEmpty()) {
                return FormValidation.ok(Messages.MapsTokenImpl_NoExpiry());
            }
            String when = t.expiresAt().get().toString();
            long days = t.daysLeft(clock).orElse(0L);
            String source = t.expirySource() == PortalMapsToken.ExpirySource.TOKEN
                    ? Messages.MapsTokenImpl_FromToken() : Messages.MapsTokenImpl_FromValidity();
            return t.status(MapsExpiry.windowDays(warningDays), clock) == MapsExpiry.Status.EXPIRING_SOON
                    ? FormValidation.warning(Messages.MapsTokenImpl_ExpiresSoon(when, days, source))
                    : FormValidation.ok(Messages.MapsTokenImpl_Expires(when, days, source));
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /**
     * Exchanges the Maps token at the Maps Server API and explains the answer; the tokens are never shown.
     * {@code token} is the plain token (see {@link #formSecret}), {@code null} when the form held someone else's.
     */
    static FormValidation testMapsToken(HttpClient client, Clock clock, String token, String apiBaseUrl)
            throws InterruptedException {
        if (token == null) {
            return FormValidation.error(Messages.AppleCredentialChecks_NotThisCredential());
        }
        String plain = token;
        if (plain.isBlank()) {
            return FormValidation.error(Messages.MapsTokenImpl_NoToken());
        }
        MapsAccessTokenExchange.Result r;
        try {
            URI base = MapsAccessTokenExchange.baseUrl(apiBaseUrl);
            r = new MapsAccessTokenExchange(client, clock, MapsAccessTokenExchange.DEFAULT_TIMEOUT).exchange(base, plain);
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
        String apple = r.appleMessage() == null ? "" : r.appleMessage();
        return switch (r.outcome()) {
            case OK -> FormValidation.ok(Messages.MapsTokenCheck_Ok(r.host(), r.expiresAt().toString()));
            case UNAUTHORIZED -> FormValidation.error(Messages.MapsTokenCheck_Unauthorized(apple));
            case RATE_LIMITED -> FormValidation.warning(Messages.MapsTokenCheck_RateLimited());
            case SERVER_ERROR, UNEXPECTED -> FormValidation.error(Messages.MapsTokenCheck_Unexpected(String.valueOf(r.status()), apple));
            case NETWORK -> FormValidation.error(Messages.AppleCredentialChecks_Network(r.host()));
        };
    }

    /** Lists the zones of the container's public database with an API token or a signed request; explains the answer. */
    static FormValidation testCloudKit(String container, String environment, String apiBaseUrl,
            CloudKitCaller call) throws InterruptedException {
        CloudKitCheckResult r;
        try {
            URI base = CloudKitConnectionCheck.baseUrl(apiBaseUrl);
            String c = CloudKitIds.requireContainer(container);
            CloudKitEnvironment e = CloudKitEnvironment.parse(environment);
            r = call.call(new CloudKitCall(base, c, e));
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
        return explain(r);
    }

    /** Where a CloudKit test call goes. */
    record CloudKitCall(URI base, String container, CloudKitEnvironment environment) {}

    /** Makes the CloudKit test call. */
    interface CloudKitCaller {
        CloudKitCheckResult call(CloudKitCall where) throws InterruptedException;
    }

    static FormValidation explain(CloudKitCheckResult r) {
        String code = r.serverErrorCode() == null ? "" : r.serverErrorCode();
        return switch (r.outcome()) {
            case OK -> FormValidation.ok(Messages.CloudKitCheck_Ok(r.host(), String.valueOf(Math.max(r.zoneCount(), 0))));
            case AUTHENTICATION_FAILED -> FormValidation.error(Messages.CloudKitCheck_AuthenticationFailed(code));
            case AUTHENTICATION_REQUIRED -> FormValidation.warning(Messages.CloudKitCheck_AuthenticationRequired(code));
            case ACCESS_DENIED -> FormValidation.error(Messages.CloudKitCheck_AccessDenied(code));
            case NOT_FOUND -> FormValidation.error(Messages.CloudKitCheck_NotFound(code));
            case BAD_REQUEST -> FormValidation.error(Messages.CloudKitCheck_BadRequest(code));
            case THROTTLED -> FormValidation.warning(Messages.CloudKitCheck_Throttled());
            case SERVER_ERROR, UNEXPECTED -> FormValidation.error(Messages.CloudKitCheck_Unexpected(String.valueOf(r.status()), code));
            case NETWORK -> FormValidation.error(Messages.AppleCredentialChecks_Network(r.host()));
        };
    }

    static Duration timeout() {
        return CloudKitConnectionCheck.DEFAULT_TIMEOUT;
    }

    /** The enum constant named {@code name}, or {@code null} when blank or unknown (core then uses its default). */
    static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A whole number typed into a form, or 0 (the default) when blank or not a number. */
    static int intValue(String text) {
        try {
            return text == null || text.isBlank() ? 0 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The text of a secret form field for the field checks: as typed. A value in Jenkins' encrypted form is never
     * decrypted here (callers say nothing about it), so a check cannot be used to read another secret.
     */
    static String plain(String value) {
        return value == null ? "" : value;
    }

    /**
     * The secret a form field stands for when it is sent out by a test call. The encrypted form of a secret counts
     * only when it is the stored value of the credential being edited ({@code stored}, looked up by the caller);
     * anything else is the text as typed. {@code null} when the field holds an encrypted value that is not that
     * stored value: it is never decrypted, and the caller refuses it.
     */
    static String formSecret(String posted, Secret stored) {
        if (posted == null) {
            return "";
        }
        if (stored != null && posted.equals(stored.getEncryptedValue())) {
            return stored.getPlainText();
        }
        return looksEncrypted(posted) ? null : posted;
    }

    /** Jenkins' encrypted form of a secret: base64 in braces, as {@code Secret.getEncryptedValue()} writes it. */
    private static final Pattern ENCRYPTED = Pattern.compile("\\{[A-Za-z0-9+/]+={0,2}}");

    static boolean looksEncrypted(String value) {
        return value != null && ENCRYPTED.matcher(value.strip()).matches();
    }

    /** System properties that point Test connection elsewhere (a test server or a relay); unset means Apple's hosts. */
    static final String APP_STORE_CONNECT_URL_PROPERTY = "io.jenkins.plugins.appstoreconnect.testConnection.appStoreConnectUrl";
    static final String MAPS_URL_PROPERTY = "io.jenkins.plugins.appstoreconnect.testConnection.mapsUrl";
    static final String CLOUDKIT_URL_PROPERTY = "io.jenkins.plugins.appstoreconnect.testConnection.cloudKitUrl";

    /**
     * The base URL a test call uses: Apple's ({@code null}) unless whoever starts Jenkins set the system property.
     * Never taken from a request: the call carries a token or a signature made with the stored key.
     */
    static String adminBaseUrl(String property) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
