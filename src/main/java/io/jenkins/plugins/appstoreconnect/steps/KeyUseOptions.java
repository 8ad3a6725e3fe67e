package io.jenkins.plugins.appstoreconnect.steps;

import io.jenkins.plugins.appstoreconnect.credentials.AppStoreConnectApiKey;
import io.jenkins.plugins.appstoreconnect.core.environment.EnvironmentNames;
import io.jenkins.plugins.appstoreconnect.core.environment.EnvironmentNames.Variable;
import io.jenkins.plugins.appstoreconnect.core.environment.TokenOptions;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import hudson.AbortException;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.core.environment.BuildEnvironment;
import io.jenkins.plugins.appstoreconnect.core.environment.KeyFilePaths;
import io.jenkins.plugins.appstoreconnect.core.token.TokenSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options the step, the build wrapper and the binding share: token scope and lifetime, and the variable
 * names. Plain data (no secret), checked by core when used. A name is stored as given: {@code null} for the
 * default, empty to switch the variable off.
 */
final class KeyUseOptions implements KeyUseSpec<AppStoreConnectApiKey> {
    private static final long serialVersionUID = 1L;

    private List<String> scope;
    private int lifetime;
    private String jwtVariable;
    private String keyIdVariable;
    private String issuerIdVariable;
    private String keyFilePathVariable;
    private String apiKeyPathVariable;
    private String inHouseVariable;
    private String durationVariable;
    private String privateKeysDirVariable;

    KeyUseOptions copy() {
        KeyUseOptions c = new KeyUseOptions();
        c.scope = scope == null ? null : new ArrayList<>(scope);
        c.lifetime = lifetime;
        for (Variable v : Variable.values()) {
            c.setName(v, storedName(v));
        }
        return c;
    }

    List<String> getScope() { return scope == null ? List.of() : List.copyOf(scope); }
    void setScope(List<String> scope) { this.scope = scope == null || scope.isEmpty() ? null : new ArrayList<>(scope); }

    /** The scope as the forms show it: one entry per line. */
    String getScopeLines() { return String.join("\n", getScope()); }
    void setScopeLines(String lines) { setScope(lines == null ? null : List.of(lines.split("\\R"))); }

    /** Seconds; 0 for the default. */
    int getLifetime() { return lifetime; }
    void setLifetime(int lifetime) { this.lifetime = lifetime; }

    /** The name a form or snippet shows: the default when none was chosen, empty when switched off. */
    String name(Variable v) {
        String stored = storedName(v);
        return stored == null ? v.defaultName() : stored;
    }

    /** {@code null} or the default name keeps the default; empty switches the variable off. */
    void setName(Variable v, String name) {
        String value = name == null || name.strip().equals(v.defaultName()) ? null : name.strip();
        switch (v) {
            case JWT: jwtVariable = value; break;
            case KEY_ID: keyIdVariable = value; break;
            case ISSUER_ID: issuerIdVariable = value; break;
            case KEY_FILEPATH: keyFilePathVariable = value; break;
            case API_KEY_PATH: apiKeyPathVariable = value; break;
            case IN_HOUSE: inHouseVariable = value; break;
            case DURATION: durationVariable = value; break;
            case PRIVATE_KEYS_DIR: privateKeysDirVariable = value; break;
            default: throw new IllegalStateException("unknown variable " + v);
        }
    }

    private String storedName(Variable v) {
        switch (v) {
            case JWT: return jwtVariable;
            case KEY_ID: return keyIdVariable;
            case ISSUER_ID: return issuerIdVariable;
            case KEY_FILEPATH: return keyFilePathVariable;
            case API_KEY_PATH: return apiKeyPathVariable;
            case IN_HOUSE: return inHouseVariable;
            case DURATION: return durationVariable;
            case PRIVATE_KEYS_DIR: return privateKeysDirVariable;
            default: throw new IllegalStateException("unknown variable " + v);
        }
    }

    /** The checked names; throws core's InvalidInputException naming the problem. */
    EnvironmentNames names() {
        Map<Variable, String> overrides = new EnumMap<>(Variable.class);
        for (Variable v : Variable.values()) {
            overrides.put(v, storedName(v));
        }
        return EnvironmentNames.withOverrides(overrides);
    }

    /** The checked token request for {@code key} (and the variable names); throws core's InvalidInputException. */
    @Override
    public TokenRequest request(AppStoreConnectApiKey key) {
        names();
        return TokenOptions.request(key.getKeyId(), key.getIssuerId(), key.isEnterprise(), scope,
                lifetime == 0 ? null : lifetime);
    }

    @Override
    public AppStoreConnectApiKey lookup(String credentialsId, Run<?, ?> run, boolean track) throws AbortException {
        return CredentialLookup.find(AppStoreConnectApiKey.class, credentialsId, run, track, Messages.KeyUse_NoCredentialsId(),
                Messages.KeyUse_NotFound(credentialsId));
    }

    @Override
    public String kind() {
        return Messages.Kind_AppStoreConnectApiKey();
    }

    @Override
    public Secret privateKey(AppStoreConnectApiKey credential) {
        return credential.getPrivateKey();
    }

    @Override
    public boolean writesKeyFiles() {
        return true;
    }

    @Override
    public Map<String, String> variables(TokenSource tokens, String maskPrefix, String directory) {
        return BuildEnvironment.forStep(names(), tokens, KeyFilePaths.inDirectory(directory, tokens.request().keyId()), maskPrefix);
    }

    @Override
    public Set<String> tokenVariables() {
        String jwt = names().name(Variable.JWT);
        return jwt == null ? Set.of() : Set.of(jwt);
    }

    @Override
    public List<String> intro(String credentialsId, TokenRequest request, String directory, boolean masked) {
        String kind = request.isIndividual() ? Messages.KeyUse_Individual() : Messages.KeyUse_Team();
        String using = masked ? Messages.KeyUse_Using(credentialsId, request.keyId(), kind, directory)
                : Messages.KeyUse_UsingTokenMasked(credentialsId, request.keyId(), kind, directory);
        return BuildEnvironment.individualKeyNoteDue(request, false) ? List.of(using, Messages.KeyUse_IndividualKeyNote())
                : List.of(using);
    }

    @Override
    public String badOption(String credentialsId, String problem) {
        return Messages.KeyUse_BadOption(credentialsId, problem);
    }

    @Override
    public String changed(String credentialsId) {
        return Messages.KeyUse_Changed(credentialsId);
    }
}
