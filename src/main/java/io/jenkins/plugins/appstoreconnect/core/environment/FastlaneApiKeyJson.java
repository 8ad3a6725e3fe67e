package io.jenkins.plugins.appstoreconnect.core.environment;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import io.jenkins.plugins.appstoreconnect.core.keys.AppleIds;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;

/**
 * Writes the API key JSON file fastlane reads through {@code api_key_path} (for example
 * {@code app_store_connect_api_key}, {@code APP_STORE_CONNECT_API_KEY_PATH}, {@code upload_to_testflight(api_key_path: ...)}):
 * <pre>
 * {
 *   "key_id": "ABCDE12345",
 *   "issuer_id": "01234567-89ab-cdef-0123-456789abcdef",
 *   "key": "-----BEGIN PRIVATE KEY-----\nMIGT...\n-----END PRIVATE KEY-----\n",
 *   "duration": 1200,
 *   "in_house": false
 * }
 * </pre>
 * {@code issuer_id} is written as {@code null} for an individual key rather than left out: fastlane's
 * reader ({@code Spaceship::ConnectAPI::Token.from_json_file}) requires the member to be present. The key
 * is the PEM text as given ({@code is_key_content_base64} is not written; it defaults to false, and older
 * fastlane versions reject unknown members). {@code duration} is fastlane's token lifetime in seconds,
 * 1 to 1200.
 *
 * <p>The result contains the private key: it is a secret, to be written only to a file readable by the build
 * alone and deleted afterwards.
 */
public final class FastlaneApiKeyJson {

    private FastlaneApiKeyJson() {}

    /**
     * The JSON file content, UTF-8, ending with a newline.
     *
     * @param keyId           the 10-character key ID
     * @param issuerIdOrNull  the team's issuer ID (a UUID), or {@code null} for an individual key
     * @param pkcs8Pem        the private key as PEM text ({@code -----BEGIN PRIVATE KEY-----} ...), written exactly
     * @param durationSeconds the token lifetime fastlane should use, 1 to 1200
     * @param inHouse         true for the Apple Developer Enterprise Program
     * @throws InvalidInputException for a bad key ID, issuer ID, PEM or duration (messages never contain the key)
     */
    public static String toJson(String keyId, String issuerIdOrNull, String pkcs8Pem, int durationSeconds, boolean inHouse) {
        keyId = AppleIds.requireKeyId(keyId);
        String issuer = issuerIdOrNull == null ? null : AppleIds.requireIssuerId(issuerIdOrNull);
        if (pkcs8Pem == null || pkcs8Pem.isBlank()) {
            throw new InvalidInputException("the private key PEM is missing");
        }
        if (!pkcs8Pem.contains("-----BEGIN ") || !pkcs8Pem.contains("-----END ")) {
            throw new InvalidInputException("the private key is not PEM text (no -----BEGIN/-----END lines)");
        }
        long max = TokenRequest.MAX_LIFETIME.getSeconds();
        if (durationSeconds < 1 || durationSeconds > max) {
            throw new InvalidInputException("fastlane token duration must be 1 to " + max + " seconds (Apple's 20-minute "
                    + "limit); got " + durationSeconds);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key_id", keyId);
        json.put("issuer_id", issuer);
        json.put("key", pkcs8Pem);
        json.put("duration", durationSeconds);
        json.put("in_house", inHouse);
        return Json.pretty(json) + "\n";
    }

}
