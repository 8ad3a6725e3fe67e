package io.jenkins.plugins.appstoreconnect.credentials;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import java.time.Clock;

/** How the Apple developer key, Maps token and CloudKit credentials are named in credential lists. */
public final class AppleCredentialNames {
    private AppleCredentialNames() {}

    /** Names must never fail, even for a credential whose stored fields are incomplete (the lists would break). */
    private static String environment(io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitEnvironment e) {
        return e == null ? "?" : e.pathSegment();
    }

    private static String described(String description, String fallback) {
        return description != null && !description.isBlank() ? description : fallback;
    }

    /** Description, else "Apple developer key KEYID (team TEAMID)". */
    public static class DeveloperKey extends CredentialsNameProvider<AppleDeveloperKey> {
        @Override
        public String getName(AppleDeveloperKey c) {
            return described(c.getDescription(), Messages.AppleDeveloperKey_Name(c.getKeyId(), c.getTeamId()));
        }
    }

    /** Description or "Maps token (type)", always followed by the days left: the expiry is visible wherever it is picked. */
    public static class MapsTokens extends CredentialsNameProvider<MapsToken> {
        @Override
        public String getName(MapsToken c) {
            String type = c.getType() == null ? "?" : c.getType().getLabel();
            return Messages.MapsToken_Name(described(c.getDescription(), Messages.MapsToken_DefaultName(type)),
                    c.expirySummary(Clock.systemUTC()));
        }
    }

    /** Description, else "CloudKit API token (container, environment)". */
    public static class CloudKitApiTokens extends CredentialsNameProvider<CloudKitApiToken> {
        @Override
        public String getName(CloudKitApiToken c) {
            return described(c.getDescription(),
                    Messages.CloudKitApiToken_Name(c.getContainer(), environment(c.getEnvironment())));
        }
    }

    /** Description, else "CloudKit server-to-server key (container, environment)". */
    public static class CloudKitServerKeys extends CredentialsNameProvider<CloudKitServerKey> {
        @Override
        public String getName(CloudKitServerKey c) {
            return described(c.getDescription(),
                    Messages.CloudKitServerKey_Name(c.getContainer(), environment(c.getEnvironment())));
        }
    }
}
