package io.jenkins.plugins.appstoreconnect.credentials;

import hudson.util.FormValidation;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.connect.ConnectionCheck;
import io.jenkins.plugins.appstoreconnect.core.connect.ConnectionResult;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.Tokens;
import io.jenkins.plugins.appstoreconnect.core.token.Audience;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * "Test connection" on the credentials form: mints a token from what is in the form (stored or not) and
 * asks App Store Connect for one app, then explains the answer for a person. The token is never shown.
 */
final class TestConnection {
    private final HttpClient client;
    private final Clock clock;

    TestConnection(HttpClient client) {
        this(client, Clock.systemUTC());
    }

    TestConnection(HttpClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /**
     * {@code privateKey} is the key's text, as resolved by {@link AppleCredentialChecks#formSecret} ({@code null}: the
     * form held an encrypted value that is not the edited credential's, refused without a call). {@code apiBaseUrl}
     * is {@code null} for Apple's, or the administrator's setting (see {@link AppleCredentialChecks#adminBaseUrl}).
     */
    FormValidation run(String keyId, String issuerId, String privateKey, boolean enterprise, String apiBaseUrl)
            throws InterruptedException {
        if (privateKey == null) {
            return FormValidation.error(Messages.AppleCredentialChecks_NotThisCredential());
        }
        ConnectionResult result;
        boolean individual;
        try {
            URI base = ConnectionCheck.baseUrl(apiBaseUrl);
            String plain = privateKey;
            if (plain.isBlank()) {
                return FormValidation.error(Messages.AppStoreConnectApiKeyImpl_NoKey());
            }
            ParsedKey key = P256PrivateKeys.parse(plain);
            TokenRequest request = TokenRequest.builder()
                    .keyId(keyId)
                    .issuerId(issuerId == null || issuerId.isBlank() ? null : issuerId)
                    .audience(enterprise ? Audience.ENTERPRISE : Audience.STANDARD)
                    .build();
            individual = request.isIndividual();
            String token = Tokens.mint(key.privateKey(), request, clock).token();
            result = new ConnectionCheck(client, clock, ConnectionCheck.DEFAULT_TIMEOUT).check(base, token);
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
        return explain(result, individual);
    }

    static FormValidation explain(ConnectionResult r, boolean individual) {
        String code = r.appleError() == null || r.appleError().code() == null ? "" : r.appleError().code();
        return switch (r.outcome()) {
            case OK -> FormValidation.ok(r.rateLimitRemaining().isPresent()
                    ? Messages.TestConnection_Ok(r.host(), String.valueOf(r.rateLimitRemaining().getAsInt()))
                    : Messages.TestConnection_OkNoRateLimit(r.host()));
            case UNAUTHORIZED -> FormValidation.error(Messages.TestConnection_Unauthorized(code, causes(r, individual)));
            case FORBIDDEN -> FormValidation.error(Messages.TestConnection_Forbidden(code));
            case RATE_LIMITED -> FormValidation.warning(Messages.TestConnection_RateLimited());
            case NETWORK -> FormValidation.error(network(r));
            case UNEXPECTED -> FormValidation.error(Messages.TestConnection_Unexpected(
                    String.valueOf(r.status()), r.appleError() == null || r.appleError().title() == null ? "" : r.appleError().title()));
        };
    }

    private static String causes(ConnectionResult r, boolean individual) {
        List<ConnectionResult.UnauthorizedCause> causes = r.likelyCauses(individual);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < causes.size(); i++) {
            text.append(i == 0 ? "" : " ").append(i + 1).append(") ").append(switch (causes.get(i)) {
                case CLOCK_SKEW -> skew(r.clockSkew().orElse(Duration.ZERO));
                case WRONG_ISSUER_ID -> Messages.TestConnection_Cause_WrongIssuerId();
                case WRONG_KEY_ID -> Messages.TestConnection_Cause_WrongKeyId();
                case KEY_REVOKED -> Messages.TestConnection_Cause_KeyRevoked();
            });
        }
        return text.toString();
    }

    private static String skew(Duration serverMinusOurs) {
        long seconds = Math.abs(serverMinusOurs.getSeconds());
        return serverMinusOurs.isNegative()
                ? Messages.TestConnection_Cause_ClockAhead(String.valueOf(seconds))
                : Messages.TestConnection_Cause_ClockBehind(String.valueOf(seconds));
    }

    private static String network(ConnectionResult r) {
        return switch (r.networkProblem()) {
            case REFUSED -> Messages.TestConnection_Network_Refused(r.host());
            case UNKNOWN_HOST -> Messages.TestConnection_Network_UnknownHost(r.host());
            case TIMEOUT -> Messages.TestConnection_Network_Timeout(r.host());
            case TLS -> Messages.TestConnection_Network_Tls(r.host());
            case OTHER -> Messages.TestConnection_Network_Other(r.host());
        };
    }
}
