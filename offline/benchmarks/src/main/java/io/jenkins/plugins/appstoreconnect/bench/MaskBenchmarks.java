package io.jenkins.plugins.appstoreconnect.bench;

import io.jenkins.plugins.appstoreconnect.core.keys.P256PrivateKeys;
import io.jenkins.plugins.appstoreconnect.core.keys.ParsedKey;
import io.jenkins.plugins.appstoreconnect.core.mask.KeySegments;
import io.jenkins.plugins.appstoreconnect.core.mask.MaskingOutputStream;
import io.jenkins.plugins.appstoreconnect.core.mask.SegmentMaskingOutputStream;
import io.jenkins.plugins.appstoreconnect.core.mask.SecretForms;
import io.jenkins.plugins.appstoreconnect.core.mask.SecretMasker;
import io.jenkins.plugins.appstoreconnect.core.token.TokenRequest;
import io.jenkins.plugins.appstoreconnect.core.token.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Console-log masking: one pass over a generated {@value #LOG_BYTES}-byte build log (xcodebuild and
 * fastlane-like lines, a secret every ~{@value #SECRET_EVERY} lines), written in {@value #CHUNK}-byte
 * chunks. Average time per pass, microseconds; {@link Report} turns it into MB/s.
 *
 * <ul>
 *   <li>{@code maskOurs}: our {@link MaskingOutputStream} with 10 secrets (the PEM body lines, the PEM, the
 *       joined body, base64 of the PEM, the {@code \n}-escaped PEM, and tokens up to 10).</li>
 *   <li>{@code maskRegexPerLine}: what credentials-binding does, with the same 10 secrets: one
 *       alternation of {@code Pattern.quote}d secrets, longest first, applied to each line decoded
 *       as UTF-8, re-encoded ({@code SecretPatterns.getAggregateSecretPattern} and its line-buffering
 *       {@code MaskingOutputStream}).</li>
 *   <li>{@code maskOursAllForms}: ours with every {@link SecretForms} form of the key plus 3 tokens
 *       (about 45 secrets), for information.</li>
 *   <li>{@code maskOursStep}: what the blocks' console filter runs: the token prefix in a {@link MaskingOutputStream}
 *       (no token known in advance: the log's tokens are masked through the prefix), in front of a
 *       {@link SegmentMaskingOutputStream} that recognises the key's forms by the salted hashes of
 *       {@link KeySegments}. Checked against the same targets as {@code maskOurs}.</li>
 *   <li>{@code passThrough}: the same chunks copied to the sink with no masking (the floor).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MaskBenchmarks {

    static final int LOG_BYTES = 4 << 20;
    static final int CHUNK = 8192;
    static final int SECRET_EVERY = 5000;

    byte[] log;
    List<String> secrets;
    private SecretMasker masker;
    private SecretMasker allForms;
    private SecretMasker stepMasker;
    private KeySegments segments;
    private Pattern aggregate;

    @Setup
    public void setUp() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] der = g.generateKeyPair().getPrivate().getEncoded();
        ParsedKey key = P256PrivateKeys.parse("-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END PRIVATE KEY-----\n");
        String pem = key.pkcs8Pem();
        secrets = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (String line : pem.split("\n")) {
            if (!line.startsWith("-----")) {
                body.add(line);
            }
        }
        secrets.addAll(body);
        secrets.add(pem);
        secrets.add(String.join("", body));
        secrets.add(Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8)));
        secrets.add(pem.replace("\n", "\\n"));
        List<String> tokens = new ArrayList<>();
        for (int i = 0; secrets.size() < 10; i++) { // tokens fill up to 10 secrets
            Clock c = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z").plusSeconds(600L * i), ZoneOffset.UTC);
            String token = Tokens.mint(key.privateKey(),
                    TokenRequest.team(TokenBenchmarks.KID, TokenBenchmarks.ISSUER), c).token();
            tokens.add(token);
            secrets.add(token);
        }
        masker = new SecretMasker(secrets);
        List<String> all = new ArrayList<>(SecretForms.of(key));
        all.addAll(tokens);
        allForms = new SecretMasker(all);
        segments = KeySegments.of(List.of(pem));
        stepMasker = new SecretMasker();
        stepMasker.addTokenPrefix(SecretForms.tokenPrefix(tokens.get(0)));
        aggregate = Pattern.compile(secrets.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .distinct().map(Pattern::quote).collect(Collectors.joining("|")));
        log = buildLog(secrets, LOG_BYTES, new Random(42));
    }

    /** Lines like xcodebuild's and fastlane's, a secret now and then (printed in a line, or alone as PEM lines are). */
    static byte[] buildLog(List<String> secrets, int size, Random r) {
        String[] files = {"AppDelegate", "ContentView", "NetworkClient", "KeychainStore", "SettingsViewModel", "Théme"};
        StringBuilder sb = new StringBuilder(size + 1024);
        int line = 0;
        while (sb.length() < size) {
            String f = files[r.nextInt(files.length)] + r.nextInt(100);
            switch (r.nextInt(8)) {
                case 0:
                    sb.append("CompileSwift normal arm64 /Users/jenkins/workspace/ios-app/Sources/Feature").append(r.nextInt(40))
                            .append('/').append(f).append(".swift (in target 'App' from project 'App')\n");
                    break;
                case 1:
                    sb.append("    cd /Users/jenkins/workspace/ios-app\n    /Applications/Xcode_15.4.app/Contents/Developer/Toolchains/"
                            + "XcodeDefault.xctoolchain/usr/bin/swift-frontend -c -primary-file Sources/").append(f)
                            .append(".swift -target arm64-apple-ios15.0 -enable-objc-interop -sdk /Applications/Xcode_15.4.app/"
                                    + "Contents/Developer/Platforms/iPhoneOS.platform/Developer/SDKs/iPhoneOS17.5.sdk -O\n");
                    break;
                case 2:
                    sb.append(String.format(Locale.ROOT, "[%02d:%02d:%02d]: ▸ Compiling %s.swift%n", 10 + r.nextInt(3), r.nextInt(60), r.nextInt(60), f));
                    break;
                case 3:
                    sb.append("Ld /Users/jenkins/Library/Developer/Xcode/DerivedData/App-gbzqxkcnmfhlwz/Build/Intermediates.noindex/"
                            + "ArchiveIntermediates/App/InstallationBuildProductsLocation/Applications/App.app/App normal (in target 'App')\n");
                    break;
                case 4:
                    sb.append("| ").append(String.format(Locale.ROOT, "%-28s", "app_identifier")).append(" | com.example.app").append(r.nextInt(9)).append(" |\n");
                    break;
                case 5:
                    sb.append("/Users/jenkins/workspace/ios-app/Sources/").append(f).append(".swift:").append(r.nextInt(400))
                            .append(":").append(r.nextInt(80)).append(": warning: 'init(frame:)' was deprecated in iOS 17.0\n");
                    break;
                case 6:
                    sb.append("note: Using codesigning identity override: Apple Distribution: Example Ltd (ABCDE12345)\n");
                    break;
                default:
                    sb.append("[").append(r.nextInt(100)).append("%] Uploading build 1.2.").append(r.nextInt(1000)).append(" to App Store Connect\n");
                    break;
            }
            if (++line % SECRET_EVERY == 0) {
                String s = secrets.get(r.nextInt(secrets.size()));
                sb.append(r.nextBoolean() ? "DEBUG Authorization: Bearer " + s + "\n" : s + "\n");
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public long maskOurs() throws IOException {
        CountingSink sink = new CountingSink();
        return write(sink, new MaskingOutputStream(sink, masker));
    }

    @Benchmark
    public long maskOursAllForms() throws IOException {
        CountingSink sink = new CountingSink();
        return write(sink, new MaskingOutputStream(sink, allForms));
    }

    @Benchmark
    public long maskOursStep() throws IOException {
        CountingSink sink = new CountingSink();
        return write(sink, new MaskingOutputStream(new SegmentMaskingOutputStream(sink, segments), stepMasker));
    }

    @Benchmark
    public long maskRegexPerLine() throws IOException {
        CountingSink sink = new CountingSink();
        return write(sink, new RegexLineMaskingStream(sink, aggregate));
    }

    @Benchmark
    public long passThrough() throws IOException {
        CountingSink sink = new CountingSink();
        return write(sink, sink);
    }

    private long write(CountingSink sink, OutputStream o) throws IOException {
        for (int i = 0; i < log.length; i += CHUNK) {
            o.write(log, i, Math.min(CHUNK, log.length - i));
        }
        o.close();
        return sink.count();
    }

    /**
     * A sink that only counts what it is given. The count is exact (the report compares the masked lengths of ours
     * and the regex with it), and it depends on every byte the masker lets through, so the work cannot be optimised
     * away. (It used to add the parity of the first and last byte of each write, which made equal outputs written in
     * other chunks look different.)
     */
    static final class CountingSink extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }

        long count() {
            return count;
        }
    }

    /**
     * The credentials-binding way: bytes buffered up to each line feed (like Jenkins'
     * {@code LineTransformationOutputStream}), then each line decoded, every match of the aggregate
     * pattern replaced, and the line re-encoded.
     */
    static final class RegexLineMaskingStream extends OutputStream {
        private final OutputStream out;
        private final Pattern pattern;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

        RegexLineMaskingStream(OutputStream out, Pattern pattern) {
            this.out = out;
            this.pattern = pattern;
        }

        @Override
        public void write(int b) throws IOException {
            line.write(b);
            if (b == '\n') {
                eol();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int end = off + len;
            while (off < end) {
                int nl = off;
                while (nl < end && b[nl] != '\n') {
                    nl++;
                }
                if (nl == end) {
                    line.write(b, off, end - off);
                    return;
                }
                line.write(b, off, nl + 1 - off);
                eol();
                off = nl + 1;
            }
        }

        private void eol() throws IOException {
            String s = line.toString(StandardCharsets.UTF_8);
            out.write(pattern.matcher(s).replaceAll("****").getBytes(StandardCharsets.UTF_8));
            line.reset();
        }

        @Override
        public void close() throws IOException {
            if (line.size() > 0) {
                eol();
            }
            out.close();
        }
    }
}
