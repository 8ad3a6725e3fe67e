package io.jenkins.plugins.appstoreconnect.credentials;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.Extension;
import hudson.ProxyConfiguration;
import hudson.model.Descriptor.FormException;
import hudson.model.ModelObject;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsExpiry;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenType;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenValidity;
import io.jenkins.plugins.appstoreconnect.core.maps.PortalMapsToken;
import java.time.Clock;
import java.time.Instant;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The stored Maps token. The constructor, which Configuration as Code also calls at every start and for its export,
 * refuses only malformed input ({@link PortalMapsToken#read}): an expired token or a past date is stored and then
 * reported (form check, administrative monitor, build failure at use), never refused, and nothing stored depends on
 * when the constructor ran. The expiry (the JWT's {@code exp}, else the validation duration from the creation
 * date) is stored with the token.
 */
public class MapsTokenImpl extends BaseStandardCredentials implements MapsToken {
    private static final long serialVersionUID = 1L;

    private final Secret token;
    private final MapsTokenType type;
    private final String domains;
    private final MapsTokenValidity validity;
    private final String expiryDate;
    private final String createdOn;
    private final Long expiresAtEpochSecond;
    private int expiryWarningDays = MapsExpiry.DEFAULT_WINDOW_DAYS;

    /**
     * @throws InvalidInputException naming the problem (never quoting the token)
     */
    @DataBoundConstructor
    public MapsTokenImpl(CredentialsScope scope, String id, String description, Secret token, MapsTokenType type,
            String domains, MapsTokenValidity validity, String expiryDate, String createdOn) throws FormException {
        super(scope, id, description);
        if (token == null || token.getPlainText().isBlank()) {
            throw new FormException(Messages.MapsTokenImpl_NoToken(), "token");
        }
        CredentialFields.check("domains", () -> PortalMapsToken.read("t", null, domains, null, null, null));
        CredentialFields.check("expiryDate", () -> PortalMapsToken.read("t", null, "", validity, expiryDate, null));
        CredentialFields.check("createdOn", () -> PortalMapsToken.read("t", null, "", validity, expiryDate, createdOn));
        PortalMapsToken t = CredentialFields.check("token",
                () -> PortalMapsToken.read(token.getPlainText(), type, domains, validity, expiryDate, createdOn));
        this.token = Secret.fromString(t.token());
        this.type = t.type();
        this.domains = String.join(", ", t.domains());
        this.validity = t.validity();
        this.expiryDate = t.validity() == MapsTokenValidity.DATE ? expiryDate.strip() : "";
        this.createdOn = t.createdOn() == null ? "" : t.createdOn().toString();
        this.expiresAtEpochSecond = t.expiresAt().map(Instant::getEpochSecond).orElse(null);
    }

    /**
     * A credential created from XML (REST {@code createCredentials}, a POSTed {@code config.xml}, the CLI) or loaded
     * from disk is built again through the constructor, so it is checked and normalised as a saved form is; stale
     * values are kept, malformed ones refused with a message naming the field.
     */
    protected Object readResolve() {
        return CredentialFields.fromXml(Messages.Kind_MapsToken(), getId(), () -> {
            MapsTokenImpl c = new MapsTokenImpl(getScope(), getId(), getDescription(),
                    token, type, domains, validity, expiryDate, createdOn);
            c.setExpiryWarningDays(expiryWarningDays);
            return c;
        });
    }

    @Override
    public Secret getToken() {
        return token;
    }

    @Override
    public MapsTokenType getType() {
        return type;
    }

    @Override
    public String getDomains() {
        return domains;
    }

    @Override
    public MapsTokenValidity getValidity() {
        return validity;
    }

    @Override
    public String getExpiryDate() {
        return expiryDate;
    }

    @Override
    public String getCreatedOn() {
        return createdOn;
    }

    @Override
    public int getExpiryWarningDays() {
        return expiryWarningDays;
    }

    /** Days before expiry from which the token is reported; 0 or less means the default (14). */
    @DataBoundSetter
    public void setExpiryWarningDays(int expiryWarningDays) throws FormException {
        this.expiryWarningDays = CredentialFields.check("expiryWarningDays", () -> MapsExpiry.windowDays(expiryWarningDays));
    }

    @Override
    public Instant getExpiresAt() {
        return expiresAtEpochSecond == null ? null : Instant.ofEpochSecond(expiresAtEpochSecond);
    }

    /** Days left or expiry, now; for the form. */
    public String getExpirySummary() {
        return expirySummary(Clock.systemUTC());
    }

    @Override
    public String toString() {
        return "MapsToken[id=" + getId() + ", " + type.getLabel() + ", expires="
                + (expiresAtEpochSecond == null ? "never" : getExpiresAt()) + ", token=<redacted>]";
    }

    /** The credentials form and the Configuration as Code entry point. */
    @Extension
    @Symbol("appleMapsToken")
    public static class DescriptorImpl extends BaseStandardCredentialsDescriptor {

        @Override
        public String getDisplayName() {
            return Messages.MapsTokenImpl_DisplayName();
        }

        /**
         * Shows the expiry the token would be stored with, or why it would be refused. POST: the token is in the body.
         * On the update page the field holds the stored token's encrypted form: it is read only for the credential
         * being edited ({@code id}), so the stored token's expiry still shows there.
         */
        @POST
        public FormValidation doCheckToken(@AncestorInPath ModelObject context, @QueryParameter String value,
                @QueryParameter String type, @QueryParameter String domains, @QueryParameter String validity,
                @QueryParameter String expiryDate, @QueryParameter String createdOn, @QueryParameter String expiryWarningDays,
                @QueryParameter String id) {
            if (!CredentialFormContext.mayConfigure(context)) {
                return FormValidation.ok();
            }
            MapsTokenImpl stored = CredentialFormContext.edited(context, MapsTokenImpl.class, id);
            String token = AppleCredentialChecks.formSecret(value, stored == null ? null : stored.getToken());
            return AppleCredentialChecks.mapsToken(token, AppleCredentialChecks.enumValue(MapsTokenType.class, type), domains,
                    AppleCredentialChecks.enumValue(MapsTokenValidity.class, validity), expiryDate, createdOn,
                    AppleCredentialChecks.intValue(expiryWarningDays), Clock.systemUTC());
        }

        @POST
        public FormValidation doCheckDomains(@AncestorInPath ModelObject context, @QueryParameter String value) {
            if (!CredentialFormContext.mayConfigure(context)) {
                return FormValidation.ok();
            }
            return AppleCredentialChecks.check(() -> PortalMapsToken.read("t", null, value, null, null, null));
        }

        /**
         * Exchanges the token at the Maps Server API ({@code GET /v1/token}); only Server API tokens are accepted there.
         * The token goes to Apple's host (or the administrator's, see {@link AppleCredentialChecks#adminBaseUrl}); a
         * stored token is used only for the credential being edited ({@code id}).
         */
        @POST
        public FormValidation doTestConnection(@AncestorInPath ModelObject context, @QueryParameter String token,
                @QueryParameter String id) throws InterruptedException {
            CredentialFormContext.checkMayConfigure(context);
            MapsTokenImpl stored = CredentialFormContext.edited(context, MapsTokenImpl.class, id);
            return AppleCredentialChecks.testMapsToken(ProxyConfiguration.newHttpClient(), Clock.systemUTC(),
                    AppleCredentialChecks.formSecret(token, stored == null ? null : stored.getToken()),
                    AppleCredentialChecks.adminBaseUrl(AppleCredentialChecks.MAPS_URL_PROPERTY));
        }
    }
}
