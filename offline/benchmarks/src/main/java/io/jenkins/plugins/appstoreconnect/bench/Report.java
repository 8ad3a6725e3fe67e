package io.jenkins.plugins.appstoreconnect.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link TokenBenchmarks}, prints each score with its ratio to raw JCA, and checks the targets: our
 * mint at most {@value #MINT_TARGET_RATIO}x raw JCA, a cache hit at most {@value #CACHE_HIT_TARGET_NS} ns.
 *
 * <pre>
 *   java -cp offline/benchmarks/target/benchmarks.jar io.jenkins.plugins.appstoreconnect.bench.Report [--smoke] [--strict] [--rounds N] [JMH options]
 * </pre>
 *
 * <ol>
 *   <li>The table: every benchmark once, as the JMH options say (default: 1 fork, 3 warm-up and 5 measured
 *       iterations of 1 s; about a minute).</li>
 *   <li>The mint check: a signature costs the same in both, so load from other processes, not our code,
 *       decides a ratio of two runs made a minute apart. So {@code rawJca} and {@code mint} are also run in
 *       {@code --rounds} (default 5) interleaved pairs of short forked runs, and the target is judged on the
 *       median of the per-pair ratios (about 30 s more).</li>
 * </ol>
 * {@code --smoke} (or {@code -Dsmoke=true}): no forks, no warm-up, one 100 ms iteration each and one pair,
 * to check that everything runs in a few seconds; its numbers mean nothing. Exits 0 unless {@code --strict}
 * is given and a target fails.
 */
public final class Report {

    static final double MINT_TARGET_RATIO = 1.05;
    static final double CACHE_HIT_TARGET_NS = 1000;

    private Report() {}

    public static void main(String[] args) throws Exception {
        boolean smoke = Boolean.getBoolean("smoke");
        boolean strict = false;
        int rounds = 5;
        List<String> jmhArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--smoke")) {
                smoke = true;
            } else if (args[i].equals("--strict")) {
                strict = true;
            } else if (args[i].equals("--rounds") && i + 1 < args.length) {
                rounds = Integer.parseInt(args[++i]);
            } else {
                jmhArgs.add(args[i]);
            }
        }
        if (smoke) {
            rounds = 1;
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cpus = Runtime.getRuntime().availableProcessors();

        // 1. the table
        CommandLineOptions cmd = new CommandLineOptions(jmhArgs.toArray(new String[0]));
        ChainedOptionsBuilder opts = new OptionsBuilder().parent(cmd);
        if (cmd.getIncludes().isEmpty()) {
            opts.include(TokenBenchmarks.class.getName() + ".");
        }
        if (smoke) {
            opts.forks(0).warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(100)).verbosity(VerboseMode.SILENT);
        }
        Map<String, double[]> table = new LinkedHashMap<>();
        for (RunResult r : new Runner(opts.build()).run()) {
            Result<?> p = r.getPrimaryResult();
            double f = nanosPer(p.getScoreUnit());
            table.put(shortName(r), new double[] {p.getScore() * f, p.getScoreError() * f});
        }

        // 2. interleaved pairs for the mint check
        List<Double> pairRatios = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            boolean rawFirst = round % 2 == 0;
            double first = single(rawFirst ? "rawJca" : "mint", smoke);
            double second = single(rawFirst ? "mint" : "rawJca", smoke);
            pairRatios.add(rawFirst ? second / first : first / second);
        }

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
        List<Double> sorted = new ArrayList<>(pairRatios);
        Collections.sort(sorted);
        double median = sorted.isEmpty() ? Double.NaN : sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        StringBuilder each = new StringBuilder();
        for (double r : pairRatios) {
            each.append(each.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f", r));
        }
        System.out.printf(Locale.ROOT, "mint/rawJca in %d interleaved pairs: %s; median %.3f%n", pairRatios.size(), each, median);

        boolean ok = true;
        if (!Double.isNaN(median)) {
            boolean pass = median <= MINT_TARGET_RATIO;
            ok &= pass;
            System.out.printf(Locale.ROOT, "%s mint <= %.2fx raw JCA: %.3fx (median of pairs)%n", pass ? "PASS" : "FAIL", MINT_TARGET_RATIO, median);
        }
        if (table.containsKey("cacheHit")) {
            double hit = table.get("cacheHit")[0];
            boolean pass = hit <= CACHE_HIT_TARGET_NS;
            ok &= pass;
            System.out.printf(Locale.ROOT, "%s cache hit <= %.0f ns: %.1f ns%n", pass ? "PASS" : "FAIL", CACHE_HIT_TARGET_NS, hit);
        }
        if (strict && !ok) {
            System.exit(1);
        }
    }

    /** One short run of one benchmark, in ns/op. */
    private static double single(String method, boolean smoke) throws RunnerException {
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include("^" + TokenBenchmarks.class.getName().replace(".", "\\.") + "\\." + method + "$")
                .verbosity(VerboseMode.SILENT);
        if (smoke) {
            o.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(100));
        } else {
            o.forks(1).warmupIterations(2).warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(3).measurementTime(TimeValue.milliseconds(500));
        }
        Collection<RunResult> results = new Runner(o.build()).run();
        RunResult r = results.iterator().next();
        return r.getPrimaryResult().getScore() * nanosPer(r.getPrimaryResult().getScoreUnit());
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
