package io.jenkins.plugins.appstoreconnect.credentials;

import io.jenkins.plugins.appstoreconnect.TestKeys;
import io.jenkins.plugins.appstoreconnect.SecretScan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.util.FormValidation;
import hudson.model.Descriptor.FormException;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.steps.AppStoreConnectKeyWrapper;
import io.jenkins.plugins.appstoreconnect.steps.AppleTokenBinding;
import io.jenkins.plugins.appstoreconnect.steps.StepGlue;
import io.jenkins.plugins.appstoreconnect.steps.WithAppStoreConnectTokenStep;
import io.jenkins.plugins.appstoreconnect.steps.WithAppleTokenStep;
import io.jenkins.plugins.appstoreconnect.cli.CliRun;
import io.jenkins.plugins.appstoreconnect.core.token.TokenParameters;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitApiTokenConfig;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitEnvironment;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitIds;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitSignInput;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenType;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenValidity;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.environment.EnvironmentNames;
import io.jenkins.plugins.appstoreconnect.core.environment.EnvironmentNames.Variable;
import io.jenkins.plugins.appstoreconnect.core.environment.FastlaneApiKeyJson;
import io.jenkins.plugins.appstoreconnect.core.keys.AppleIds;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table of malformed inputs, across every place the plugin takes input: keys, key IDs, issuer IDs, scopes,
 * lifetimes, environment variable names, key file names, command-line arguments and the credential's constructor
 * (Configuration as Code, REST and the form all end there). Each row states the specific words its message must
 * contain, and every message is scanned for key material ({@link SecretScan}: the forms of the test key and 16-character
 * pieces of its base64), including rows that paste the key into the wrong field.
 *
 * <p>How a row is judged depends on its entry point: core throws {@link InvalidInputException} (and nothing else); a
 * form check answers {@link FormValidation.Kind#ERROR}; the CLI exits 2 with one line {@code error: ...} on stderr
 * and nothing on stdout; the credential's constructor throws, so no credential exists (its key fields are final, see
 * {@link #credentialCannotBeCompletedLater()}). New inputs (Maps and CloudKit fields, step parameters) are new rows.
 */
class BadInputTableTest {

    /** A malformed input: where it goes, what it is, and the words its rejection must contain. */
    record Row(String area, String name, Supplier<String> rejection, String expected) {
        @Override
        public String toString() {
            return area + ": " + name;
        }
    }

    private static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String CK_KEY_ID = "a5cf1b2c3d4e5f60718293a4b5c6d7e8f9012345678901234567890abcdef123";
    private static final String SUBPATH = "/database/1/iCloud.com.example.MyApp/development/public/records/query";
    private static final Fixture F = new Fixture();

    /** Keys and files made at test time; deleted afterwards. */
    private static final class Fixture {
        final KeyPair pair = TestKeys.p256();
        /** As App Store Connect's .p8 files are laid out (PKCS#8 with the public key, 4 base64 lines). */
        final String pem = P256PrivateKeys.parse(TestKeys.pkcs8Pem(pair)).pkcs8Pem();
        final String rsaPem = pem(generate("RSA", 2048));
        final String p384Pem = TestKeys.pkcs8Pem(TestKeys.generate("secp384r1"));
        final Path dir;
        final Path goodFile;
        final Path oddlyNamedFile;
        /** An Apple developer key file, named as Apple names it (key ID ABC123DEFG). */
        final Path appleFile;
        /** Secrets of the other Apple credentials: a portal Maps token (opaque, and a JWT valid for a year, and one expired) and a CloudKit API token. */
        final String mapsToken = "mapsportal" + randomHex(24);
        final String mapsJwt = jwt(java.time.Instant.now().plus(Duration.ofDays(365)));
        final String expiredMapsJwt = jwt(java.time.Instant.now().minus(Duration.ofDays(2)));
        final String ckApiToken = "ck" + randomHex(32);
        final SecretScan secrets;

        Fixture() {
            try {
                dir = Files.createTempDirectory("bad-input-table");
                goodFile = Files.writeString(dir.resolve("AuthKey_2X9R4HXF34.p8"), pem);
                oddlyNamedFile = Files.writeString(dir.resolve("AuthKey_2X9R4HXF3.p8"), pem);
                appleFile = Files.writeString(dir.resolve("AuthKey_ABC123DEFG.p8"), pem);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            secrets = new SecretScan().key("the test key", pem).key("an RSA key", rsaPem).key("a P-384 key", p384Pem)
                    .literal("the Maps token", mapsToken).token("the Maps JWT", mapsJwt).token("the expired Maps JWT", expiredMapsJwt)
                    .literal("the CloudKit API token", ckApiToken);
        }

        AppStoreConnectApiKeyImpl ascCredential() {
            return FormAnswers.valid(() -> new AppStoreConnectApiKeyImpl(CredentialsScope.GLOBAL, "asc-key", "", "2X9R4HXF34", ISSUER, Secret.fromString(pem)));
        }

        AppleDeveloperKeyImpl appleCredential() {
            return FormAnswers.valid(() -> new AppleDeveloperKeyImpl(CredentialsScope.GLOBAL, "team-key", "", "DEF123GHIJ", "ABC123DEFG", Secret.fromString(pem)));
        }

        private static String randomHex(int bytes) {
            byte[] b = new byte[bytes];
            new java.security.SecureRandom().nextBytes(b);
            return java.util.HexFormat.of().formatHex(b);
        }

        /** A JWT-shaped Maps token expiring at {@code exp} (signed with a throwaway key: only its shape and exp matter here). */
        private static String jwt(java.time.Instant exp) {
            Base64.Encoder u = Base64.getUrlEncoder().withoutPadding();
            byte[] sig = new byte[64];
            new java.security.SecureRandom().nextBytes(sig);
            return u.encodeToString("{\"alg\":\"ES256\",\"kid\":\"ABC123DEFG\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + u.encodeToString(("{\"iss\":\"DEF123GHIJ\",\"iat\":" + (exp.getEpochSecond() - 86400 * 400L) + ",\"exp\":"
                            + exp.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8)) + "." + u.encodeToString(sig);
        }

        private static KeyPair generate(String algorithm, int bits) {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
                g.initialize(bits);
                return g.generateKeyPair();
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String pem(KeyPair pair) {
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        }
    }

    @AfterAll
    static void deleteFiles() throws IOException {
        try (Stream<Path> files = Files.walk(F.dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    // ---------------------------------------------------------------- entry points

    /** Core: the message of the {@link InvalidInputException}; any other outcome fails the row. */
    private static Supplier<String> core(Runnable call) {
        return () -> {
            try {
                call.run();
            } catch (InvalidInputException e) {
                return e.getMessage();
            }
            throw new AssertionError("accepted");
        };
    }

    /** A form check: must be an error. */
    private static Supplier<String> form(Supplier<FormValidation> check) {
        return () -> {
            FormValidation v = check.get();
            assertEquals(FormValidation.Kind.ERROR, v.kind, "form check kind");
            return FormAnswers.shown(v);
        };
    }

    /** The CLI: exit 2, nothing on stdout, one line "error: ..." on stderr. */
    private static Supplier<String> cli(Map<String, String> env, String... args) {
        return () -> {
            CliRun.Result r = CliRun.run(env, "", CLOCK, args);
            assertEquals(CliRun.badInput(), r.exitCode(), "exit code");
            assertEquals("", r.out(), "stdout");
            assertTrue(r.err().startsWith("error: ") && r.err().indexOf('\n') == r.err().length() - 1 - (r.err().endsWith("\r\n") ? 1 : 0),
                    "one line 'error: ...' on stderr: " + F.secrets.redact(r.err()));
            return r.err();
        };
    }

    private static Supplier<String> cli(String... args) {
        return cli(Map.of(), args);
    }

    /** The credential's constructor: throws, so no credential (and nothing of the input) exists afterwards. */
    private static Supplier<String> credential(String keyId, String issuerId, String privateKey) {
        return credentialOf(() -> new AppStoreConnectApiKeyImpl(CredentialsScope.GLOBAL, "asc", "d", keyId, issuerId,
                Secret.fromString(privateKey)));
    }

    private static Supplier<String> scope(String entry) {
        return core(() -> TokenRequest.builder().keyId("2X9R4HXF34").issuerId(ISSUER).scope(entry).build());
    }

    private static Supplier<String> window(Duration lifetime, Duration backdate) {
        return core(() -> TokenRequest.builder().keyId("2X9R4HXF34").lifetime(lifetime).backdate(backdate).build());
    }

    private static Supplier<String> variable(Variable v, String name) {
        return core(() -> EnvironmentNames.withOverrides(Map.of(v, name)));
    }

    private static Supplier<String> mapsForm(String token, MapsTokenValidity validity, String expiryDate, String createdOn) {
        return form(() -> AppleCredentialChecks.mapsToken(token, MapsTokenType.MAPKIT_JS, "", validity, expiryDate, createdOn, 14, CLOCK));
    }

    private static Supplier<String> maps(String token, MapsTokenValidity validity, String domains, String expiryDate, String createdOn) {
        return credentialOf(() -> new MapsTokenImpl(CredentialsScope.GLOBAL, "maps", "", Secret.fromString(token), MapsTokenType.MAPKIT_JS,
                domains, validity, expiryDate, createdOn));
    }

    private static Supplier<String> cloudKitKey(String keyId, String container, String key) {
        return credentialOf(() -> new CloudKitServerKeyImpl(CredentialsScope.GLOBAL, "ck-s2s", "", keyId, Secret.fromString(key), container,
                CloudKitEnvironment.DEVELOPMENT));
    }

    private static Supplier<String> cloudKitToken(String container, String token, String callback, String origins) {
        return credentialOf(() -> new CloudKitApiTokenImpl(CredentialsScope.GLOBAL, "ck", "", container, CloudKitEnvironment.PRODUCTION,
                Secret.fromString(token), callback, origins));
    }

    private static Supplier<String> appleKey(String teamId, String keyId, String key) {
        return credentialOf(() -> new AppleDeveloperKeyImpl(CredentialsScope.GLOBAL, "team-key", "", teamId, keyId, Secret.fromString(key)));
    }

    /** A credential's constructor: throws a form error naming a field, so no credential exists. */
    private static Supplier<String> credentialOf(ThrowingSupplier<Object> constructor) {
        return () -> {
            try {
                throw new AssertionError("a credential was created: " + constructor.get());
            } catch (FormException e) {
                if (e.getFormField() == null || e.getFormField().isBlank()) {
                    throw new AssertionError("no field named: " + e.getMessage());
                }
                return e.getMessage();
            } catch (AssertionError e) {
                throw e;
            } catch (Throwable t) {
                throw new AssertionError("not a form error: " + t.getClass().getName(), t);
            }
        };
    }

    /** An Apple developer key token request from string parameters, as the CLI and the steps build it. */
    private static Supplier<String> request(String profile, Map<String, String> parameters) {
        Map<String, String> p = new java.util.HashMap<>(parameters);
        p.putIfAbsent("keyId", "ABC123DEFG");
        if (!profile.equals("iap")) {
            p.putIfAbsent("teamId", "DEF123GHIJ");
        }
        return core(() -> TokenParameters.request(profile, p));
    }

    private static Supplier<String> ascStep(java.util.function.Consumer<WithAppStoreConnectTokenStep> options) {
        return () -> {
            WithAppStoreConnectTokenStep step = new WithAppStoreConnectTokenStep("asc-key");
            options.accept(step);
            return StepGlue.ascStepRejection(F.ascCredential(), step);
        };
    }

    private static Supplier<String> appleStep(String profile, java.util.function.Consumer<WithAppleTokenStep> options) {
        return () -> {
            WithAppleTokenStep step = new WithAppleTokenStep("team-key", profile);
            options.accept(step);
            return StepGlue.appleStepRejection(F.appleCredential(), step);
        };
    }

    // ---------------------------------------------------------------- the table

    static Stream<Row> rows() {
        String pem = F.pem;
        String[] lines = pem.split("\n");
        String body = String.join("", List.of(lines).subList(1, lines.length - 1));
        String missingLine = lines[0] + "\n" + lines[1] + "\n" + lines[3] + "\n" + lines[4] + "\n" + lines[5] + "\n";
        char[] edited = body.toCharArray();
        edited[60] = edited[60] == 'A' ? 'B' : 'A'; // inside the private scalar: the embedded public key no longer fits
        String editedPem = "-----BEGIN PRIVATE KEY-----\n" + new String(edited) + "\n-----END PRIVATE KEY-----\n";
        String escaped = pem.replace("\n", "\\n");
        Map<Variable, String> sameNames = new EnumMap<>(Variable.class);
        sameNames.put(Variable.JWT, "MY_VAR");
        sameNames.put(Variable.KEY_ID, "my_var");
        Map<String, String> env = Map.of("ASC_RSA_KEY", F.rsaPem, "ASC_EMPTY", " ");

        List<Row> r = new ArrayList<>();
        // keys: core
        r.add(new Row("key", "empty", core(() -> P256PrivateKeys.parse("")), "No private key was given"));
        r.add(new Row("key", "only whitespace", core(() -> P256PrivateKeys.parse(" \n\t ")), "No private key was given"));
        r.add(new Row("key", "RSA key", core(() -> P256PrivateKeys.parse(F.rsaPem)), "is an RSA key"));
        r.add(new Row("key", "P-384 key", core(() -> P256PrivateKeys.parse(F.p384Pem)), "P-384 (secp384r1)"));
        r.add(new Row("key", "public key", core(() -> P256PrivateKeys.parse(P256PrivateKeys.parse(pem).publicKeyPem())),
                "is a public key, not a private key"));
        r.add(new Row("key", "END line cut off", core(() -> P256PrivateKeys.parse(pem.substring(0, pem.indexOf("-----END")))),
                "has no -----END PRIVATE KEY----- line"));
        r.add(new Row("key", "a line missing from the middle", core(() -> P256PrivateKeys.parse(missingLine)), "not valid DER"));
        r.add(new Row("key", "one character edited", core(() -> P256PrivateKeys.parse(editedPem)), "does not belong to its private key value"));
        r.add(new Row("key", "encrypted PKCS#8", core(() -> P256PrivateKeys.parse(
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + body + "\n-----END ENCRYPTED PRIVATE KEY-----\n")), "encrypted with a password"));
        r.add(new Row("key", "OpenSSH key", core(() -> P256PrivateKeys.parse(
                "-----BEGIN OPENSSH PRIVATE KEY-----\n" + body + "\n-----END OPENSSH PRIVATE KEY-----\n")), "OpenSSH private key"));
        r.add(new Row("key", "two keys", core(() -> P256PrivateKeys.parse(pem + pem)), "holds 2 PEM blocks"));
        r.add(new Row("key", "an escape that is not a line break", core(() -> P256PrivateKeys.parse(escaped.replaceFirst("\\\\n", "\\\\x"))),
                "backslash that is not part of a \\n"));
        r.add(new Row("key", "binary bytes", core(() -> P256PrivateKeys.parse(new byte[] {(byte) 0x80, 1, 2, (byte) 0xC3, 0x28})), "binary data"));
        r.add(new Row("key", "a cut base64 body", core(() -> P256PrivateKeys.parse(body.substring(0, 40))), "too short"));
        r.add(new Row("key", "a certificate", core(() -> P256PrivateKeys.parse(
                "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n")), "X.509 certificate"));
        // keys: form check and credential
        r.add(new Row("key", "form check: damaged key", form(() -> CredentialFormChecks.privateKey(editedPem)), "does not belong"));
        r.add(new Row("key", "form check: blank", form(() -> CredentialFormChecks.privateKey("  ")), Messages.AppStoreConnectApiKeyImpl_NoKey()));
        r.add(new Row("credential", "damaged key", credential("2X9R4HXF34", ISSUER, missingLine), "not valid DER"));
        r.add(new Row("credential", "blank key", credential("2X9R4HXF34", ISSUER, "\n"), Messages.AppStoreConnectApiKeyImpl_NoKey()));
        r.add(new Row("credential", "RSA key", credential("2X9R4HXF34", ISSUER, F.rsaPem), "is an RSA key"));
        r.add(new Row("credential", "bad key ID", credential("2X9R4HXF3", ISSUER, pem), "has 9 characters"));
        r.add(new Row("credential", "bad issuer ID", credential("2X9R4HXF34", "2X9R4HXF34", pem), "looks like a key ID"));
        r.add(new Row("credential", "the key pasted as the key ID", credential(pem, ISSUER, pem), "characters; App Store Connect key IDs"));
        // key IDs
        r.add(new Row("key ID", "empty", core(() -> AppleIds.requireKeyId(" ")), "The key ID is empty"));
        r.add(new Row("key ID", "9 characters", core(() -> AppleIds.requireKeyId("2X9R4HXF3")), "has 9 characters"));
        r.add(new Row("key ID", "a symbol", core(() -> AppleIds.requireKeyId("2X9R4-XF34")), "contains '-' at position 6"));
        r.add(new Row("key ID", "the file name", core(() -> AppleIds.requireKeyId("AuthKey_2X9R4HXF34.p8")), "holds a file name"));
        r.add(new Row("key ID", "the key pasted", core(() -> AppleIds.requireKeyId(pem)), "characters; App Store Connect key IDs have exactly 10"));
        r.add(new Row("key ID", "form check: the escaped key pasted", form(() -> CredentialFormChecks.keyId(escaped, null)), "characters"));
        // issuer IDs
        r.add(new Row("issuer ID", "a key ID", core(() -> AppleIds.requireIssuerId("2X9R4HXF34")), "looks like a key ID"));
        r.add(new Row("issuer ID", "cut short", core(() -> AppleIds.requireIssuerId("57246542-96fe-1a63-e053")), "is not a UUID"));
        r.add(new Row("issuer ID", "missing for a team key", core(() -> TokenRequest.team("2X9R4HXF34", null)),
                "issuer ID is missing"));
        r.add(new Row("issuer ID", "form check: the key pasted", form(() -> CredentialFormChecks.issuerId(pem)), "is not a UUID"));
        // scopes
        r.add(new Row("scope", "no space", scope("GET"), "there is no space"));
        r.add(new Row("scope", "lower-case method", scope("get /v1/apps"), "is not one of the HTTP methods"));
        r.add(new Row("scope", "relative path", scope("GET v1/apps"), "must start with '/'"));
        r.add(new Row("scope", "fragment", scope("GET /v1/apps#x"), "is '#'"));
        r.add(new Row("scope", "non-ASCII", scope("GET /v1/äpps"), "is not ASCII"));
        r.add(new Row("scope", "line break", scope("GET /v1/apps\n"), "whitespace or a control character"));
        r.add(new Row("scope", "the key pasted", scope(pem), "is not one of the HTTP methods"));
        r.add(new Row("scope", "the base64 body pasted", scope(body), "there is no space"));
        // lifetimes
        r.add(new Row("lifetime", "over 20 minutes", window(Duration.ofSeconds(1201), null), "exceeds Apple's 20-minute limit"));
        r.add(new Row("lifetime", "zero", window(Duration.ZERO, null), "must be positive"));
        r.add(new Row("lifetime", "a fraction of a second", window(Duration.ofMillis(1500), null), "whole number of seconds"));
        r.add(new Row("lifetime", "backdate as long as the lifetime", window(Duration.ofSeconds(600), Duration.ofSeconds(600)),
                "must be shorter than the token lifetime"));
        r.add(new Row("lifetime", "negative backdate", window(null, Duration.ofSeconds(-1)), "must not be negative"));
        r.add(new Row("lifetime", "fastlane duration 0", core(() -> FastlaneApiKeyJson.toJson("2X9R4HXF34", ISSUER, pem, 0, false)),
                "fastlane token duration must be 1 to 1200"));
        // environment variable names
        r.add(new Row("variable name", "starts with a digit", variable(Variable.JWT, "1TOKEN"), "starts with a digit"));
        r.add(new Row("variable name", "a hyphen", variable(Variable.JWT, "MY-TOKEN"), "contains '-' at position 3"));
        r.add(new Row("variable name", "PATH", variable(Variable.KEY_ID, "PATH"), "is PATH, which is reserved"));
        r.add(new Row("variable name", "a JENKINS_ name", variable(Variable.ISSUER_ID, "jenkins_url"), "reserved"));
        r.add(new Row("variable name", "two the same ignoring case", core(() -> EnvironmentNames.withOverrides(sameNames)),
                "are the same (my_var, ignoring case)"));
        r.add(new Row("variable name", "the key pasted", variable(Variable.JWT, pem), "at most 100 are allowed"));
        r.add(new Row("variable name", "the escaped key pasted (under 100 characters)", variable(Variable.JWT, escaped.substring(0, 90)),
                "contains '-' at position 1"));
        // key file names
        r.add(new Row("file name", "9-character key ID, CLI", cli("asc", "--key-file", F.oddlyNamedFile.toString(), "--issuer-id", ISSUER),
                "--key-id is needed"));
        r.add(new Row("file name", "not an AuthKey_ name, form", () -> {
            assertTrue(AppleIds.keyIdFromFileName("AuthKey_2X9R4HXF34.p8.txt").isEmpty());
            return form(() -> CredentialFormChecks.keyId("", "AuthKey_2X9R4HXF34.p8.txt")).get();
        }, "The key ID is required"));
        // CLI arguments
        r.add(new Row("CLI", "unknown command", cli("mint"), "unknown command 'mint'"));
        r.add(new Row("CLI", "the key as the command", cli(pem), "unknown command '-----BEGIN P"));
        r.add(new Row("CLI", "unknown option", cli("asc", "--keyfile", "x"), "unknown option --keyfile"));
        r.add(new Row("CLI", "option without its value", cli("asc", "--key-file"), "--key-file needs a value"));
        r.add(new Row("CLI", "option twice", cli("asc", "--key-id", "A", "--key-id", "B"), "--key-id is given more than once"));
        r.add(new Row("CLI", "value for a flag", cli("asc", "--individual=yes"), "--individual takes no value"));
        r.add(new Row("CLI", "key file and key variable", cli("asc", "--key-file", "a", "--key-env", "B"), "not both"));
        r.add(new Row("CLI", "neither issuer nor individual", cli("asc", "--key-file", F.goodFile.toString()), "not neither"));
        r.add(new Row("CLI", "issuer and individual", cli("asc", "--key-file", F.goodFile.toString(), "--issuer-id", ISSUER, "--individual"),
                "not both"));
        r.add(new Row("CLI", "lifetime not a number", cli("asc", "--key-file", F.goodFile.toString(), "--individual", "--lifetime", "10m"),
                "--lifetime takes whole seconds"));
        r.add(new Row("CLI", "lifetime too long", cli("asc", "--key-file", F.goodFile.toString(), "--individual", "--lifetime", "5000"),
                "exceeds Apple's 20-minute limit"));
        r.add(new Row("CLI", "key variable not set", cli(env, "inspect", "--key-env", "ASC_EMPTY"), "is not set or empty"));
        r.add(new Row("CLI", "key variable holds an RSA key", cli(env, "inspect", "--key-env", "ASC_RSA_KEY"), "is an RSA key"));
        r.add(new Row("CLI", "key file missing", cli("inspect", "--key-file", F.dir.resolve("nope.p8").toString()), "no such file"));
        r.add(new Row("CLI", "the key as a positional argument", cli("asc", "--key-file", F.goodFile.toString(), "--individual", body),
                "takes only options"));
        r.add(new Row("CLI", "the key as the key ID", cli("asc", "--key-file", F.goodFile.toString(), "--individual", "--key-id", pem),
                "The key ID has"));
        r.add(new Row("CLI", "the key as the issuer ID", cli("asc", "--key-file", F.goodFile.toString(), "--issuer-id", escaped),
                "is not a UUID"));
        r.add(new Row("CLI", "the key as a scope", cli("asc", "--key-file", F.goodFile.toString(), "--individual", "--scope", pem),
                "scope[0]"));
        r.add(new Row("CLI", "the key as the key file", cli("inspect", "--key-file", pem), "not shown: that looks like key material"));
        r.add(new Row("CLI", "the escaped key as the key file", cli("inspect", "--key-file", escaped), "not shown"));
        r.add(new Row("CLI", "the base64 body as the key file", cli("inspect", "--key-file", body), "not shown"));
        r.add(new Row("CLI", "the key where an option goes", cli("decode", pem), "unknown option -----BEGIN PRI"));
        r.add(new Row("CLI", "an encrypted JWT to decode", cli("decode", "a.b.c.d.e"), "an encrypted JWE"));
        r.add(new Row("CLI", "the key to decode", cli("decode", body), "3 parts"));
        // ---- Maps tokens (the credential's constructor, as the form, REST and JCasC reach it)
        String mapsToken = F.mapsToken;
        r.add(new Row("Maps token", "missing", maps("", MapsTokenValidity.NO_EXPIRATION, "", "", ""), Messages.MapsTokenImpl_NoToken()));
        // what time makes stale is not refused by the constructor (Configuration as Code calls it at every start):
        // the form check says it, and a build fails at use
        r.add(new Row("Maps token", "form check: a JWT whose exp has passed", mapsForm(F.expiredMapsJwt, MapsTokenValidity.NO_EXPIRATION,
                "", ""), "(its exp claim); create a new one"));
        r.add(new Row("Maps token", "form check: 30 days after a creation date long ago", mapsForm(mapsToken, MapsTokenValidity.DAYS_30,
                "", "2020-01-01"), "(30 days after 2020-01-01)"));
        r.add(new Row("Maps token", "form check: a chosen expiry date in the past", mapsForm(mapsToken, MapsTokenValidity.DATE,
                "2020-01-01", ""), "The expiry date 2020-01-01 is in the past"));
        r.add(new Row("Maps token", "form check: a creation date in the future", mapsForm(mapsToken, MapsTokenValidity.DAYS_90, "",
                "2999-01-01"), "The creation date 2999-01-01 is in the future"));
        r.add(new Row("Maps token", "form check: 90 days without a creation date", mapsForm(mapsToken, MapsTokenValidity.DAYS_90, "",
                ""), "no creation date is given, so the expiry cannot be known"));
        r.add(new Row("Maps token", "a date not in yyyy-MM-dd", maps(mapsToken, MapsTokenValidity.DATE, "", "31/12/2030", ""),
                "The expiry date is not a date in the form yyyy-MM-dd"));
        r.add(new Row("Maps token", "'until a chosen date' without the date", maps(mapsToken, MapsTokenValidity.DATE, "", " ", ""),
                "but no expiry date is given"));
        r.add(new Row("Maps token", "a URL as the domain restriction", maps(mapsToken, MapsTokenValidity.NO_EXPIRATION,
                "example.com, https://maps.example.com/app", "", ""), "The domain 2 of the restriction is a URL"));
        r.add(new Row("Maps token", "a domain part starting with a hyphen", maps(mapsToken, MapsTokenValidity.NO_EXPIRATION,
                "-example.com", "", ""), "starts or ends with a hyphen"));
        r.add(new Row("Maps token", "a JWT broken over two lines (malformed)", maps(F.mapsJwt.replace(".", ".\n"),
                MapsTokenValidity.NO_EXPIRATION, "", "", ""), "contains a space, line break or non-ASCII character at position"));
        r.add(new Row("Maps token", "the private key pasted", maps(pem, MapsTokenValidity.NO_EXPIRATION, "", "", ""),
                "This is a private key, not a Maps token"));
        r.add(new Row("Maps token", "expiry warning window over a year", credentialOf(() -> {
            MapsTokenImpl c = new MapsTokenImpl(CredentialsScope.GLOBAL, "maps", "", Secret.fromString(mapsToken),
                    MapsTokenType.MAPKIT_JS, "", MapsTokenValidity.NO_EXPIRATION, "", "");
            c.setExpiryWarningDays(400);
            return c;
        }), "The expiry warning window is 400 days; at most 365"));
        r.add(new Row("Maps token", "form check: expired JWT", form(() -> AppleCredentialChecks.mapsToken(F.expiredMapsJwt,
                MapsTokenType.MAPKIT_JS, "", MapsTokenValidity.NO_EXPIRATION, "", "", 14, CLOCK)), "expired"));
        // ---- CloudKit
        r.add(new Row("CloudKit", "a bundle ID as the container", cloudKitKey(CK_KEY_ID, "com.example.MyApp", pem),
                "a bundle ID alone is not a container identifier"));
        r.add(new Row("CloudKit", "container spelt icloud.", cloudKitKey(CK_KEY_ID, "icloud.com.example.MyApp", pem),
                "spelt exactly so (lower-case i, capital C)"));
        r.add(new Row("CloudKit", "the container's URL", cloudKitToken("https://api.apple-cloudkit.com/database/1/iCloud.com.example.MyApp",
                F.ckApiToken, "", ""), "is a URL or path; give the identifier only"));
        r.add(new Row("CloudKit", "a space in the container", core(() -> CloudKitIds.requireContainer("iCloud.com.example.My App")),
                "The CloudKit container contains a space at position 22"));
        r.add(new Row("CloudKit", "environment staging", core(() -> CloudKitApiTokenConfig.of("iCloud.com.example.MyApp", "staging",
                F.ckApiToken, "", "")), "must be development or production"));
        r.add(new Row("CloudKit", "environment missing", core(() -> CloudKitEnvironment.parse(" ")), "The CloudKit environment is missing"));
        r.add(new Row("CloudKit", "the API token's URL pasted", cloudKitToken("iCloud.com.example.MyApp",
                "https://api.apple-cloudkit.com/database/1/iCloud.com.example.MyApp/development/public/users/current?ckAPIToken=" + F.ckApiToken,
                "", ""), "holds a URL; paste only the token"));
        r.add(new Row("CloudKit", "API token with a line break", cloudKitToken("iCloud.com.example.MyApp", F.ckApiToken + "\nx", "", ""),
                "The CloudKit API token contains a space, line break or non-ASCII character at position"));
        r.add(new Row("CloudKit", "API token missing", cloudKitToken("iCloud.com.example.MyApp", " ", "", ""), "The CloudKit API token is missing"));
        r.add(new Row("CloudKit", "the key as the API token", cloudKitToken("iCloud.com.example.MyApp", pem, "", ""),
                "contains a space, line break or non-ASCII character"));
        r.add(new Row("CloudKit", "callback URL without http(s)", cloudKitToken("iCloud.com.example.MyApp", F.ckApiToken, "ftp://example.com/cb", ""),
                "The sign-in callback URL needs http(s)://host"));
        r.add(new Row("CloudKit", "callback URL with a space", cloudKitToken("iCloud.com.example.MyApp", F.ckApiToken,
                "https://exa mple.com/cb", ""), "The sign-in callback URL is not a valid URL"));
        r.add(new Row("CloudKit", "an origin without scheme", cloudKitToken("iCloud.com.example.MyApp", F.ckApiToken, "", "https://a.example.com, example.com"),
                "The origin 'example.com' has no scheme"));
        r.add(new Row("CloudKit", "an origin with a path", cloudKitToken("iCloud.com.example.MyApp", F.ckApiToken, "", "https://example.com/app"),
                "has a path; an origin is scheme and host only"));
        r.add(new Row("CloudKit", "key ID with a hyphen", cloudKitKey("a5cf1b2c-3d4e-5f60", "iCloud.com.example.MyApp", pem),
                "The server-to-server key ID contains '-' at position 9"));
        r.add(new Row("CloudKit", "key ID too short", cloudKitKey("a5cf1b", "iCloud.com.example.MyApp", pem), "has 6 characters; CloudKit key IDs are much longer"));
        r.add(new Row("CloudKit", "the key as the key ID", cloudKitKey(pem, "iCloud.com.example.MyApp", pem), "characters of something else (a key?)"));
        r.add(new Row("CloudKit", "server key missing", cloudKitKey(CK_KEY_ID, "iCloud.com.example.MyApp", " "), Messages.CloudKitServerKeyImpl_NoKey()));
        r.add(new Row("CloudKit", "form check: the key as the API token", form(() -> AppleCredentialChecks.apiToken(escaped)),
                "The CloudKit API token contains a space, line break or non-ASCII character at position 11"));
        // ---- Apple developer keys and their token requests
        r.add(new Row("Apple developer key", "Team ID of 9 characters", appleKey("DEF123GHI", "ABC123DEFG", pem), "The Team ID has 9 characters"));
        r.add(new Row("Apple developer key", "the issuer ID as the Team ID", appleKey(ISSUER, "ABC123DEFG", pem),
                "The Team ID looks like an App Store Connect issuer ID"));
        r.add(new Row("Apple developer key", "a symbol in the Team ID", appleKey("DEF123GH_J", "ABC123DEFG", pem), "The Team ID contains '_' at position 9"));
        r.add(new Row("Apple developer key", "the file name as the key ID", appleKey("DEF123GHIJ", "AuthKey_ABC123DEFG.p8", pem), "holds a file name"));
        r.add(new Row("Apple developer key", "no key", appleKey("DEF123GHIJ", "ABC123DEFG", ""), Messages.AppleDeveloperKeyImpl_NoKey()));
        r.add(new Row("Apple developer key", "a P-384 key", appleKey("DEF123GHIJ", "ABC123DEFG", F.p384Pem), "P-384 (secp384r1)"));
        r.add(new Row("Apple developer key", "form check: Team ID", form(() -> AppleCredentialChecks.teamId("DEF123")), "has 6 characters"));
        r.add(new Row("Apple token request", "unknown profile", request("mapkit", Map.of()), "Unknown token profile 'mapkit'; profiles: maps, weatherkit"));
        r.add(new Row("Apple token request", "no profile", request(" ", Map.of()), "No token profile given"));
        r.add(new Row("Apple token request", "weatherkit without service ID", request("weatherkit", Map.of()), "The service ID is missing"));
        r.add(new Row("Apple token request", "siwa without client ID", request("siwa", Map.of()),
                "The client ID (the Services ID or the app's bundle ID) is missing"));
        r.add(new Row("Apple token request", "iap without bundle ID", request("iap", Map.of("issuerId", ISSUER)), "The bundle ID is missing"));
        r.add(new Row("Apple token request", "iap without issuer ID", request("iap", Map.of("bundleId", "com.example.MyApp")),
                "The issuer ID is missing: App Store Server API tokens"));
        r.add(new Row("Apple token request", "a service ID for apns (superfluous)", request("apns", Map.of("serviceId", "com.example.x")),
                "A service ID is not part of an apns token; leave it out"));
        r.add(new Row("Apple token request", "an issuer ID for musickit (superfluous)", request("musickit", Map.of("issuerId", ISSUER)),
                "A issuer ID is not part of a musickit token (it is for App Store Server API tokens"));
        r.add(new Row("Apple token request", "two origins for maps", request("maps", Map.of("origins", "https://a.example.com, https://b.example.com")),
                "A maps token has one origin claim (a string); 2 were given"));
        r.add(new Row("Apple token request", "an unknown parameter", request("maps", Map.of("audience", "x")), "Unknown token parameter 'audience'"));
        r.add(new Row("Apple token request", "the key ID from the build", core(() -> TokenParameters.requestForKey("apns", "ABC123DEFG",
                "DEF123GHIJ", Map.of("keyId", "ZZZ123DEFG"))), "comes from the Apple developer key credential"));
        r.add(new Row("Apple token request", "iap lifetime over 60 minutes", request("iap", Map.of("issuerId", ISSUER, "bundleId",
                "com.example.MyApp", "lifetimeSeconds", "3601")), "is above the 1-hour maximum for app-store-server tokens"));
        r.add(new Row("Apple token request", "musickit lifetime over six months", request("musickit", Map.of("lifetimeSeconds", "15777001")),
                "Apple: exp no more than 15777000 s, six months, ahead"));
        r.add(new Row("Apple token request", "apns reuse window under 20 minutes", request("apns", Map.of("lifetimeSeconds", "600")),
                "(Apple: refresh no more than once every 20 minutes)"));
        r.add(new Row("Apple token request", "lifetime not whole seconds", request("maps", Map.of("lifetimeSeconds", "1h")),
                "The token lifetime takes whole seconds"));
        r.add(new Row("Apple token request", "the key as the service ID", request("weatherkit", Map.of("serviceId", pem)), "The service ID"));
        // ---- cloudKitSignRequest's input
        r.add(new Row("CloudKit sign input", "body and bodyFile both", () -> StepGlue.cloudKitSignRejection(SUBPATH, "{}", "q.json"),
                "Cannot sign the CloudKit request with 'ck-s2s': Give the request body either as body or as bodyFile, not both"));
        r.add(new Row("CloudKit sign input", "a '..' segment", core(() -> CloudKitSignInput.of(SUBPATH, null, "queries/../../secrets.json")),
                "The body file must stay inside the workspace; a '..' segment is not accepted"));
        r.add(new Row("CloudKit sign input", "an absolute body file", core(() -> CloudKitSignInput.of(SUBPATH, "", "/etc/passwd")),
                "an absolute path is not accepted"));
        r.add(new Row("CloudKit sign input", "a control character in the body file", core(() -> CloudKitSignInput.of(SUBPATH, "", "q\u0000.json")),
                "has a control character at position 2"));
        r.add(new Row("CloudKit sign input", "a full URL as the subpath", core(() -> CloudKitSignInput.of("https://api.apple-cloudkit.com" + SUBPATH, "", null)),
                "The request subpath is a full URL"));
        r.add(new Row("CloudKit sign input", "the key as the subpath", core(() -> CloudKitSignInput.of(pem, "", null)), "must start with '/'"));
        // ---- the steps' options, as each block checks them when it starts
        r.add(new Row("step option", "withAppStoreConnectToken: a hyphen in jwtVariable", ascStep(s -> s.setJwtVariable("MY-TOKEN")),
                "Cannot use App Store Connect API key 'asc-key': The environment variable name for jwt (default APP_STORE_CONNECT_JWT) contains '-' at position 3"));
        r.add(new Row("step option", "withAppStoreConnectToken: HOME as keyIdVariable", ascStep(s -> s.setKeyIdVariable("HOME")), "is HOME, which is reserved"));
        r.add(new Row("step option", "withAppStoreConnectToken: two variables of one name", ascStep(s -> {
            s.setJwtVariable("ASC");
            s.setIssuerIdVariable("asc");
        }), "are the same (asc, ignoring case)"));
        r.add(new Row("step option", "withAppStoreConnectToken: lifetime 1201", ascStep(s -> s.setLifetime(1201)),
                "The token lifetime must be 361 to 1200 seconds (Apple allows 20 minutes, including the 60 s by which tokens are dated back; tokens are replaced 5 minutes before they expire); got 1201."));
        r.add(new Row("step option", "withAppStoreConnectToken: negative lifetime", ascStep(s -> s.setLifetime(-60)), "must be 361 to 1200 seconds (Apple allows"));
        r.add(new Row("step option", "withAppStoreConnectToken: a scope without a path", ascStep(s -> s.setScope(List.of("GET /v1/apps", "POST"))),
                "there is no space"));
        r.add(new Row("step option", "freestyle wrapper: scope lines with a lower-case method", () -> {
            AppStoreConnectKeyWrapper w = new AppStoreConnectKeyWrapper("asc-key");
            w.setScope("GET /v1/apps\nget /v1/builds");
            return StepGlue.ascWrapperRejection(F.ascCredential(), w);
        }, "is not one of the HTTP methods"));
        r.add(new Row("step option", "withAppleToken: variable starting with a digit", appleStep("weatherkit", s -> {
            s.setServiceId("com.example.weatherkit-client");
            s.setVariable("1TOKEN");
        }), "Cannot mint a token with Apple developer key 'team-key': The token variable name starts with a digit"));
        r.add(new Row("step option", "withAppleToken: PATH as the variable", appleStep("apns", s -> s.setVariable("PATH")), "is PATH, which is reserved"));
        r.add(new Row("step option", "withAppleToken: unknown profile", appleStep("weather", s -> { }), "Unknown token profile 'weather'"));
        r.add(new Row("step option", "withAppleToken: apns lifetime two hours", appleStep("apns", s -> s.setLifetime(7200)),
                "is above the 1-hour maximum for apns tokens"));
        r.add(new Row("step option", "withAppleToken: a scope for weatherkit", appleStep("weatherkit", s -> {
            s.setServiceId("com.example.weatherkit-client");
            s.setScope("server_api");
        }), "A scope is not part of a weatherkit token"));
        r.add(new Row("step option", "withAppleToken: an upper-case maps scope", appleStep("maps", s -> s.setScope("Server_API")),
                "The maps scope is a space-separated list of lower-case names"));
        r.add(new Row("step option", "appleToken binding: bundle ID for siwa", () -> {
            AppleTokenBinding b = new AppleTokenBinding("team-key", "siwa");
            b.setClientId("com.example.web");
            b.setBundleId("com.example.MyApp");
            return StepGlue.appleBindingRejection(F.appleCredential(), b);
        }, "A bundle ID is not part of a sign-in-with-apple token"));
        r.add(new Row("step option", "mapsToken binding: a JENKINS_ variable", () -> StepGlue.mapsVariableRejection("JENKINS_MAPS"), "reserved"));
        // ---- the profile commands and cloudkit-sign
        String apple = F.appleFile.toString();
        r.add(new Row("CLI", "maps without --team-id", cli("maps", "--key-file", apple), "The Team ID is missing"));
        r.add(new Row("CLI", "maps with a scope of upper-case names", cli("maps", "--key-file", apple, "--team-id", "DEF123GHIJ", "--scope", "SERVER"),
                "The maps scope is a space-separated list"));
        r.add(new Row("CLI", "maps with the key as the scope", cli("maps", "--key-file", apple, "--team-id", "DEF123GHIJ", "--scope", body),
                "one entry is not such a name"));
        r.add(new Row("CLI", "weatherkit without --service-id", cli("weatherkit", "--key-file", apple, "--team-id", "DEF123GHIJ"), "The service ID is missing"));
        r.add(new Row("CLI", "weatherkit with --origin", cli("weatherkit", "--key-file", apple, "--team-id", "DEF123GHIJ", "--origin", "https://example.com"),
                "unknown option --origin"));
        r.add(new Row("CLI", "musickit lifetime over six months", cli("musickit", "--key-file", apple, "--team-id", "DEF123GHIJ", "--lifetime", "15777001"),
                "maximum for musickit tokens"));
        r.add(new Row("CLI", "musickit origin without scheme", cli("musickit", "--key-file", apple, "--team-id", "DEF123GHIJ", "--origin", "example.com"),
                "The origin 'example.com' has no scheme"));
        r.add(new Row("CLI", "apns reuse window of 10 minutes", cli("apns", "--key-file", apple, "--team-id", "DEF123GHIJ", "--lifetime", "600"),
                "minimum for apns tokens"));
        r.add(new Row("CLI", "apns with the key as the Team ID", cli("apns", "--key-file", apple, "--team-id", pem), "The Team ID has"));
        r.add(new Row("CLI", "siwa with a URL as client ID", cli("siwa", "--key-file", apple, "--team-id", "DEF123GHIJ", "--client-id", "https://example.com"),
                "is a URL; give the reverse-DNS identifier itself"));
        r.add(new Row("CLI", "iap with --team-id", cli("iap", "--key-file", apple, "--team-id", "DEF123GHIJ"), "unknown option --team-id"));
        r.add(new Row("CLI", "iap without --issuer-id", cli("iap", "--key-file", apple, "--bundle-id", "com.example.MyApp"), "The issuer ID is missing"));
        r.add(new Row("CLI", "iap lifetime not a number", cli("iap", "--key-file", apple, "--issuer-id", ISSUER, "--bundle-id", "com.example.MyApp",
                "--lifetime", "1h"), "--lifetime takes whole seconds"));
        r.add(new Row("CLI", "a profile command without a key", cli("siwa", "--team-id", "DEF123GHIJ", "--client-id", "com.example.web"),
                "sign-in-with-apple needs the key: give --key-file FILE or --key-env VARIABLE"));
        r.add(new Row("CLI", "cloudkit-sign without --key-id", cli("cloudkit-sign", "--key-file", apple, "--subpath", SUBPATH), "cloudkit-sign needs --key-id"));
        r.add(new Row("CLI", "cloudkit-sign without --subpath", cli("cloudkit-sign", "--key-file", apple, "--key-id", CK_KEY_ID), "cloudkit-sign needs --subpath"));
        r.add(new Row("CLI", "cloudkit-sign with --body and --body-file", cli("cloudkit-sign", "--key-file", apple, "--key-id", CK_KEY_ID, "--subpath", SUBPATH,
                "--body", "{}", "--body-file", "q.json"), "give the request body with --body or --body-file, not both"));
        r.add(new Row("CLI", "cloudkit-sign with the key as the key ID", cli("cloudkit-sign", "--key-file", apple, "--key-id", pem, "--subpath", SUBPATH),
                "characters of something else (a key?)"));
        r.add(new Row("CLI", "cloudkit-sign with the key as the body file", cli("cloudkit-sign", "--key-file", apple, "--key-id", CK_KEY_ID, "--subpath", SUBPATH,
                "--body-file", pem), "cannot read the body file given"));
        r.add(new Row("CLI", "cloudkit-sign with a missing body file", cli("cloudkit-sign", "--key-file", apple, "--key-id", CK_KEY_ID, "--subpath", SUBPATH,
                "--body-file", F.dir.resolve("nope.json").toString()), "nope.json: no such file"));
        r.add(new Row("CLI", "cloudkit-sign with a URL as the subpath", cli("cloudkit-sign", "--key-file", apple, "--key-id", CK_KEY_ID, "--subpath",
                "https://api.apple-cloudkit.com" + SUBPATH), "The request subpath is a full URL"));
        return r.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachBadInputIsRejectedWithItsOwnMessageAndNoKeyMaterial(Row row) {
        String message = row.rejection().get();
        assertNotNull(message, "no message");
        assertTrue(message.contains(row.expected()), "expected \"" + row.expected() + "\" in: " + F.secrets.redact(message));
        F.secrets.find(message).ifPresent(what -> fail("the message contains " + what + ": " + F.secrets.redact(message)));
    }

    @Test
    void theTableIsBroadAndEveryMessageIsItsOwn() {
        List<Row> all = rows().toList();
        assertTrue(all.size() >= 30, "at least 30 malformed inputs: " + all.size());
        Set<String> areas = new TreeSet<>();
        all.forEach(r -> areas.add(r.area()));
        assertTrue(areas.containsAll(Set.of("key", "key ID", "issuer ID", "scope", "lifetime", "variable name", "file name", "CLI",
                "credential", "Maps token", "CloudKit", "Apple developer key", "Apple token request", "CloudKit sign input",
                "step option")), areas.toString());
        for (String command : List.of("maps", "weatherkit", "musickit", "apns", "siwa", "iap", "cloudkit-sign")) {
            assertTrue(all.stream().anyMatch(r -> r.area().equals("CLI") && r.name().startsWith(command + " ")),
                    "a CLI row for " + command);
        }
        // rows of one area must not all share one vague message: each names its own problem
        for (String area : areas) {
            List<String> expected = all.stream().filter(r -> r.area().equals(area)).map(Row::expected).distinct().toList();
            long count = all.stream().filter(r -> r.area().equals(area)).count();
            assertTrue(count == 1 || expected.size() > 1, area + ": every row expects the same words");
        }
    }

    /**
     * "Nothing stored half-way": a credential whose constructor throws does not exist, and none can be completed
     * later, because everything the constructor checks is held in final fields set only there (the only setter is
     * the enterprise flag). A field added without {@code final} fails this test.
     */
    @Test
    void credentialCannotBeCompletedLater() {
        List<String> mutable = new ArrayList<>();
        for (Field f : AppStoreConnectApiKeyImpl.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers()) && !f.getName().equals("enterprise")) {
                mutable.add(f.getName());
            }
        }
        assertEquals(List.of(), mutable, "non-final fields of the credential besides 'enterprise'");
        // the same for the other Apple credentials: only the Maps token's warning window has a setter (checked there)
        for (Class<?> type : List.of(AppleDeveloperKeyImpl.class, MapsTokenImpl.class, CloudKitApiTokenImpl.class, CloudKitServerKeyImpl.class)) {
            List<String> open = new ArrayList<>();
            for (Field f : type.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers()) && !f.getName().equals("expiryWarningDays")) {
                    open.add(f.getName());
                }
            }
            assertEquals(List.of(), open, "non-final fields of " + type.getSimpleName());
            assertEquals(1, type.getDeclaredConstructors().length, type.getSimpleName() + ": one constructor, the checked one");
        }
        assertFalse(AppStoreConnectApiKeyImpl.class.getDeclaredConstructors().length != 1, "one constructor, the checked one");
    }
}
