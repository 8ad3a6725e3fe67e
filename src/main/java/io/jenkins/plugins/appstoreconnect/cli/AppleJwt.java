package io.jenkins.plugins.appstoreconnect.cli;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import io.jenkins.plugins.appstoreconnect.core.token.TokenProfile;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.Tokens;
import io.jenkins.plugins.appstoreconnect.core.cloudkit.CloudKitRequestSigner;
import io.jenkins.plugins.appstoreconnect.core.keys.AppleIds;
import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.Tokens;
import io.jenkins.plugins.appstoreconnect.core.token.Audience;
import io.jenkins.plugins.appstoreconnect.core.token.DecodedToken;
import io.jenkins.plugins.appstoreconnect.core.token.MintedToken;
import io.jenkins.plugins.appstoreconnect.core.token.TokenLinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code apple-jwt}: the plugin's core on the command line, for debugging a 401 on a laptop without
 * Jenkins. Exit codes: 0 ok, 1 lint findings ({@code decode}), 2 bad input or usage. Errors are one line
 * {@code error: …} on stderr and never contain key material or tokens.
 */
public final class AppleJwt {

    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int BAD_INPUT = 2;

    static final String USAGE = String.join("\n",
            "usage: apple-jwt <command> [options]",
            "",
            "  asc      --key-file F | --key-env VAR  [--key-id K] (--issuer-id I | --individual)",
            "           [--scope 'GET /v1/apps']... [--lifetime SECONDS] [--enterprise]",
            "           Print an App Store Connect API token (and a newline) on stdout.",
            "           --key-id defaults to the K of an AuthKey_K.p8 file name; --lifetime is exp-iat,",
            "           at most 1200 (default 1200, of which 60 s are backdated for clock skew).",
            "  inspect  --key-file F | --key-env VAR",
            "           Show the key's encoding, curve, fingerprint, public key and key ID guess.",
            "  decode   TOKEN | -   [--key-file F | --key-env VAR]",
            "           Show header and payload, then each violation of Apple's rules (exit 1 if any);",
            "           with a key, also check the signature.",
            "  demo     Walk through mint -> decode -> verify with a throwaway key made in memory.",
            "",
            "Tokens from an Apple developer key (Team ID, key ID, .p8); each prints the token and a newline:",
            "  maps        --team-id T [--origin https://example.com] [--scope server_api]   MapKit JS / Maps Server API",
            "  weatherkit  --team-id T --service-id com.example.weatherkit-client            WeatherKit REST API",
            "  musickit    --team-id T [--origin O]...                                       Apple Music API developer token",
            "  apns        --team-id T                                                       APNs provider token (iss, iat)",
            "  sign-in-with-apple  --team-id T --client-id com.example.web                   Sign in with Apple client secret",
            "  app-store-server    --issuer-id I --bundle-id com.example.MyApp               App Store Server API",
            "           (siwa and iap are short names of the last two)",
            "           all take --key-file F | --key-env VAR, [--key-id K] (default: from AuthKey_K.p8) and",
            "           [--lifetime SECONDS]: maps/weatherkit up to 31536000 (default 3600), musickit/sign-in-with-apple",
            "           up to 15777000 (default 3600), apns 1200-3600 (reuse window, default 3000), app-store-server up to",
            "           3600 (default 1200).",
            "  cloudkit-sign  --key-file F | --key-env VAR  --key-id K  --subpath /database/1/iCloud.../records/query",
            "           [--body-file F | --body TEXT] [--curl]",
            "           Print the three X-Apple-CloudKit-Request-* headers of a server-to-server request",
            "           (with --curl: as curl -H arguments on one line).",
            "",
            "exit codes: 0 ok, 1 findings (decode), 2 bad input or usage");

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Function<String, String> env;
    private final Clock clock;

    AppleJwt(PrintStream out, PrintStream err, InputStream in, Function<String, String> env, Clock clock) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
        this.clock = clock;
    }

    public static void main(String[] args) {
        AppleJwt cli = new AppleJwt(System.out, System.err, System.in, System::getenv, Clock.systemUTC());
        int code = cli.run(Arrays.asList(args));
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command; returns the exit code. */
    int run(List<String> argv) {
        if (argv.isEmpty() || Set.of("help", "--help", "-h").contains(argv.get(0))) {
            (argv.isEmpty() ? err : out).println(USAGE);
            return argv.isEmpty() ? BAD_INPUT : OK;
        }
        List<String> rest = argv.subList(1, argv.size());
        try {
            return switch (argv.get(0)) {
                case "asc" -> asc(rest);
                case "inspect" -> inspect(rest);
                case "decode" -> decode(rest);
                case "demo" -> demo(rest);
                case "maps", "weatherkit", "musickit", "apns", "sign-in-with-apple", "app-store-server" -> appleToken(argv.get(0), rest);
                case "siwa", "iap" -> appleToken(TokenProfile.byName(argv.get(0)).cliName(), rest);
                case "cloudkit-sign" -> cloudKitSign(rest);
                default -> throw new InvalidInputException("unknown command '" + printable(argv.get(0)) + "'; commands: asc,"
                        + " inspect, decode, demo, maps, weatherkit, musickit, apns, sign-in-with-apple, app-store-server, cloudkit-sign (apple-jwt --help)");
            };
        } catch (InvalidInputException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (RuntimeException e) {
            // a bug: say what kind, never what it was working on
            err.println("error: internal error (" + e.getClass().getSimpleName() + "); please report it");
            return BAD_INPUT;
        }
    }

    private int asc(List<String> argv) {
        Args a = Args.parse(argv,
                Set.of("key-file", "key-env", "key-id", "issuer-id", "scope", "lifetime"),
                Set.of("scope"),
                Set.of("individual", "enterprise"));
        noPositional(a, "asc");
        KeySource key = readKey(a, "asc");
        String keyId = a.get("key-id");
        if (keyId == null) {
            keyId = key.keyIdGuess().orElseThrow(() -> new InvalidInputException(
                    "--key-id is needed: it could not be taken from the key file's name (Apple names it AuthKey_<KEY ID>.p8)"));
        }
        if (a.has("individual") == (a.get("issuer-id") != null)) {
            throw new InvalidInputException(
                    "give either --issuer-id (team key) or --individual (individual key), not "
                            + (a.has("individual") ? "both" : "neither"));
        }
        TokenRequest.Builder request = TokenRequest.builder()
                .keyId(keyId)
                .issuerId(a.get("issuer-id"))
                .scope(a.all("scope"))
                .audience(a.has("enterprise") ? Audience.ENTERPRISE : Audience.STANDARD);
        if (a.get("lifetime") != null) {
            request.lifetime(Duration.ofSeconds(wholeSeconds("--lifetime", a.get("lifetime"))));
        }
        MintedToken token = Tokens.mint(key.parsed().privateKey(), request.build(), clock);
        out.println(token.token());
        return OK;
    }

    private int inspect(List<String> argv) {
        Args a = Args.parse(argv, Set.of("key-file", "key-env"), Set.of(), Set.of());
        noPositional(a, "inspect");
        KeySource key = readKey(a, "inspect");
        ParsedKey k = key.parsed();
        out.println("source:       " + key.description());
        out.println("encoding:     " + k.encoding().label());
        out.println("curve:        P-256 (secp256r1, prime256v1)");
        out.println("fingerprint:  " + k.fingerprint());
        out.println("key ID guess: " + key.keyIdGuess()
                .map(id -> id + " (from the file name)")
                .orElse("none (the name is not AuthKey_<KEY ID>.p8)"));
        out.println("public key:");
        out.print(k.publicKeyPem());
        return OK;
    }

    private int decode(List<String> argv) {
        Args a = Args.parse(argv, Set.of("key-file", "key-env"), Set.of(), Set.of());
        if (a.positional().size() != 1) {
            throw new InvalidInputException("decode takes one token, or - to read it from standard input");
        }
        String token = a.positional().get(0);
        if (token.equals("-")) {
            token = readStdin().trim();
        }
        DecodedToken decoded = TokenLinter.decode(token);
        out.println(decoded.headerJson());
        out.println(decoded.payloadJson());
        List<String> violations = TokenLinter.violations(decoded, clock);
        boolean findings = !violations.isEmpty();
        for (String v : violations) {
            out.println("violation: " + v);
        }
        if (a.has("key-file") || a.has("key-env")) {
            boolean valid = TokenLinter.verifySignature(decoded, readKey(a, "decode").parsed().publicKey());
            out.println(valid ? "signature: valid for this key" : "violation: the signature does not verify with this key");
            findings |= !valid;
        }
        if (!findings) {
            out.println("ok: no violations of Apple's rules");
        }
        return findings ? FINDINGS : OK;
    }

    private int demo(List<String> argv) {
        if (!argv.isEmpty()) {
            throw new InvalidInputException("demo takes no arguments");
        }
        KeyPair pair;
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            pair = g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no P-256 support", e);
        }
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        String keyId = "DEMOKEY001";
        String issuer = "00000000-0000-4000-8000-000000000000";

        out.println("apple-jwt demo: mint -> decode -> verify, with a throwaway P-256 key made in memory.");
        out.println("No Apple account is needed; the key is discarded when this command ends.");
        out.println();
        ParsedKey key = P256PrivateKeys.parse(pem.replace("\n", "\\n"));
        out.println("1. Read the key the way the plugin does (here from one line with \\n escapes, as an");
        out.println("   environment variable carries it): " + key.encoding().label());
        out.println("   public key fingerprint " + key.fingerprint());
        out.println();
        TokenRequest request = TokenRequest.builder()
                .keyId(keyId)
                .issuerId(issuer)
                .scope(List.of("GET /v1/apps"))
                .build();
        MintedToken token = Tokens.mint(key.privateKey(), request, clock);
        out.println("2. Minted an App Store Connect token for key ID " + keyId + " and issuer " + issuer + ",");
        out.println("   valid " + Duration.between(token.issuedAt(), token.expiresAt()).toSeconds()
                + " s (iat " + token.issuedAt() + ", exp " + token.expiresAt() + "):");
        out.println("   " + token.token());
        out.println();
        DecodedToken decoded = TokenLinter.decode(token.token());
        out.println("3. Decoded it (apple-jwt decode TOKEN):");
        out.println("   header  " + decoded.headerJson().replace("\n", "\n           "));
        out.println("   payload " + decoded.payloadJson().replace("\n", "\n           "));
        List<String> violations = TokenLinter.violations(decoded, clock);
        out.println("   Apple's rules: " + (violations.isEmpty() ? "no violations" : String.join("; ", violations)));
        out.println();
        boolean valid = TokenLinter.verifySignature(decoded, key.publicKey());
        out.println("4. Checked the ES256 signature with the public key: " + (valid ? "valid" : "INVALID"));
        out.println();
        out.println("With your own key from App Store Connect (Users and Access -> Integrations):");
        out.println("   java -jar apple-jwt.jar asc --key-file AuthKey_<KEY ID>.p8 --issuer-id <ISSUER ID>");
        out.println("   curl -H \"Authorization: Bearer $(java -jar apple-jwt.jar asc ...)\" https://api.appstoreconnect.apple.com/v1/apps");
        return violations.isEmpty() && valid ? OK : FINDINGS;
    }

    // ---------------------------------------------------------------- Apple developer key profiles

    /** The options each profile command takes besides the key, key ID and lifetime. */
    private static final Map<String, Set<String>> PROFILE_OPTIONS = Map.of(
            "maps", Set.of("team-id", "origin", "scope"),
            "weatherkit", Set.of("team-id", "service-id"),
            "musickit", Set.of("team-id", "origin"),
            "apns", Set.of("team-id"),
            "sign-in-with-apple", Set.of("team-id", "client-id"),
            "app-store-server", Set.of("issuer-id", "bundle-id"));

    private int appleToken(String command, List<String> argv) {
        Set<String> options = new java.util.HashSet<>(PROFILE_OPTIONS.get(command));
        options.addAll(Set.of("key-file", "key-env", "key-id", "lifetime"));
        Args a = Args.parse(argv, options, Set.of("origin"), Set.of());
        noPositional(a, command);
        KeySource key = readKey(a, command);
        String keyId = a.get("key-id");
        if (keyId == null) {
            keyId = key.keyIdGuess().orElseThrow(() -> new InvalidInputException(
                    "--key-id is needed: it could not be taken from the key file's name (Apple names it AuthKey_<KEY ID>.p8)"));
        }
        TokenRequest.Builder request = TokenRequest.builder(TokenProfile.byName(command))
                .keyId(keyId)
                .teamId(a.get("team-id"))
                .issuerId(a.get("issuer-id"))
                .serviceId(a.get("service-id"))
                .clientId(a.get("client-id"))
                .bundleId(a.get("bundle-id"))
                .origins(a.all("origin"))
                .scope(a.get("scope"));
        if (a.get("lifetime") != null) {
            request.lifetime(Duration.ofSeconds(wholeSeconds("--lifetime", a.get("lifetime"))));
        }
        MintedToken token = Tokens.mint(key.parsed(), request.build(), clock);
        out.println(token.token());
        return OK;
    }

    private int cloudKitSign(List<String> argv) {
        Args a = Args.parse(argv, Set.of("key-file", "key-env", "key-id", "subpath", "body-file", "body"), Set.of(),
                Set.of("curl"));
        noPositional(a, "cloudkit-sign");
        if (a.get("key-id") == null) {
            throw new InvalidInputException("cloudkit-sign needs --key-id: the server-to-server key ID CloudKit Console shows"
                    + " under API Access > Server-to-Server Keys");
        }
        if (a.get("subpath") == null) {
            throw new InvalidInputException("cloudkit-sign needs --subpath, the request path from /database/ on, e.g."
                    + " /database/1/iCloud.com.example.MyApp/development/public/records/query");
        }
        if (a.has("body") && a.has("body-file")) {
            throw new InvalidInputException("give the request body with --body or --body-file, not both");
        }
        byte[] body = new byte[0];
        if (a.has("body")) {
            body = a.get("body").getBytes(StandardCharsets.UTF_8);
        } else if (a.has("body-file")) {
            String file = a.get("body-file");
            try { // the path is repeated only when it looks like one (a key pasted here is not)
                body = Files.readAllBytes(Path.of(file));
            } catch (java.nio.file.InvalidPathException e) {
                throw new InvalidInputException("cannot read the body file " + describePath(file) + ": not a valid path on this system");
            } catch (NoSuchFileException e) {
                throw new InvalidInputException("cannot read the body file " + describePath(file) + ": no such file");
            } catch (IOException e) {
                throw new InvalidInputException("cannot read the body file " + describePath(file) + ": " + e.getClass().getSimpleName());
            }
        }
        KeySource key = readKey(a, "cloudkit-sign");
        CloudKitRequestSigner.SignedHeaders headers =
                CloudKitRequestSigner.sign(key.parsed(), a.get("key-id"), body, a.get("subpath"), clock);
        if (a.has("curl")) {
            StringBuilder line = new StringBuilder();
            headers.asMap().forEach((name, value) -> line.append(line.length() == 0 ? "" : " ")
                    .append("-H '").append(name).append(": ").append(value).append('\''));
            out.println(line);
        } else {
            headers.asMap().forEach((name, value) -> out.println(name + ": " + value));
        }
        return OK;
    }

    /** Where a key came from, and the key ID its file name implies. */
    private record KeySource(ParsedKey parsed, String description, Optional<String> keyIdGuess) {}

    private KeySource readKey(Args a, String command) {
        String file = a.get("key-file");
        String var = a.get("key-env");
        if ((file == null) == (var == null)) {
            throw new InvalidInputException(command + " needs the key: give --key-file FILE or --key-env VARIABLE"
                    + (file != null ? ", not both" : ""));
        }
        if (var != null) {
            String value = env.apply(var);
            if (value == null || value.isBlank()) {
                throw new InvalidInputException("the environment variable " + printable(var) + " is not set or empty");
            }
            return new KeySource(P256PrivateKeys.parse(value), "environment variable " + var, Optional.empty());
        }
        Path path;
        try {
            path = Path.of(file);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidInputException("cannot read the key file " + describePath(file) + ": not a valid path on this system");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("cannot read the key file " + describePath(file) + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InvalidInputException("cannot read the key file " + describePath(file) + ": permission denied");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the key file " + describePath(file) + ": " + e.getClass().getSimpleName());
        }
        Path name = path.getFileName();
        return new KeySource(P256PrivateKeys.parse(bytes), "file " + file,
                name == null ? Optional.empty() : AppleIds.keyIdFromFileName(name.toString()));
    }

    private String readStdin() {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            int n;
            while ((n = in.read(chunk)) > 0) {
                buffer.write(chunk, 0, n);
                if (buffer.size() > TokenLinter.MAX_TOKEN_CHARS * 4) {
                    throw new InvalidInputException("standard input is too long for a token");
                }
            }
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read standard input: " + e.getClass().getSimpleName());
        }
    }

    private static void noPositional(Args a, String command) {
        if (!a.positional().isEmpty()) {
            throw new InvalidInputException(command + " takes only options; unexpected '" + printable(a.positional().get(0)) + "'");
        }
    }

    private static long wholeSeconds(String option, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(option + " takes whole seconds, for example 600");
        }
    }

    /**
     * A key file path for a message: as given when it looks like a path, else only its length. A key pasted where the
     * path goes (its PEM, one-line form, base64 body or base64 of the PEM) has line breaks, a run of dashes, or is one
     * long run of base64 without a dot, and is not repeated.
     */
    static String describePath(String file) {
        boolean pathLike = file.length() <= 300 && !file.contains("-----") && file.chars().noneMatch(Character::isISOControl)
                && !(file.length() >= 40 && file.matches("[A-Za-z0-9+/=_-]+")); // base64, not a file name (no dot)
        return pathLike ? file : "given (" + file.length() + " characters, not shown: that looks like key material, not a path)";
    }

    /** Echoes a short argument that is not a secret; long ones are cut, so a pasted key is never repeated. */
    static String printable(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 24 ? oneLine.substring(0, 12) + "…(" + s.length() + " characters)" : oneLine;
    }
}
