package io.jenkins.plugins.appstoreconnect;

import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.apple.AppleTeamIds;
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
        return check(() -> AppleTeamIds.requireTeamId(value));
    }

    static FormValidation developerKeyId(String value) {
        return check(() -> AppleTeamIds.requireKeyId(value));
    }

    static FormValidation container(String value) {
        return check(() -> CloudKitIds.requireContainer(value));
    }

    static FormValidation serverKeyId(String value) {
        return check(() -> CloudKitIds.requireServerKeyId(value));
    }

    static FormValidation apiToken(String value) {
        return check(() -> CloudKitIds.requireApiToken(plain(value)));
    }

    /** {@code value} is pasted text or the encrypted form of a stored key; {@code missing} is the message for none. */
    static FormValidation privateKey(String value, String missing) {
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

    /** What the Maps token form would store: the expiry it finds, or why it would refuse. */
    static FormValidation mapsToken(String token, MapsTokenType type, String domains, MapsTokenValidity validity,
            String expiryDate, String createdOn, int warningDays, Clock clock) {
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

    /** Exchanges the Maps token at the Maps Server API and explains the answer; the tokens are never shown. */
    static FormValidation testMapsToken(HttpClient client, Clock clock, String token, String apiBaseUrl)
            throws InterruptedException {
        String plain = plain(token);
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

    /** The plain text of a form value that may be the encrypted form of a stored secret. */
    static String plain(String value) {
        return value == null ? "" : Secret.fromString(value).getPlainText();
    }
}
