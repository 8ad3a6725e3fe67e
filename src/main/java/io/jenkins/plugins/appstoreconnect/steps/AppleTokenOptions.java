package io.jenkins.plugins.appstoreconnect.steps;

import hudson.util.ListBoxModel;
import io.jenkins.plugins.appstoreconnect.credentials.AppleDeveloperKey;
import io.jenkins.plugins.appstoreconnect.core.token.TokenProfile;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.TokenParameters;
import io.jenkins.plugins.appstoreconnect.core.environment.EnvironmentNames;
import hudson.AbortException;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.core.token.TokenSource;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code withAppleToken} and the {@code appleToken} binding mint: the profile, its parameters and the variable.
 * Plain data (no secret), stored as given and checked by core ({@link TokenParameters#requestForKey}) when used.
 */
final class AppleTokenOptions implements KeyUseSpec<AppleDeveloperKey> {
    private static final long serialVersionUID = 1L;

    /** The variable when none is named. */
    static final String DEFAULT_VARIABLE = "APPLE_TOKEN";

    private String profile;
    private String variable;
    private String issuerId;
    private String serviceId;
    private String clientId;
    private String bundleId;
    private String origins;
    private String scope;
    private int lifetime;

    AppleTokenOptions(String profile) {
        this.profile = profile;
    }

    /** The profiles for a form's drop-down: short name and title. */
    static ListBoxModel profileItems() {
        ListBoxModel m = new ListBoxModel();
        for (TokenProfile p : TokenProfile.teamKeyProfiles()) {
            m.add(new ListBoxModel.Option(p.cliName() + " \u2014 " + p.title(), p.cliName()));
        }
        return m;
    }

    AppleTokenOptions copy() {
        AppleTokenOptions c = new AppleTokenOptions(profile);
        c.variable = variable;
        c.issuerId = issuerId;
        c.serviceId = serviceId;
        c.clientId = clientId;
        c.bundleId = bundleId;
        c.origins = origins;
        c.scope = scope;
        c.lifetime = lifetime;
        return c;
    }

    /**
     * The request for {@code credential}'s key ID and Team ID.
     *
     * @throws io.jenkins.plugins.appstoreconnect.core.InvalidInputException for an unknown profile, a missing or
     *                                                                        wrong parameter
     */
    @Override
    public TokenRequest request(AppleDeveloperKey credential) {
        variableName();
        return TokenParameters.requestForKey(profile, credential.getKeyId(), credential.getTeamId(), parameters());
    }

    @Override
    public AppleDeveloperKey lookup(String credentialsId, Run<?, ?> run, boolean track) throws AbortException {
        return CredentialLookup.find(AppleDeveloperKey.class, credentialsId, run, track, kind());
    }

    @Override
    public String kind() {
        return Messages.Kind_AppleDeveloperKey();
    }

    @Override
    public Secret privateKey(AppleDeveloperKey credential) {
        return credential.getPrivateKey();
    }

    @Override
    public boolean writesKeyFiles() {
        return false;
    }

    @Override
    public Map<String, String> variables(TokenSource tokens, String maskPrefix, String directory) {
        return Map.of(variableName(), tokens.token(maskPrefix).token());
    }

    @Override
    public Set<String> tokenVariables() {
        return Set.of(variableName());
    }

    @Override
    public List<String> intro(String credentialsId, TokenRequest request, String directory, boolean masked) {
        String what = request.profile().cliName() + ", " + request.profile().title();
        return List.of(masked ? Messages.AppleToken_Using(credentialsId, request.keyId(), what, variableName())
                : Messages.AppleToken_UsingBinding(credentialsId, request.keyId(), what, variableName()));
    }

    @Override
    public String badOption(String credentialsId, String problem) {
        return Messages.AppleToken_BadOption(credentialsId, problem);
    }

    @Override
    public String changed(String credentialsId) {
        return Messages.AppleToken_Changed(credentialsId);
    }

    /** The parameters as core names them; blank ones left out. */
    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "issuerId", issuerId);
        put(p, "serviceId", serviceId);
        put(p, "clientId", clientId);
        put(p, "bundleId", bundleId);
        put(p, "origins", origins);
        put(p, "scope", scope);
        if (lifetime > 0) {
            p.put("lifetimeSeconds", String.valueOf(lifetime));
        }
        return p;
    }

    private static void put(Map<String, String> p, String name, String value) {
        if (value != null && !value.isBlank()) {
            p.put(name, value.strip());
        }
    }

    /**
     * The token variable's name, checked.
     *
     * @throws io.jenkins.plugins.appstoreconnect.core.InvalidInputException for a malformed or reserved name
     */
    String variableName() {
        String v = variable == null || variable.isBlank() ? DEFAULT_VARIABLE : variable.strip();
        return EnvironmentNames.requireName(Messages.AppleToken_VariableWhat(), v);
    }

    String getProfile() { return profile; }

    String getVariable() { return variable == null || variable.isBlank() ? DEFAULT_VARIABLE : variable; }
    void setVariable(String variable) { this.variable = variable; }

    String getIssuerId() { return issuerId; }
    void setIssuerId(String issuerId) { this.issuerId = issuerId; }

    String getServiceId() { return serviceId; }
    void setServiceId(String serviceId) { this.serviceId = serviceId; }

    String getClientId() { return clientId; }
    void setClientId(String clientId) { this.clientId = clientId; }

    String getBundleId() { return bundleId; }
    void setBundleId(String bundleId) { this.bundleId = bundleId; }

    String getOrigins() { return origins; }
    void setOrigins(String origins) { this.origins = origins; }

    String getScope() { return scope; }
    void setScope(String scope) { this.scope = scope; }

    int getLifetime() { return lifetime; }
    void setLifetime(int lifetime) { this.lifetime = lifetime; }
}
