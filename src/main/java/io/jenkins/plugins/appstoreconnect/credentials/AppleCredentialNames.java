package io.jenkins.plugins.appstoreconnect.credentials;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import java.time.Clock;

/** How the Apple developer key, Maps token and CloudKit credentials are named in credential lists. */
public final class AppleCredentialNames {
    private AppleCredentialNames() {}

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
            return Messages.MapsToken_Name(described(c.getDescription(), Messages.MapsToken_DefaultName(c.getType().getLabel())),
                    c.expirySummary(Clock.systemUTC()));
        }
    }

    /** Description, else "CloudKit API token (container, environment)". */
    public static class CloudKitApiTokens extends CredentialsNameProvider<CloudKitApiToken> {
        @Override
        public String getName(CloudKitApiToken c) {
            return described(c.getDescription(),
                    Messages.CloudKitApiToken_Name(c.getContainer(), c.getEnvironment().pathSegment()));
        }
    }

    /** Description, else "CloudKit server-to-server key (container, environment)". */
    public static class CloudKitServerKeys extends CredentialsNameProvider<CloudKitServerKey> {
        @Override
        public String getName(CloudKitServerKey c) {
            return described(c.getDescription(),
                    Messages.CloudKitServerKey_Name(c.getContainer(), c.getEnvironment().pathSegment()));
        }
    }
}
