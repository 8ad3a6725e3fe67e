package io.jenkins.plugins.appstoreconnect.core.environment;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.Audience;
import io.jenkins.plugins.appstoreconnect.core.token.TokenCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The token request of a {@code withAppStoreConnectToken} block, freestyle wrapper or {@code withCredentials}
 * binding, from the credential's facts and the user's options ({@code scope}, {@code lifetime}).
 */
public final class TokenOptions {

    /**
     * The shortest {@code lifetime}: a token is issued {@link TokenRequest#DEFAULT_BACKDATE} in
     * the past and replaced {@link TokenCache#DEFAULT_REFRESH_MARGIN} before it expires, so it must live longer
     * than both together: 361 s.
     */
    public static final int MIN_LIFETIME_SECONDS = (int) TokenRequest.DEFAULT_BACKDATE
            .plus(TokenCache.DEFAULT_REFRESH_MARGIN).getSeconds() + 1;
    /** The longest {@code lifetime}: Apple's 20 minutes, backdate included (1200 s). */
    public static final int MAX_LIFETIME_SECONDS = (int) TokenRequest.MAX_LIFETIME.getSeconds();

    private TokenOptions() {}

    /**
     * The request for a credential.
     *
     * @param keyId           the credential's key ID
     * @param issuerId        its issuer ID, or {@code null} for an individual key
     * @param enterprise      whether it is an Enterprise Program key
     * @param scope           {@code "METHOD /path"} entries, or {@code null}/empty for none; blank entries are ignored
     * @param lifetimeSeconds {@code exp - iat} (backdate included), or {@code null} for the default 1200 s
     * @throws InvalidInputException for a lifetime outside {@value #MIN_LIFETIME_SECONDS} to
     *                               {@value #MAX_LIFETIME_SECONDS} s or a malformed scope entry
     */
    public static TokenRequest request(String keyId, String issuerId, boolean enterprise, List<String> scope,
            Integer lifetimeSeconds) {
        TokenRequest.Builder b = TokenRequest.builder().keyId(keyId).issuerId(issuerId)
                .audience(enterprise ? Audience.ENTERPRISE : Audience.STANDARD);
        if (lifetimeSeconds != null) {
            int s = lifetimeSeconds;
            if (s < MIN_LIFETIME_SECONDS || s > MAX_LIFETIME_SECONDS) {
                throw new InvalidInputException("The token lifetime must be " + MIN_LIFETIME_SECONDS + " to "
                        + MAX_LIFETIME_SECONDS + " seconds (Apple allows 20 minutes, including the "
                        + TokenRequest.DEFAULT_BACKDATE.getSeconds() + " s by which tokens are dated back;"
                        + " tokens are replaced " + TokenCache.DEFAULT_REFRESH_MARGIN.toMinutes()
                        + " minutes before they expire); got " + s + ".");
            }
            b.lifetime(Duration.ofSeconds(s));
        }
        if (scope != null) {
            List<String> entries = new ArrayList<>();
            for (String e : scope) {
                if (e != null && !e.isBlank()) {
                    entries.add(e.strip());
                }
            }
            b.scope(entries);
        }
        return b.build();
    }
}
