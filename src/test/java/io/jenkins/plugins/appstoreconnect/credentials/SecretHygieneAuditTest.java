package io.jenkins.plugins.appstoreconnect.credentials;

import io.jenkins.plugins.appstoreconnect.TestKeys;
import io.jenkins.plugins.appstoreconnect.MutableClock;
import io.jenkins.plugins.appstoreconnect.SecretScan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.util.FormValidation;
import hudson.model.Descriptor.FormException;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.steps.StepGlue;
import io.jenkins.plugins.appstoreconnect.cli.CliRun;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.TokenCache;
import io.jenkins.plugins.appstoreconnect.core.token.TokenParameters;
import io.jenkins.plugins.appstoreconnect.core.token.Tokens;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitApiTokenConfig;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitEnvironment;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitRequestSigner;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitSignInput;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenType;
import io.jenkins.plugins.appstoreconnect.core.maps.MapsTokenValidity;
import io.jenkins.plugins.appstoreconnect.core.maps.PortalMapsToken;
import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.environment.BuildEnvironment;
import io.jenkins.plugins.appstoreconnect.core.environment.EnvironmentNames;
import io.jenkins.plugins.appstoreconnect.core.environment.KeyFileLayout;
import io.jenkins.plugins.appstoreconnect.core.environment.KeyFilePaths;
import io.jenkins.plugins.appstoreconnect.core.token.TokenSource;
import io.jenkins.plugins.appstoreconnect.core.environment.WrittenKeyFiles;
import io.jenkins.plugins.appstoreconnect.core.connect.SimulatedAppStoreConnectServer;
import io.jenkins.plugins.appstoreconnect.core.environment.FastlaneApiKeyJson;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.mask.MaskingOutputStream;
import io.jenkins.plugins.appstoreconnect.core.mask.SecretForms;
import io.jenkins.plugins.appstoreconnect.core.mask.SecretMasker;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.Tokens;
import io.jenkins.plugins.appstoreconnect.core.token.DecodedToken;
import io.jenkins.plugins.appstoreconnect.core.token.MintedToken;
import io.jenkins.plugins.appstoreconnect.core.token.TokenCache;
import io.jenkins.plugins.appstoreconnect.core.token.TokenLinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Secret-hygiene audit: drives every code path with one known key (generated for this run) and scans everything the
 * path produces for that key and for every token: messages, {@code toString()} of every object it creates, the Java
 * serialised form of every {@link Serializable} one, an XStream-like field dump of what Jenkins persists, files left
 * behind, the CLI's stderr (and stdout except where a token is the output), anything printed to
 * {@code System.out}/{@code System.err} or logged through {@code java.util.logging}, and new files in the temp
 * directory. What counts as found: {@link SecretScan} (every form of the key, 16-character pieces of its base64, every
 * token and its signature), plus two shape detectors that catch secrets the audit did not register: PEM armor of a
 * private key followed by base64, and anything shaped like a signed JWT.
 *
 * <p>Allowed, each stated where it happens with {@link Audit#allowed}: the token on {@code apple-jwt asc}'s stdout
 * and in the block environment's token variable (the build masks it); the key in the key files while the block runs
 * and in fastlane's JSON content; the key in the credential's {@link Secret} (Jenkins encrypts it on disk, the dump
 * writes it as {@code {encrypted}}).
 *
 * <p>New code paths (the pipeline step's state, new credential types) are new rows of {@link #paths()}: use
 * {@link Audit#persisted} for state Jenkins saves (its Java-serialised and XStream-like forms are scanned), and
 * {@link Audit#object} for anything else it creates.
 */
class SecretHygieneAuditTest {

    private static final String KEY_ID = "2X9R4HXF34";
    private static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";
    private static final Pattern PRIVATE_KEY_ARMOR = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----\\s*[A-Za-z0-9+/]{16}");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{40,}");

    /** The known key of this run, and the tokens minted with it so far. */
    static final class Fixture {
        final KeyPair pair = TestKeys.p256();
        /** As App Store Connect's .p8 files are laid out (PKCS#8 with the public key, 4 base64 lines). */
        final String pem = P256PrivateKeys.parse(TestKeys.pkcs8Pem(pair)).pkcs8Pem();
        final ParsedKey key = P256PrivateKeys.parse(pem);
        final List<String> forms;
        final Set<String> tokens = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());
        /** Other secrets registered by a path (a portal Maps token, a CloudKit API token): label by value. */
        final Map<String, String> literals = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        final TokenRequest team = TokenRequest.team(KEY_ID, ISSUER);

        Fixture() {
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            forms = List.of(pem, pem.replace("\n", "\\n"), pem.replace("\n", "\r\n"), body,
                    Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII)), pem.replace("/", "\\/").replace("\n", "\\n"));
        }

        SecretScan scan() {
            SecretScan s = new SecretScan().key("the known key", pem);
            synchronized (tokens) {
                for (String t : tokens) {
                    s.token("a token", t);
                }
            }
            synchronized (literals) {
                literals.forEach((value, label) -> s.literal(label, value));
            }
            return s;
        }
    }

    private static final Fixture F = new Fixture();

    /** One code path: it runs with the known key and reports what it produced. */
    @FunctionalInterface
    interface CodePath {
        void run(Audit a) throws Exception;
    }

    record Row(String name, CodePath path) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What one path produced: texts to scan, and what was allowed to hold a secret and why. */
    static final class Audit {
        final Map<String, String> produced = new LinkedHashMap<>();
        final List<String> allowances = new ArrayList<>();
        private int n;

        /** Text the path produced (a message, an output). */
        void text(String where, String text) {
            produced.put(++n + " " + where, text == null ? "" : text);
        }

        /** An object the path created: its {@code toString()} and, if it is {@link Serializable}, its serialised form. */
        void object(String where, Object o) {
            text(where + ": toString()", String.valueOf(o));
            if (o instanceof Serializable) {
                text(where + ": Java serialisation", javaSerialised(o));
            }
            if (o instanceof Throwable) {
                StringWriter trace = new StringWriter();
                ((Throwable) o).printStackTrace(new PrintWriter(trace));
                text(where + ": stack trace", trace.toString());
            }
        }

        /** State Jenkins persists (step state, build actions): toString, Java serialisation and the XStream-like dump. */
        void persisted(String where, Object o) {
            object(where, o);
            text(where + ": XStream-like dump", XStreamLike.dump(o));
        }

        /**
         * An object that holds a secret on purpose (a credential holds its key in a {@link Secret}): its
         * {@code toString()} and XStream-like dump (with {@code Secret} written encrypted, as Jenkins writes it) are
         * scanned, its Java serialisation is not (remoting carries credentials to agents that way, as designed).
         */
        void holdsSecretByDesign(String where, Object o, String why) {
            allowances.add(where + ": " + why);
            text(where + ": toString()", String.valueOf(o));
            text(where + ": XStream-like dump", XStreamLike.dump(o));
        }

        /** Something that may hold a secret, and why; not scanned. */
        void allowed(String where, String why) {
            allowances.add(where + ": " + why);
        }

        /** Another secret the path stores (a portal Maps token, a CloudKit API token): from now on it is looked for. */
        void secret(String label, String value) {
            F.literals.put(value, label);
        }

        /** A token the path minted or printed: from now on it is a secret to look for. */
        void token(String token) {
            F.tokens.add(token.strip());
        }

        /** Every regular file under {@code dir}: its name and content are scanned. */
        void files(String where, Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.toList()) {
                    text(where + ": path " + dir.relativize(p), p.toString());
                    if (Files.isRegularFile(p) && Files.size(p) < 1_000_000) {
                        text(where + ": file " + dir.relativize(p), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- the paths

    static Stream<Row> paths() {
        return Stream.of(
                new Row("credential creation, every accepted form", SecretHygieneAuditTest::credentialCreation),
                new Row("credential creation rejected", SecretHygieneAuditTest::credentialRejected),
                new Row("form validation (what the doCheck* methods return)", SecretHygieneAuditTest::formValidation),
                new Row("test connection (simulated Apple)", SecretHygieneAuditTest::testConnection),
                new Row("minting and caching", SecretHygieneAuditTest::mintingAndCaching),
                new Row("decoding and linting", SecretHygieneAuditTest::decoding),
                new Row("key files and fastlane JSON, written and cleaned up", SecretHygieneAuditTest::keyFiles),
                new Row("block environment", SecretHygieneAuditTest::environment),
                new Row("masking a log", SecretHygieneAuditTest::masking),
                new Row("errors from core", SecretHygieneAuditTest::coreErrors),
                new Row("apple-jwt", SecretHygieneAuditTest::cli),
                new Row("step state of issues 6 and 7 (expanders, options, executions, disposer, unbinder, bindings)",
                        SecretHygieneAuditTest::stepState),
                new Row("Apple developer key, Maps token and CloudKit credentials", SecretHygieneAuditTest::appleCredentials),
                new Row("Apple profile tokens (every profile, cache, mask prefix, errors)", SecretHygieneAuditTest::appleProfiles),
                new Row("CloudKit signing", SecretHygieneAuditTest::cloudKitSigning),
                new Row("portal Maps token and CloudKit API token", SecretHygieneAuditTest::mapsAndCloudKitTokens),
                new Row("apple-jwt profile commands and cloudkit-sign", SecretHygieneAuditTest::cliProfiles));
    }

    private static void credentialCreation(Audit a) {
        for (String form : F.forms) {
            AppStoreConnectApiKeyImpl c = FormAnswers.valid(() -> new AppStoreConnectApiKeyImpl(CredentialsScope.GLOBAL, "asc-key", "Release key", KEY_ID, ISSUER,
                    Secret.fromString(form)));
            c.setEnterprise(true);
            a.holdsSecretByDesign("credential", c, "the key, normalised, in its Secret field; Jenkins stores it encrypted");
            a.text("credential name", new AppStoreConnectApiKeyNameProvider().getName(c));
            a.text("credential fingerprint", c.getFingerprint());
            assertEquals(F.key.pkcs8Pem(), c.getPrivateKey().getPlainText(), "the credential stores the normalised PEM");
        }
        AppStoreConnectApiKeyImpl individual = FormAnswers.valid(() -> new AppStoreConnectApiKeyImpl(CredentialsScope.GLOBAL, "asc-ind", "", KEY_ID, " ",
                Secret.fromString(F.pem)));
        a.holdsSecretByDesign("individual credential", individual, "as above");
        a.text("individual credential name", new AppStoreConnectApiKeyNameProvider().getName(individual));
    }

    private static void credentialRejected(Audit a) {
        String damaged = F.pem.substring(0, 120) + "*" + F.pem.substring(121);
        String[][] bad = {
            {KEY_ID, ISSUER, damaged}, {F.pem, ISSUER, F.pem}, {KEY_ID, F.pem, F.pem}, {KEY_ID, ISSUER, F.pem.substring(0, 200)},
            {KEY_ID, ISSUER, F.pem.replace("PRIVATE KEY", "RSA PRIVATE KEY")}, {KEY_ID, ISSUER, F.pem + F.pem},
            {KEY_ID, ISSUER, F.forms.get(3).substring(0, 100) + "!" + F.forms.get(3).substring(101)},
        };
        for (String[] b : bad) {
            try {
                new AppStoreConnectApiKeyImpl(CredentialsScope.GLOBAL, "x", "", b[0], b[1], Secret.fromString(b[2]));
                fail("accepted");
            } catch (InvalidInputException | FormException e) {
                a.object("rejection", e);
            }
        }
    }

    private static void formValidation(Audit a) {
        for (String form : F.forms) {
            a.object("privateKey check", CredentialFormChecks.privateKey(form));
            a.object("keyId check with the key in it", CredentialFormChecks.keyId(form, "AuthKey_" + KEY_ID + ".p8"));
            a.object("issuerId check with the key in it", CredentialFormChecks.issuerId(form));
            a.object("privateKey check, damaged", CredentialFormChecks.privateKey(form.substring(0, form.length() / 2)));
        }
        a.object("keyId check", CredentialFormChecks.keyId(KEY_ID, null));
        a.object("issuerId check", CredentialFormChecks.issuerId(ISSUER));
    }

    private static void testConnection(Audit a) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        try (SimulatedAppStoreConnectServer server = new SimulatedAppStoreConnectServer()
                .registerKey(KEY_ID, (ECPublicKey) F.pair.getPublic(), ISSUER)) {
            String base = server.baseUrl().toString();
            for (SimulatedAppStoreConnectServer.Mode mode : SimulatedAppStoreConnectServer.Mode.values()) {
                server.mode(mode);
                a.object("test connection " + mode, new TestConnection(client).run(KEY_ID, ISSUER, F.pem, false, base));
            }
            server.mode(SimulatedAppStoreConnectServer.Mode.NORMAL);
            a.object("test connection, wrong issuer",
                    new TestConnection(client).run(KEY_ID, "00000000-0000-4000-8000-000000000000", F.pem, false, base));
            a.object("test connection, wrong key ID", new TestConnection(client).run("ZZZZZZZZZZ", ISSUER, F.forms.get(1), true, base));
            a.object("test connection, clock an hour off",
                    new TestConnection(client, Clock.offset(Clock.systemUTC(), Duration.ofHours(1))).run(KEY_ID, ISSUER, F.pem, false, base));
            a.object("test connection, nobody listening", new TestConnection(client).run(KEY_ID, ISSUER, F.pem, false, "http://127.0.0.1:9"));
            a.text("simulated server's reason", server.lastRejection());
        }
    }

    private static void mintingAndCaching(Audit a) {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2030-01-01T00:00:00Z"));
        MintedToken t = Tokens.mint(F.key.privateKey(), F.team, clock);
        a.token(t.token());
        a.object("minted token", t);
        a.object("request", F.team);
        a.object("parsed key", F.key);
        TokenCache cache = new TokenCache(clock);
        MintedToken cached = cache.get(F.key.fingerprint(), F.key.privateKey(), F.team);
        a.token(cached.token());
        a.object("cache", cache);
        TokenSource source = new TokenSource(cache, F.key, F.team);
        a.object("token source", source);
        clock.advance(Duration.ofMinutes(40));
        a.token(source.token().token());
        a.object("cache after a refresh", cache);
    }

    private static void decoding(Audit a) {
        MintedToken t = Tokens.mint(F.key.privateKey(),
                TokenRequest.builder().keyId(KEY_ID).scope("GET /v1/apps").build(), Clock.systemUTC());
        a.token(t.token());
        DecodedToken d = TokenLinter.decode("Bearer " + t.token());
        a.object("decoded token", d);
        a.text("header JSON", d.headerJson());
        a.text("payload JSON", d.payloadJson());
        a.text("violations", String.valueOf(TokenLinter.violations(d, Clock.systemUTC())));
    }

    private static void keyFiles(Audit a) throws IOException {
        Path base = Files.createTempDirectory("audit-key-files");
        try {
            a.allowed("fastlane JSON", "the content of fastlane's key file, which holds the key by design");
            String json = FastlaneApiKeyJson.toJson(KEY_ID, ISSUER, F.key.pkcs8Pem(), 1200, false);
            assertTrue(json.contains("\\n"), "fastlane JSON holds the escaped key");
            a.allowed("key files while the block runs", "AuthKey_<KEY ID>.p8 and fastlane-api-key.json, mode 0600, deleted at the end");
            try (WrittenKeyFiles files = KeyFileLayout.write(base, KeyFileLayout.newBlockId(), F.key, F.team)) {
                a.object("written key files", files);
                a.object("key file paths", files.paths());
                a.object("paths on an agent", KeyFilePaths.inDirectory("C:\\ws@tmp\\asc-1", KEY_ID));
                assertTrue(Files.readString(files.p8File()).equals(F.key.pkcs8Pem()));
            }
            try (Stream<Path> left = Files.list(base)) {
                assertEquals(List.of(), left.toList(), "files left after cleanup");
            }
            a.files("temp dir after cleanup", base);
        } finally {
            try (Stream<Path> all = Files.walk(base)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void environment(Audit a) {
        MintedToken t = Tokens.mint(F.key.privateKey(), F.team, Clock.systemUTC());
        a.token(t.token());
        KeyFilePaths paths = KeyFilePaths.inDirectory("/ws@tmp/asc-0123456789abcdef", KEY_ID);
        Map<String, String> env = BuildEnvironment.compute(EnvironmentNames.defaults(), F.team, paths, t);
        a.allowed("the token variable", "the token, inside the block's environment, where the build's masking hides it");
        assertEquals(t.token(), env.get("APP_STORE_CONNECT_JWT"));
        Map<String, String> rest = new LinkedHashMap<>(env);
        rest.remove("APP_STORE_CONNECT_JWT");
        a.text("the other variables", rest.toString());
        a.object("variable names", EnvironmentNames.defaults());
        a.text("individual key note", BuildEnvironment.INDIVIDUAL_KEY_NOTE);
    }

    private static void masking(Audit a) throws IOException {
        MintedToken t = Tokens.mint(F.key.privateKey(), F.team, Clock.systemUTC());
        a.token(t.token());
        SecretMasker masker = new SecretMasker(SecretForms.of(F.key));
        masker.addAll(SecretForms.ofToken(t.token()));
        StringBuilder log = new StringBuilder("+ cat AuthKey.p8\n");
        for (String form : F.forms) {
            log.append("[12:00:01]: ").append(form).append("\n");
        }
        log.append("Authorization: Bearer ").append(t.token()).append("\n");
        for (String line : F.pem.split("\n")) {
            log.append("> ").append(line).append("\n");
        }
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (MaskingOutputStream out = masker.wrap(sink)) {
            byte[] bytes = log.toString().getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i += 7) {
                out.write(bytes, i, Math.min(7, bytes.length - i));
            }
            a.object("masking stream", out);
        }
        a.text("masked log", sink.toString(StandardCharsets.UTF_8));
        a.object("masker", masker);
    }

    private static void coreErrors(Audit a) {
        List<Runnable> failing = List.of(
                () -> P256PrivateKeys.parse(F.pem.replace("\n", "\n ").substring(0, 150)),
                () -> P256PrivateKeys.parse(F.forms.get(1).replace("\\n", "\\q")),
                () -> P256PrivateKeys.parse(F.forms.get(4).substring(1)),
                () -> SecretForms.of(F.forms.get(3)),
                () -> new SecretMasker().add(""),
                () -> TokenLinter.decode(F.pem),
                () -> TokenLinter.decode(F.forms.get(3)),
                () -> TokenRequest.builder().keyId(KEY_ID).scope(F.pem).build(),
                () -> FastlaneApiKeyJson.toJson(KEY_ID, F.pem, F.pem, 600, false),
                () -> KeyFileLayout.directoryName(F.forms.get(3)),
                () -> EnvironmentNames.withOverrides(Map.of(EnvironmentNames.Variable.JWT, F.forms.get(3))));
        for (Runnable r : failing) {
            try {
                r.run();
                fail("accepted");
            } catch (InvalidInputException e) {
                a.object("core rejection", e);
            }
        }
        try {
            KeyFileLayout.writeFiles(Paths.get("/nonexistent-audit"), "b1", KEY_ID, Map.of("x", F.pem.getBytes(StandardCharsets.US_ASCII)));
            fail("accepted");
        } catch (InvalidInputException | IOException e) {
            a.object("key file rejection", e);
        }
        MintedToken other = Tokens.mint(F.key.privateKey(), TokenRequest.individual("OTHERKEY01"), Clock.systemUTC());
        a.token(other.token());
        try {
            BuildEnvironment.compute(EnvironmentNames.defaults(), F.team, KeyFilePaths.inDirectory("/t", KEY_ID), other);
            fail("accepted");
        } catch (IllegalArgumentException e) {
            a.object("environment of a mismatched token", e);
        }
    }

    private static void cli(Audit a) throws IOException {
        Path dir = Files.createTempDirectory("audit-cli");
        try {
            Path file = Files.writeString(dir.resolve("AuthKey_" + KEY_ID + ".p8"), F.pem);
            Map<String, String> env = Map.of("ASC_KEY", F.forms.get(1));
            CliRun.Result asc = CliRun.run(env, "", Clock.systemUTC(), "asc", "--key-env", "ASC_KEY", "--key-id", KEY_ID, "--issuer-id", ISSUER);
            assertEquals(0, asc.exitCode(), asc.err());
            a.token(asc.out());
            a.allowed("asc stdout", "the token is what asc prints");
            a.text("asc stderr", asc.err());
            CliRun.Result fromFile = CliRun.run(Map.of(), "", Clock.systemUTC(), "asc", "--key-file", file.toString(), "--individual");
            a.token(fromFile.out());
            a.text("asc (key file) stderr", fromFile.err());
            for (String[] args : List.of(
                    new String[] {"inspect", "--key-file", file.toString()},
                    new String[] {"inspect", "--key-env", "ASC_KEY"},
                    new String[] {"decode", asc.out().strip()},
                    new String[] {"decode", asc.out().strip(), "--key-file", file.toString()},
                    new String[] {"decode", "-", "--key-env", "ASC_KEY"},
                    new String[] {"asc", "--key-file", file.toString(), "--individual", "--key-id", F.pem},
                    new String[] {"asc", "--key-file", file.toString(), "--issuer-id", F.forms.get(1)},
                    new String[] {"asc", "--key-file", file.toString(), "--individual", "--scope", F.forms.get(3)},
                    new String[] {"asc", "--key-file", file.toString(), "--individual", F.forms.get(3)},
                    new String[] {"asc", "--key-env", "ASC_KEY", "--key-id", KEY_ID, "--individual", "--lifetime", F.forms.get(3)},
                    new String[] {F.forms.get(1)},
                    new String[] {"decode", F.pem},
                    new String[] {"inspect", "--key-file", dir.resolve("missing.p8").toString()})) {
                CliRun.Result r = CliRun.run(env, asc.out(), Clock.systemUTC(), args);
                a.text("apple-jwt " + args[0] + " stdout", r.out());
                a.text("apple-jwt " + args[0] + " stderr", r.err());
            }
            CliRun.Result demo = CliRun.run(Map.of(), "", Clock.systemUTC(), "demo");
            assertEquals(0, demo.exitCode());
            a.allowed("demo stdout", "demo prints a token of a throwaway key it made itself; the known key is not involved");
            a.text("demo stderr", demo.err());
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    // ---------------------------------------------------------------- issues 6 and 7

    private static final String TEAM = "DEF123GHIJ";
    private static final String APPLE_KID = "ABC123DEFG";
    private static final String CK_KEY_ID = "a5cf1b2c3d4e5f60718293a4b5c6d7e8f9012345678901234567890abcdef123";
    private static final String SUBPATH = "/database/1/iCloud.com.example.MyApp/development/public/records/query";

    private static AppleDeveloperKeyImpl appleCredential() {
        return FormAnswers.valid(() -> new AppleDeveloperKeyImpl(CredentialsScope.GLOBAL, "team-key", "", TEAM, APPLE_KID, Secret.fromString(F.pem)));
    }

    /**
     * What Pipeline saves (program.dat, build.xml) and sends to agents for the steps, wrapper and bindings, after
     * minting: every object is scanned in its Java-serialised and XStream-like forms, the key masking filters too
     * (they hold salted hashes of the key's printed forms and the tokens' header, never the key: no {@link Secret}
     * field at all). {@link #noBlockObjectCarriesKeyMaterialInJavaSerialisation()} checks their bytes for raw key
     * material as well.
     */
    private static void stepState(Audit a) throws Exception {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2030-01-01T00:00:00Z"));
        AppStoreConnectApiKeyImpl asc = new AppStoreConnectApiKeyImpl(CredentialsScope.GLOBAL, "asc-key", "", KEY_ID, ISSUER,
                Secret.fromString(F.pem));
        Map<String, Object> state = StepGlue.stepState(F.key, asc, appleCredential(), clock, a::token);
        assertEquals(List.of(), StepGlue.keyMaskingFilterFields(Secret.class), "the filter holds no Secret");
        assertEquals(List.of("segments", "tokenPrefix"), StepGlue.keyMaskingFilterFields(Object.class), "the filter's saved fields");
        for (Map.Entry<String, Object> e : state.entrySet()) {
            a.persisted(e.getKey(), e.getValue());
        }
        assertTrue(F.tokens.size() >= 4, "tokens were minted for the scan");
    }

    /**
     * Every object Pipeline or the freestyle wrapper serialises for a block (to agents, into {@code program.dat}):
     * the console filters, the failure handler, the expanders, the executions, the callbacks, the disposer and the
     * unbinder. Their Java serialisation, as bytes, holds no key material: no PEM body line, no PKCS#8 DER, no
     * private scalar, neither raw nor in base64, base64url or hex. No exception, the filters included.
     */
    @Test
    void noBlockObjectCarriesKeyMaterialInJavaSerialisation() throws Exception {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2030-01-01T00:00:00Z"));
        AppStoreConnectApiKeyImpl asc = new AppStoreConnectApiKeyImpl(CredentialsScope.GLOBAL, "asc-key", "", KEY_ID, ISSUER,
                Secret.fromString(F.pem));
        Map<String, Object> state = StepGlue.stepState(F.key, asc, appleCredential(), clock, t -> {});
        List<String> found = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Object> e : state.entrySet()) {
            if (!(e.getValue() instanceof Serializable)) {
                continue; // configuration (bindings, steps): saved by XStream, scanned by the stepState row
            }
            checked++;
            for (String what : io.jenkins.plugins.appstoreconnect.steps.SerialisedState.keyBytesIn(javaSerialisedBytes(e.getValue()), F.key)) {
                found.add(e.getKey() + " holds " + what);
            }
        }
        assertEquals(List.of(), found);
        assertTrue(checked >= 10, "the block objects were checked: " + checked);
        assertTrue(state.containsKey(StepGlue.KEY_MASKING_FILTER_ASC) && state.containsKey(StepGlue.KEY_MASKING_FILTER_APPLE),
                "the filters are checked");
    }

    @Test
    void theKeyMaterialCheckFindsEachForm() throws Exception {
        byte[] scalar = io.jenkins.plugins.appstoreconnect.steps.SerialisedState.scalar(F.key);
        List<Object> carriers = List.of(new Holder(Secret.fromString(F.pem)), new Holder(F.key.pkcs8Der()), new Holder(scalar),
                new Holder(Base64.getEncoder().encodeToString(scalar)), new Holder(Base64.getUrlEncoder().encodeToString(scalar)),
                new Holder(java.util.HexFormat.of().formatHex(scalar)), new Holder(F.pem.split("\n")[2]),
                new Holder(Arrays.copyOfRange(scalar, 10, 20)), new Holder(F.forms.get(1)));
        for (Object c : carriers) {
            assertFalse(io.jenkins.plugins.appstoreconnect.steps.SerialisedState.keyBytesIn(javaSerialisedBytes(c), F.key).isEmpty());
        }
        assertEquals(List.of(), io.jenkins.plugins.appstoreconnect.steps.SerialisedState.keyBytesIn(
                javaSerialisedBytes(new Holder(F.key.fingerprint())), F.key));
    }

    private static byte[] javaSerialisedBytes(Object o) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(o);
        }
        return b.toByteArray();
    }

    private static void appleCredentials(Audit a) {
        String escaped = F.forms.get(1);
        for (String form : List.of(F.pem, escaped, F.forms.get(3))) {
            AppleDeveloperKeyImpl apple = FormAnswers.valid(() -> new AppleDeveloperKeyImpl(CredentialsScope.GLOBAL, "team-key", "", TEAM, APPLE_KID,
                    Secret.fromString(form)));
            a.holdsSecretByDesign("Apple developer key", apple, "the key in its Secret field; Jenkins stores it encrypted");
            a.text("Apple developer key name", new AppleCredentialNames.DeveloperKey().getName(apple));
            CloudKitServerKeyImpl ck = FormAnswers.valid(() -> new CloudKitServerKeyImpl(CredentialsScope.GLOBAL, "ck-s2s", "", CK_KEY_ID, Secret.fromString(form),
                    "iCloud.com.example.MyApp", CloudKitEnvironment.DEVELOPMENT));
            a.holdsSecretByDesign("CloudKit server-to-server key", ck, "as above");
            a.text("CloudKit server key name", new AppleCredentialNames.CloudKitServerKeys().getName(ck));
        }
        String[][] bad = {{TEAM, F.pem, F.pem}, {F.pem, APPLE_KID, F.pem}, {escaped, APPLE_KID, F.pem}, {TEAM, APPLE_KID, F.pem.substring(0, 150)},
            {TEAM, APPLE_KID, F.pem.replace("PRIVATE KEY", "EC PRIVATE KEY")}};
        for (String[] b : bad) {
            try {
                a.holdsSecretByDesign("Apple developer key (a relabelled PEM is read leniently)",
                        new AppleDeveloperKeyImpl(CredentialsScope.GLOBAL, "x", "", b[0], b[1], Secret.fromString(b[2])), "as above");
            } catch (InvalidInputException | FormException e) {
                a.object("Apple developer key rejected", e);
            }
        }
        for (String[] b : new String[][] {{F.pem, "iCloud.com.example.MyApp"}, {CK_KEY_ID, F.pem}, {escaped, escaped}}) {
            try {
                new CloudKitServerKeyImpl(CredentialsScope.GLOBAL, "x", "", b[0], Secret.fromString(F.pem), b[1], CloudKitEnvironment.PRODUCTION);
                fail("accepted");
            } catch (InvalidInputException | FormException e) {
                a.object("CloudKit server key rejected", e);
            }
        }
        a.object("form check: Team ID with the key", AppleCredentialChecks.teamId(escaped));
        a.object("form check: key ID with the key", AppleCredentialChecks.developerKeyId(F.pem));
        a.object("form check: container with the key", AppleCredentialChecks.container(escaped));
        a.object("form check: server key ID with the key", AppleCredentialChecks.serverKeyId(F.pem));
        a.object("form check: the key", AppleCredentialChecks.privateKey(F.pem, "missing"));
        a.object("form check: a damaged key", AppleCredentialChecks.privateKey(F.pem.substring(0, 200), "missing"));
    }

    /** Every profile minted from the known key through the token source (cached, refreshed), and their errors. */
    private static void appleProfiles(Audit a) {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2030-01-01T00:00:00Z"));
        TokenCache source = new TokenCache(clock);
        Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
        profiles.put("maps", Map.of("origins", "https://example.com", "scope", "server_api"));
        profiles.put("weatherkit", Map.of("serviceId", "com.example.weatherkit-client"));
        profiles.put("musickit", Map.of("origins", "https://a.example.com,https://b.example.com"));
        profiles.put("apns", Map.of());
        profiles.put("siwa", Map.of("clientId", "com.example.web"));
        profiles.put("iap", Map.of("issuerId", ISSUER, "bundleId", "com.example.MyApp"));
        for (Map.Entry<String, Map<String, String>> p : profiles.entrySet()) {
            TokenRequest request = TokenParameters.requestForKey(p.getKey(), APPLE_KID, TEAM, p.getValue());
            a.object("request " + p.getKey(), request);
            String prefix = Tokens.maskPrefix(request);
            a.token(source.get(F.key, request).token());
            a.text("mask prefix " + p.getKey() + " (a header, not a secret)", prefix);
            for (int i = 0; i < 3; i++) {
                MintedToken t = new TokenSource(source, F.key, request).token(prefix);
                a.token(t.token());
                a.object("minted " + p.getKey(), t);
                clock.advance(Duration.ofMinutes(55));
            }
            MintedToken direct = Tokens.mint(F.key, request, clock);
            a.token(direct.token());
            a.object("minted directly " + p.getKey(), direct);
        }
        a.object("Apple token source", source);
        TokenRequest apns = TokenParameters.requestForKey("apns", APPLE_KID, TEAM, Map.of());
        try {
            new TokenSource(source, F.key, apns).token("eyJhbGciOiJub25lIn0.");
            fail("accepted");
        } catch (IllegalStateException e) {
            a.object("a token the mask would not cover", e);
        }
        for (Map<String, String> p : List.of(Map.of("serviceId", F.pem), Map.of("origins", F.forms.get(1)), Map.of("scope", F.forms.get(3)),
                Map.of(F.forms.get(3), "x"), Map.of("lifetimeSeconds", F.forms.get(3)), Map.of("clientId", F.forms.get(1)))) {
            for (String profile : List.of("weatherkit", "maps", "siwa")) {
                try {
                    TokenParameters.requestForKey(profile, APPLE_KID, TEAM, p);
                } catch (InvalidInputException e) {
                    a.object("request rejected", e);
                }
            }
        }
        try {
            TokenParameters.request(F.forms.get(3), Map.of());
            fail("accepted");
        } catch (InvalidInputException e) {
            a.object("the key as the profile", e);
        }
    }

    private static void cloudKitSigning(Audit a) throws Exception {
        CloudKitServerKeyImpl ck = new CloudKitServerKeyImpl(CredentialsScope.GLOBAL, "ck-s2s", "", CK_KEY_ID, Secret.fromString(F.pem),
                "iCloud.com.example.MyApp", CloudKitEnvironment.DEVELOPMENT);
        for (String body : List.of("", "{\"query\":{\"recordType\":\"Items\"}}")) {
            CloudKitRequestSigner.SignedHeaders h = CloudKitRequestSigner.sign(P256PrivateKeys.parse(ck.getPrivateKey().getPlainText()),
                    ck.getKeyId(), body.getBytes(StandardCharsets.UTF_8), SUBPATH, Clock.systemUTC());
            a.object("signed headers", h);
            a.text("header map", h.asMap().toString());
        }
        a.object("sign input", CloudKitSignInput.of(SUBPATH, "{}", null));
        List<Runnable> failing = List.of(
                () -> CloudKitRequestSigner.sign(F.key, F.pem, new byte[0], SUBPATH, Clock.systemUTC()),
                () -> CloudKitRequestSigner.sign(F.key, CK_KEY_ID, new byte[0], F.pem, Clock.systemUTC()),
                () -> CloudKitRequestSigner.sign(F.key, F.forms.get(3), new byte[0], F.forms.get(1), Clock.systemUTC()),
                () -> CloudKitSignInput.of(SUBPATH, "{}", F.forms.get(3)),
                () -> CloudKitSignInput.of(SUBPATH, null, "../" + F.forms.get(3)),
                () -> CloudKitSignInput.of(F.forms.get(1), null, null));
        for (Runnable r : failing) {
            try {
                r.run();
                fail("accepted");
            } catch (InvalidInputException e) {
                a.object("CloudKit signing rejected", e);
            }
        }
        a.text("the signing step's answer", StepGlue.cloudKitSignRejection(SUBPATH, "{}", "../" + F.forms.get(3)));
    }

    /** Secrets that are not keys: a portal Maps token (opaque and JWT-shaped) and a CloudKit API token. */
    private static void mapsAndCloudKitTokens(Audit a) {
        String opaque = "mapsportal" + java.util.HexFormat.of().formatHex(F.key.fingerprint().getBytes(StandardCharsets.US_ASCII)).substring(0, 40);
        a.secret("the portal Maps token", opaque);
        MintedToken mapsJwt = Tokens.mint(F.key, TokenParameters.requestForKey("maps", APPLE_KID, TEAM,
                Map.of("lifetimeSeconds", "2592000")), Clock.systemUTC());
        a.token(mapsJwt.token());
        for (String token : List.of(opaque, mapsJwt.token(), "Bearer " + mapsJwt.token())) {
            MapsTokenImpl maps = FormAnswers.valid(() -> new MapsTokenImpl(CredentialsScope.GLOBAL, "maps-web", "", Secret.fromString(token), MapsTokenType.MAPKIT_JS,
                    "example.com, *.example.com", MapsTokenValidity.DAYS_90, "", "2020-01-01"));
            a.holdsSecretByDesign("Maps token credential", maps, "the token in its Secret field; Jenkins stores it encrypted");
            a.text("Maps token name (with days left)", new AppleCredentialNames.MapsTokens().getName(maps));
            a.text("Maps token expiry summary", maps.getExpirySummary());
            PortalMapsToken portal = PortalMapsToken.read(token, MapsTokenType.SERVER_API, "example.com", MapsTokenValidity.DAYS_30, "",
                    "2020-01-01");
            a.object("portal Maps token", portal);
            try { // expired, unless a JWT's own exp says otherwise
                a.allowed("requireUsable", "returns the token to the build, which masks it");
                portal.requireUsable(Clock.systemUTC());
            } catch (InvalidInputException e) {
                a.object("expired Maps token", e);
            }
            try {
                maps.requireUsable(Clock.offset(Clock.systemUTC(), Duration.ofDays(400)));
                fail("accepted");
            } catch (InvalidInputException e) {
                a.object("Maps token expired by the time of the build", e);
            }
            for (String[] bad : new String[][] {{token, "https://example.com/x", "", ""}, {token, "", "2020-01-01", ""},
                    {token, "", "", "2999-01-01"}, {token + " x", "", "", ""}, {"x".repeat(9000) + token, "", "", ""}}) {
                try {
                    PortalMapsToken.create(bad[0], null, bad[1], bad[2].isEmpty() ? MapsTokenValidity.NO_EXPIRATION : MapsTokenValidity.DATE,
                            bad[2], bad[3], Clock.systemUTC());
                    fail("accepted");
                } catch (InvalidInputException e) {
                    a.object("Maps token rejected", e);
                }
            }
            a.object("form check: Maps token", AppleCredentialChecks.mapsToken(token, MapsTokenType.MAPKIT_JS, "", MapsTokenValidity.DAYS_30,
                    "", "2020-01-01", 14, Clock.systemUTC()));
        }
        String apiToken = "ck" + java.util.HexFormat.of().formatHex(F.key.fingerprint().getBytes(StandardCharsets.US_ASCII)).substring(0, 60);
        a.secret("the CloudKit API token", apiToken);
        CloudKitApiTokenImpl ck = FormAnswers.valid(() -> new CloudKitApiTokenImpl(CredentialsScope.GLOBAL, "ck", "", "iCloud.com.example.MyApp",
                CloudKitEnvironment.PRODUCTION, Secret.fromString(apiToken), "https://example.com/cb", "https://example.com"));
        a.holdsSecretByDesign("CloudKit API token credential", ck, "the token in its Secret field; Jenkins stores it encrypted");
        a.text("CloudKit API token name", new AppleCredentialNames.CloudKitApiTokens().getName(ck));
        CloudKitApiTokenConfig config = CloudKitApiTokenConfig.of("iCloud.com.example.MyApp", "dev", apiToken, "", "");
        a.object("CloudKit API token config", config);
        a.allowed("CLOUDKIT_API_TOKEN", "the token, in the binding's secret (masked) variables");
        Map<String, String> visible = new LinkedHashMap<>(config.variables());
        visible.remove(CloudKitApiTokenConfig.TOKEN_VARIABLE);
        a.text("the binding's visible variables", visible.toString());
        for (String[] bad : new String[][] {{apiToken, "dev", apiToken, ""}, {"iCloud.com.example.MyApp", apiToken, apiToken, ""},
                {"iCloud.com.example.MyApp", "dev", apiToken + " ", "ftp://" + apiToken}, {"iCloud.com.example.MyApp", "dev", "ckAPIToken=" + apiToken, ""},
                {"iCloud.com.example.MyApp", "dev", apiToken.repeat(20), ""}}) {
            try {
                CloudKitApiTokenConfig.of(bad[0], bad[1], bad[2], bad[3], "");
                fail("accepted");
            } catch (InvalidInputException e) {
                a.object("CloudKit API token rejected", e);
            }
        }
        a.object("form check: CloudKit API token", AppleCredentialChecks.apiToken(apiToken + "\n" + apiToken));
    }

    private static void cliProfiles(Audit a) throws IOException {
        Path dir = Files.createTempDirectory("audit-cli-profiles");
        try {
            Path file = Files.writeString(dir.resolve("AuthKey_" + APPLE_KID + ".p8"), F.pem);
            Path body = Files.writeString(dir.resolve("query.json"), "{}");
            Map<String, String> env = Map.of("APPLE_KEY", F.forms.get(1));
            List<String[]> minting = List.of(
                    new String[] {"maps", "--key-file", file.toString(), "--team-id", TEAM, "--origin", "https://example.com"},
                    new String[] {"weatherkit", "--key-env", "APPLE_KEY", "--key-id", APPLE_KID, "--team-id", TEAM, "--service-id", "com.example.wk"},
                    new String[] {"musickit", "--key-file", file.toString(), "--team-id", TEAM},
                    new String[] {"apns", "--key-file", file.toString(), "--team-id", TEAM},
                    new String[] {"siwa", "--key-file", file.toString(), "--team-id", TEAM, "--client-id", "com.example.web"},
                    new String[] {"iap", "--key-file", file.toString(), "--issuer-id", ISSUER, "--bundle-id", "com.example.MyApp"});
            for (String[] args : minting) {
                CliRun.Result r = CliRun.run(env, "", Clock.systemUTC(), args);
                assertEquals(0, r.exitCode(), args[0] + ": " + r.err());
                a.token(r.out());
                a.allowed(args[0] + " stdout", "the token is what " + args[0] + " prints");
                a.text(args[0] + " stderr", r.err());
            }
            for (String[] args : List.of(
                    new String[] {"cloudkit-sign", "--key-file", file.toString(), "--key-id", CK_KEY_ID, "--subpath", SUBPATH},
                    new String[] {"cloudkit-sign", "--key-env", "APPLE_KEY", "--key-id", CK_KEY_ID, "--subpath", SUBPATH, "--body-file",
                        body.toString(), "--curl"})) {
                CliRun.Result r = CliRun.run(env, "", Clock.systemUTC(), args);
                assertEquals(0, r.exitCode(), r.err());
                a.text("cloudkit-sign stdout (headers: key ID, date, signature)", r.out());
                a.text("cloudkit-sign stderr", r.err());
            }
            for (String[] args : List.of(
                    new String[] {"maps", "--key-file", file.toString(), "--team-id", F.pem},
                    new String[] {"maps", "--key-file", file.toString(), "--team-id", TEAM, "--scope", F.forms.get(3)},
                    new String[] {"weatherkit", "--key-file", file.toString(), "--team-id", TEAM, "--service-id", F.forms.get(1)},
                    new String[] {"musickit", "--key-file", file.toString(), "--team-id", TEAM, "--origin", F.forms.get(3)},
                    new String[] {"apns", "--key-file", F.pem, "--team-id", TEAM},
                    new String[] {"siwa", "--key-env", "APPLE_KEY", "--team-id", TEAM, "--client-id", "com.example.web"},
                    new String[] {"iap", "--key-file", file.toString(), "--issuer-id", F.forms.get(1), "--bundle-id", "com.example.MyApp"},
                    new String[] {"iap", "--key-file", file.toString(), "--issuer-id", ISSUER, "--bundle-id", "com.example.MyApp", "--lifetime",
                        F.forms.get(3)},
                    new String[] {"cloudkit-sign", "--key-file", file.toString(), "--key-id", F.pem, "--subpath", SUBPATH},
                    new String[] {"cloudkit-sign", "--key-file", file.toString(), "--key-id", CK_KEY_ID, "--subpath", F.forms.get(1)},
                    new String[] {"cloudkit-sign", "--key-file", file.toString(), "--key-id", CK_KEY_ID, "--subpath", SUBPATH, "--body-file", F.pem},
                    new String[] {"cloudkit-sign", "--key-file", file.toString(), "--key-id", CK_KEY_ID, "--subpath", SUBPATH, "--body-file",
                        F.forms.get(3)},
                    new String[] {"weatherkit", F.forms.get(3)})) {
                CliRun.Result r = CliRun.run(env, "", Clock.systemUTC(), args);
                assertEquals(CliRun.badInput(), r.exitCode(), args[0]);
                a.text(args[0] + " stdout (rejected)", r.out());
                a.text(args[0] + " stderr (rejected)", r.err());
            }
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    // ---------------------------------------------------------------- the audit

    /**
     * A log record as the audit reads it: logger, message, parameters and stack trace. Jenkins' own classes log
     * records whose parameters are null (or whose parameter array holds nulls) while they initialise.
     */
    static String describe(LogRecord r) {
        StringWriter w = new StringWriter();
        w.append(r.getLoggerName()).append(' ').append(String.valueOf(r.getMessage()))
                .append(' ').append(r.getParameters() == null ? "" : Arrays.toString(r.getParameters()));
        if (r.getThrown() != null) {
            r.getThrown().printStackTrace(new PrintWriter(w));
        }
        return w.toString();
    }

    @Test
    void theLogCaptureReadsRecordsWithNullParameters() {
        LogRecord nullInArray = new LogRecord(Level.CONFIG, "Property (not set): {0} = {1}");
        nullInArray.setLoggerName("jenkins.util.SystemProperties");
        nullInArray.setParameters(new Object[] {"hudson.x", null});
        assertEquals("jenkins.util.SystemProperties Property (not set): {0} = {1} [hudson.x, null]", describe(nullInArray));
        LogRecord noArray = new LogRecord(Level.FINE, "plain");
        noArray.setParameters(null);
        assertEquals("null plain ", describe(noArray));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void nothingAPathProducesHoldsTheKeyOrAToken(Row row) throws Exception {
        Audit a = new Audit();
        Path tmp = Paths.get(System.getProperty("java.io.tmpdir"));
        Set<Path> tmpBefore = listing(tmp);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(describe(r));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        Level level = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        try (PrintStream both = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(both);
            System.setErr(both);
            row.path().run(a);
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.removeHandler(capture);
            root.setLevel(level);
        }
        a.text("System.out and System.err", printed.toString(StandardCharsets.UTF_8));
        a.text("java.util.logging", String.join("\n", logged));
        for (Path p : listing(tmp)) {
            if (!tmpBefore.contains(p)) {
                try { // the machine is shared: other processes' files come and go while we look
                    a.files("new in " + tmp, p);
                } catch (IOException | java.io.UncheckedIOException | SecurityException e) {
                    // gone or unreadable: not ours
                }
            }
        }

        SecretScan scan = F.scan();
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, String> e : a.produced.entrySet()) {
            for (String what : scan.findAll(e.getValue())) {
                leaks.add(e.getKey() + " contains " + what);
            }
            if (PRIVATE_KEY_ARMOR.matcher(e.getValue()).find()) {
                leaks.add(e.getKey() + " contains a PEM private key");
            }
            Matcher jwt = JWT.matcher(e.getValue());
            if (jwt.find()) {
                leaks.add(e.getKey() + " contains something shaped like a token");
            }
        }
        assertEquals(List.of(), leaks, row.name() + " (allowed: " + a.allowances + ")");
        assertFalse(a.produced.isEmpty(), "the path produced nothing to scan");
    }

    @Test
    void theAuditFindsWhatItLooksFor() {
        // the scan itself must be able to fail: each secret form, and the shape detectors
        MintedToken t = Tokens.mint(F.key.privateKey(), F.team, Clock.systemUTC());
        SecretScan scan = new SecretScan().key("k", F.pem).token("t", t.token());
        for (String form : F.forms) {
            assertTrue(scan.find("log: " + form + " end").isPresent());
        }
        String line = F.pem.split("\n")[2];
        assertTrue(scan.find("..." + line.substring(10, 30) + "...").isPresent(), "a 20-character piece of a body line");
        assertTrue(scan.find(t.token()).isPresent());
        assertTrue(PRIVATE_KEY_ARMOR.matcher(TestKeys.pkcs8Pem(TestKeys.p256())).find());
        assertTrue(JWT.matcher(Tokens.mint(P256PrivateKeys.parse(TestKeys.pkcs8Pem(TestKeys.p256())).privateKey(), F.team,
                Clock.systemUTC()).token()).find());
        assertTrue(XStreamLike.dump(new Holder(F.pem)).contains(F.pem), "the dump shows plain fields");
        assertFalse(XStreamLike.dump(new Holder(Secret.fromString(F.pem))).contains("BEGIN"), "the dump writes a Secret encrypted");
        assertTrue(javaSerialised(new Holder(F.forms.get(3))).contains(F.forms.get(3)), "serialised strings are readable to the scan");
    }

    /** Something with one field, for {@link #theAuditFindsWhatItLooksFor()}. */
    record Holder(Object value) implements Serializable {}

    private static Set<Path> listing(Path dir) throws IOException {
        Set<Path> s = new HashSet<>();
        try (Stream<Path> l = Files.list(dir)) {
            l.forEach(s::add);
        } catch (java.nio.file.NoSuchFileException e) {
            // no temp dir
        }
        return s;
    }

    /** Java serialisation, read as ISO-8859-1 so that every ASCII string in it is visible to the scan. */
    static String javaSerialised(Object o) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(o);
        } catch (IOException e) {
            return "<not serialisable: " + e.getClass().getSimpleName() + ">";
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * Roughly what XStream writes for an object (Jenkins' persistence): every non-static, non-transient field down the
     * class hierarchy, recursively for our own and Jenkins' types, collections, maps and arrays; {@code byte[]} as base64
     * (as XStream writes it); a {@link Secret} as {@code {encrypted}} (Jenkins' converter writes the encrypted value);
     * JDK objects whose fields are closed to reflection as a placeholder.
     */
    static final class XStreamLike {
        private XStreamLike() {}

        static String dump(Object o) {
            StringBuilder sb = new StringBuilder();
            dump(sb, o, 0, new IdentityHashMap<>());
            return sb.toString();
        }

        private static void dump(StringBuilder sb, Object o, int depth, IdentityHashMap<Object, Boolean> seen) {
            if (o == null || depth > 12) {
                sb.append("null");
                return;
            }
            if (o instanceof Secret) {
                sb.append("{encrypted}");
                return;
            }
            if (o instanceof CharSequence || o instanceof Number || o instanceof Boolean || o instanceof Character || o instanceof Enum) {
                sb.append(o);
                return;
            }
            if (o instanceof byte[]) {
                sb.append(Base64.getEncoder().encodeToString((byte[]) o));
                return;
            }
            if (seen.put(o, Boolean.TRUE) != null) {
                sb.append("<reference>");
                return;
            }
            if (o.getClass().isArray()) {
                sb.append('[');
                for (int i = 0; i < Array.getLength(o); i++) {
                    dump(sb, Array.get(o, i), depth + 1, seen);
                    sb.append(',');
                }
                sb.append(']');
                return;
            }
            if (o instanceof Collection) {
                sb.append('[');
                for (Object e : (Collection<?>) o) {
                    dump(sb, e, depth + 1, seen);
                    sb.append(',');
                }
                sb.append(']');
                return;
            }
            if (o instanceof Map) {
                sb.append('{');
                for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                    dump(sb, e.getKey(), depth + 1, seen);
                    sb.append('=');
                    dump(sb, e.getValue(), depth + 1, seen);
                    sb.append(',');
                }
                sb.append('}');
                return;
            }
            sb.append('<').append(o.getClass().getName()).append('>');
            for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())) {
                        continue;
                    }
                    sb.append('<').append(f.getName()).append('>');
                    try {
                        f.setAccessible(true);
                        dump(sb, f.get(o), depth + 1, seen);
                    } catch (RuntimeException | IllegalAccessException e) {
                        sb.append("<closed to reflection>"); // a JDK type's internals
                    }
                    sb.append("</").append(f.getName()).append('>');
                }
            }
        }
    }
}
