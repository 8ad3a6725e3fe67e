package io.jenkins.plugins.appstoreconnect.core.token;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.keys.AppleIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A team-key profile name and string parameters, as a pipeline step or the CLI has them, made into a
 * {@link TokenRequest}: {@link #PARAMETERS} {@code keyId}, {@code teamId}, {@code issuerId}, {@code serviceId},
 * {@code clientId}, {@code bundleId}, {@code origins} (comma- or newline-separated), {@code scope},
 * {@code lifetimeSeconds}. Blank values count as absent; an unknown name is an error.
 */
public final class TokenParameters {

    /** The parameter names {@link #request(String, Map)} understands. */
    public static final Set<String> PARAMETERS = Set.of(
            "keyId", "teamId", "issuerId", "serviceId", "clientId", "bundleId", "origins", "scope", "lifetimeSeconds");

    /** The parameters a build may give: all but {@code keyId} and {@code teamId}, which the credential holds. */
    public static final Set<String> BUILD_PARAMETERS = Set.of(
            "issuerId", "serviceId", "clientId", "bundleId", "origins", "scope", "lifetimeSeconds");

    private TokenParameters() {}

    /**
     * Builds a request from a team-key profile name and parameters.
     *
     * @throws InvalidInputException for an unknown profile or parameter, or a bad value
     */
    public static TokenRequest request(String profileName, Map<String, String> parameters) {
        TokenProfile profile = TokenProfile.byName(profileName);
        Map<String, String> p = parameters == null ? Map.of() : parameters;
        Set<String> unknown = new TreeSet<>(p.keySet());
        unknown.removeAll(PARAMETERS);
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw new InvalidInputException("Unknown token parameter " + AppleIds.quoteShort(first.length() > 40
                    ? first.substring(0, 40) : first) + "; parameters: " + String.join(", ", new TreeSet<>(PARAMETERS)) + ".");
        }
        TokenRequest.Builder b = TokenRequest.builder(profile)
                .keyId(p.get("keyId"))
                .teamId(p.get("teamId"))
                .issuerId(p.get("issuerId"))
                .serviceId(p.get("serviceId"))
                .clientId(p.get("clientId"))
                .bundleId(p.get("bundleId"))
                .scope(p.get("scope") == null ? null : List.of(p.get("scope")))
                .origins(splitList(p.get("origins")));
        String lifetime = p.get("lifetimeSeconds");
        if (lifetime != null && !lifetime.isBlank()) {
            b.lifetime(Duration.ofSeconds(seconds(lifetime)));
        }
        return b.build();
    }

    /**
     * A request for a stored developer key: {@code keyId} and {@code teamId} come from the credential (the Team ID
     * only for the profiles that carry it, so an {@code app-store-server} token does not get one), everything else from the
     * build's {@code parameters} (blank values count as absent).
     *
     * @throws InvalidInputException for an unknown or missing profile, a parameter the build may not give
     *                               ({@code keyId}, {@code teamId}, an unknown name), or a bad value
     */
    public static TokenRequest requestForKey(String profileName, String keyId, String teamId, Map<String, String> parameters) {
        TokenProfile profile = TokenProfile.byName(profileName);
        Map<String, String> p = new LinkedHashMap<>();
        if (parameters != null) {
            for (Map.Entry<String, String> e : parameters.entrySet()) {
                if (e.getValue() == null || e.getValue().isBlank()) {
                    continue;
                }
                if (e.getKey().equals("keyId") || e.getKey().equals("teamId")) {
                    throw new InvalidInputException("The " + (e.getKey().equals("keyId") ? "key ID" : "Team ID")
                            + " comes from the Apple developer key credential; leave it out of the token parameters.");
                }
                p.put(e.getKey(), e.getValue());
            }
        }
        p.put("keyId", keyId);
        if (profile.usesTeamId()) {
            p.put("teamId", teamId);
        }
        return request(profile.cliName(), p);
    }

    /** Splits a comma-, space- or newline-separated list; blank gives an empty list. */
    public static List<String> splitList(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String part : text.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** Parses whole seconds, with a message naming the lifetime. */
    public static long seconds(String text) {
        try {
            long s = Long.parseLong(text.strip());
            if (s <= 0) {
                throw new InvalidInputException("The token lifetime must be a positive number of seconds.");
            }
            return s;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("The token lifetime takes whole seconds, for example 3600.");
        }
    }
}
