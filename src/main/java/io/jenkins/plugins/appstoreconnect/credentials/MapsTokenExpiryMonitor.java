package io.jenkins.plugins.appstoreconnect.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.Extension;
import hudson.model.AdministrativeMonitor;
import hudson.security.ACL;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsExpiry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * Tells administrators (Manage Jenkins) about Maps tokens in Jenkins' own credential store that expire within
 * their warning window (default 14 days) or have expired. It lists names and days only, never tokens. Tokens in
 * folder stores are not looked at. The report is recomputed at most once a minute.
 */
@Extension
public class MapsTokenExpiryMonitor extends AdministrativeMonitor {

    private static final long RECHECK_MILLIS = 60_000;

    private volatile List<Row> cached = List.of();
    private volatile long cachedAt;

    /** Keeps the ID of the version that had this class in the plugin's top package: a monitor an admin dismissed stays dismissed. */
    public MapsTokenExpiryMonitor() {
        super("io.jenkins.plugins.appstoreconnect.MapsTokenExpiryMonitor");
    }

    @Override
    public String getDisplayName() {
        return Messages.MapsTokenExpiryMonitor_DisplayName();
    }

    @Override
    public boolean isActivated() {
        return !getRows().isEmpty();
    }

    /** The tokens to report, soonest first. */
    public List<Row> getRows() {
        long now = System.currentTimeMillis();
        if (now - cachedAt > RECHECK_MILLIS) {
            cached = report(CredentialsProvider.lookupCredentialsInItemGroup(MapsToken.class, Jenkins.get(), ACL.SYSTEM2),
                    Clock.systemUTC());
            cachedAt = now;
        }
        return cached;
    }

    /** The tokens among {@code tokens} that are expiring soon or expired, soonest first. */
    static List<Row> report(List<? extends MapsToken> tokens, Clock clock) {
        List<Row> rows = new ArrayList<>();
        for (MapsToken t : tokens) {
            MapsExpiry.Status status = t.status(clock);
            java.time.Instant expiresAt = t.getExpiresAt(); // set whenever the status is one of these two
            if (expiresAt != null && (status == MapsExpiry.Status.EXPIRING_SOON || status == MapsExpiry.Status.EXPIRED)) {
                rows.add(new Row(t.getId(), new AppleCredentialNames.MapsTokens().getName(t),
                        t.daysLeft(clock).orElse(0L), status == MapsExpiry.Status.EXPIRED, expiresAt.toString()));
            }
        }
        rows.sort(Comparator.comparingLong(Row::getDaysLeft));
        return List.copyOf(rows);
    }

    /** One reported token, for the view. */
    public static final class Row {
        private final String id;
        private final String name;
        private final long daysLeft;
        private final boolean expired;
        private final String expiresAt;

        Row(String id, String name, long daysLeft, boolean expired, String expiresAt) {
            this.id = id;
            this.name = name;
            this.daysLeft = daysLeft;
            this.expired = expired;
            this.expiresAt = expiresAt;
        }

        public String getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public long getDaysLeft() {
            return daysLeft;
        }

        public boolean isExpired() {
            return expired;
        }

        public String getExpiresAt() {
            return expiresAt;
        }
    }
}
