package io.jenkins.plugins.appstoreconnect.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link TokenBenchmarks} and {@link MaskBenchmarks}, prints each score with its ratio to raw JCA
 * (tokens) or to the credentials-binding regex (masking), and checks the targets: our mint at most
 * {@value #MINT_TARGET_RATIO}x raw JCA, a cache hit at most {@value #CACHE_HIT_TARGET_NS} ns, masking at
 * least {@value #MASK_TARGET_MBPS} MB/s and at least {@value #MASK_TARGET_RATIO}x the regex's throughput.
 *
 * <pre>
 *   java -cp offline/benchmarks/target/benchmarks.jar io.jenkins.plugins.appstoreconnect.bench.Report [--smoke] [--strict] [--pairs N] [JMH options]
 * </pre>
 *
 * <ol>
 *   <li>The table: every benchmark once, as the JMH options say (default: 1 fork, 3 warm-up and 5 measured
 *       iterations of 1 s; about a minute).</li>
 *   <li>The mint check. A signature costs the same in {@code mint} and {@code rawJca}, so on a shared machine
 *       the load of other processes, not our code, decides the ratio of two JMH runs made seconds apart. So
 *       the check is an A/B run in this JVM: after a warm-up, {@code --pairs} (default 300) pairs of adjacent
 *       blocks of {@value #BLOCK} {@code mint} and {@value #BLOCK} {@code rawJca} calls (order alternating),
 *       each block timed; the target is judged on the median of the per-pair ratios (about 10 s).</li>
 * </ol>
 * {@code --smoke} (or {@code -Dsmoke=true}): no forks, no warm-up, one 100 ms iteration each and one pair,
 * to check that everything runs in a few seconds; its numbers mean nothing. Exits 0 unless {@code --strict}
 * is given and a target fails.
 */
public final class Report {

    static final double MINT_TARGET_RATIO = 1.05;
    static final double CACHE_HIT_TARGET_NS = 1000;
    static final int BLOCK = 8;
    static final double MASK_TARGET_MBPS = 200;
    static final double MASK_TARGET_RATIO = 3;
    private static volatile int sink;

    private Report() {}

    public static void main(String[] args) throws Exception {
        boolean smoke = Boolean.getBoolean("smoke");
        boolean strict = false;
        int pairs = 300;
        List<String> jmhArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--smoke")) {
                smoke = true;
            } else if (args[i].equals("--strict")) {
                strict = true;
            } else if (args[i].equals("--pairs") && i + 1 < args.length) {
                pairs = Integer.parseInt(args[++i]);
            } else {
                jmhArgs.add(args[i]);
            }
        }
        if (smoke) {
            pairs = 5;
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cpus = Runtime.getRuntime().availableProcessors();

        // 1. the table
        CommandLineOptions cmd = new CommandLineOptions(jmhArgs.toArray(new String[0]));
        ChainedOptionsBuilder opts = new OptionsBuilder().parent(cmd);
        if (cmd.getIncludes().isEmpty()) {
            opts.include(TokenBenchmarks.class.getName() + ".");
            opts.include(MaskBenchmarks.class.getName() + ".");
        }
        if (smoke) {
            opts.forks(0).warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(100)).verbosity(VerboseMode.SILENT);
        }
        Map<String, double[]> table = new LinkedHashMap<>();
        Map<String, double[]> maskTable = new LinkedHashMap<>();
        for (RunResult r : new Runner(opts.build()).run()) {
            Result<?> p = r.getPrimaryResult();
            double f = nanosPer(p.getScoreUnit());
            boolean mask = r.getParams().getBenchmark().startsWith(MaskBenchmarks.class.getName() + ".");
            (mask ? maskTable : table).put(shortName(r), new double[] {p.getScore() * f, p.getScoreError() * f});
        }

        // 2. the A/B mint check
        double[] ab = abMintVersusRaw(pairs, smoke ? 200 : 3000);

        System.out.println();
        System.out.println(smoke ? "App Store Connect token benchmarks (SMOKE RUN: not a measurement)" : "App Store Connect token benchmarks");
        System.out.printf(Locale.ROOT, "load average at start %.2f on %d CPUs%s%n", load, cpus,
                load > cpus * 0.5 ? " (busy machine: expect noisy numbers)" : "");
        double[] raw = table.get("rawJca");
        System.out.printf(Locale.ROOT, "%-10s %14s %12s %10s%n", "benchmark", "ns/op", "error", "x rawJca");
        for (Map.Entry<String, double[]> e : table.entrySet()) {
            double[] s = e.getValue();
            System.out.printf(Locale.ROOT, "%-10s %14.1f %12s %10s%n", e.getKey(), s[0],
                    Double.isNaN(s[1]) ? "-" : String.format(Locale.ROOT, "%.1f", s[1]),
                    raw == null ? "-" : String.format(Locale.ROOT, "%.3f", s[0] / raw[0]));
        }
        double median = ab[0];
        System.out.printf(Locale.ROOT, "A/B mint vs rawJca, %d pairs of %d-call blocks: median ratio %.3f (quartiles %.3f-%.3f), "
                + "total ratio %.3f, mint %.1f us/op, rawJca %.1f us/op, difference %.1f us/op%n",
                pairs, BLOCK, median, ab[1], ab[2], ab[3], ab[4] / 1e3, ab[5] / 1e3, (ab[4] - ab[5]) / 1e3);
        boolean ok = true;
        if (!Double.isNaN(median)) {
            boolean pass = median <= MINT_TARGET_RATIO;
            ok &= pass;
            System.out.printf(Locale.ROOT, "%s mint <= %.2fx raw JCA: %.3fx (A/B median)%n", verdict(pass, smoke), MINT_TARGET_RATIO, median);
        }
        if (table.containsKey("cacheHit")) {
            double hit = table.get("cacheHit")[0];
            boolean pass = hit <= CACHE_HIT_TARGET_NS;
            ok &= pass;
            System.out.printf(Locale.ROOT, "%s cache hit <= %.0f ns: %.1f ns%n", verdict(pass, smoke), CACHE_HIT_TARGET_NS, hit);
        }
        if (maskTable.isEmpty() && cmd.getIncludes().isEmpty()) {
            ok = false;
            System.out.println("FAIL masking benchmarks gave no result (run them with java -jar benchmarks.jar MaskBenchmarks to see why)");
        }
        ok &= maskReport(maskTable, smoke);
        if (strict && !ok) {
            System.exit(1);
        }
    }

    /** PASS/FAIL for a measurement; a smoke run measures nothing, so it is not judged. */
    static String verdict(boolean pass, boolean smoke) {
        return smoke ? "not judged (smoke run):" : pass ? "PASS" : "FAIL";
    }

    /** Prints the masking table (MB/s, ratio to the regex) and its checks; returns false when a target fails. */
    static boolean maskReport(Map<String, double[]> maskTable, boolean smoke) throws Exception {
        if (maskTable.isEmpty()) {
            return true;
        }
        MaskBenchmarks m = new MaskBenchmarks();
        m.setUp();
        long ours = m.maskOurs();
        long regex = m.maskRegexPerLine();
        double mb = m.log.length / 1e6;
        System.out.println();
        System.out.printf(Locale.ROOT, "Console log masking%s: %.1f MB build log, %d-byte writes, %d secrets (MB = 10^6 bytes)%n",
                smoke ? " (SMOKE RUN: not a measurement)" : "", mb, MaskBenchmarks.CHUNK, m.secrets.size());
        boolean same = ours == regex && ours < m.log.length;
        System.out.printf(Locale.ROOT, "%s masked output: ours %d bytes, regex %d bytes, input %d bytes: %s%n", same ? "PASS" : "FAIL",
                ours, regex, m.log.length, same ? "same length, secrets replaced" : "DIFFERENT");
        if (!same) {
            // not a measurement but a correctness check: it fails smoke runs too
            System.out.println("FAIL the two maskers disagree on the benchmark log (see MaskingPropertyTest for the reference)");
            System.exit(3);
        }
        double[] rx = maskTable.get("maskRegexPerLine");
        System.out.printf(Locale.ROOT, "%-18s %12s %10s %10s %10s%n", "benchmark", "us/pass", "error", "MB/s", "x regex");
        for (Map.Entry<String, double[]> e : maskTable.entrySet()) {
            double[] s = e.getValue();
            System.out.printf(Locale.ROOT, "%-18s %12.1f %10s %10.1f %10s%n", e.getKey(), s[0] / 1e3,
                    Double.isNaN(s[1]) ? "-" : String.format(Locale.ROOT, "%.1f", s[1] / 1e3), mb / (s[0] / 1e9),
                    rx == null ? "-" : String.format(Locale.ROOT, "%.2f", rx[0] / s[0]));
        }
        boolean ok = true;
        for (String name : List.of("maskOurs", "maskOursStep")) {
            double[] o = maskTable.get(name);
            if (o == null) {
                continue;
            }
            String what = name.equals("maskOurs") ? m.secrets.size() + " secrets" : "the console filter (key hashes, token prefix)";
            double mbps = mb / (o[0] / 1e9);
            boolean pass = mbps >= MASK_TARGET_MBPS;
            ok &= pass;
            System.out.printf(Locale.ROOT, "%s %s >= %.0f MB/s with %s: %.1f MB/s%n", verdict(pass, smoke), name, MASK_TARGET_MBPS, what, mbps);
            if (rx != null) {
                double ratio = rx[0] / o[0];
                pass = ratio >= MASK_TARGET_RATIO;
                ok &= pass;
                System.out.printf(Locale.ROOT, "%s %s >= %.0fx the regex-per-line throughput: %.2fx%n", verdict(pass, smoke), name, MASK_TARGET_RATIO, ratio);
            }
        }
        return ok;
    }

    /**
     * Times adjacent blocks of {@code mint} and {@code rawJca} calls on one {@link TokenBenchmarks} state.
     * Returns {median ratio, lower quartile, upper quartile, total ratio, mint ns/op, rawJca ns/op}.
     */
    static double[] abMintVersusRaw(int pairs, long warmupMillis) throws Exception {
        TokenBenchmarks b = new TokenBenchmarks();
        b.setUp();
        long warmEnd = System.nanoTime() + warmupMillis * 1_000_000L;
        while (System.nanoTime() < warmEnd) {
            block(b, true);
            block(b, false);
        }
        double[] ratios = new double[pairs];
        long mintTotal = 0;
        long rawTotal = 0;
        for (int i = 0; i < pairs; i++) {
            long m;
            long r;
            if (i % 2 == 0) {
                m = block(b, true);
                r = block(b, false);
            } else {
                r = block(b, false);
                m = block(b, true);
            }
            ratios[i] = (double) m / r;
            mintTotal += m;
            rawTotal += r;
        }
        java.util.Arrays.sort(ratios);
        return new double[] {quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75),
            (double) mintTotal / rawTotal, (double) mintTotal / ((long) pairs * BLOCK), (double) rawTotal / ((long) pairs * BLOCK)};
    }

    private static long block(TokenBenchmarks b, boolean mint) throws Exception {
        int acc = 0;
        long t0 = System.nanoTime();
        for (int k = 0; k < BLOCK; k++) {
            acc += (mint ? b.mint() : b.rawJca()).length();
        }
        long t = System.nanoTime() - t0;
        sink += acc;
        return t;
    }

    private static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    private static String shortName(RunResult r) {
        String name = r.getParams().getBenchmark();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static double nanosPer(String unit) {
        switch (unit.substring(0, unit.indexOf('/'))) {
            case "ns": return 1;
            case "us": return 1e3;
            case "ms": return 1e6;
            case "s": return 1e9;
            default: throw new IllegalStateException("unexpected score unit " + unit + " (use average-time mode)");
        }
    }
}
