package io.eventrouter.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a {@link BenchPlan}: for each group of scenarios it starts the router and the raw server
 * side by side with the same flags, warms both up, then runs every scenario on each, alternating
 * which server goes first, and collects the results.
 */
final class BenchRunner {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final BenchPlan plan;
    private final ServerProcess.Launch launch;
    private final RunContext context;
    private final PrintStream console;
    private final long startedNanos = System.nanoTime();

    BenchRunner(BenchPlan plan, ServerProcess.Launch launch, RunContext context, PrintStream console) {
        this.plan = plan;
        this.launch = launch;
        this.context = context;
        this.console = console;
    }

    Report run(String command) throws Exception {
        String date = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                Instant.now().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
        List<Report.Result> results = new ArrayList<>();
        List<Scenario> scenarios = plan.scenarios();
        int i = 0;
        while (i < scenarios.size()) {
            int end = i;
            while (end < scenarios.size() && scenarios.get(end).group().equals(scenarios.get(i).group())) {
                end++;
            }
            results.addAll(runGroup(scenarios.subList(i, end)));
            i = end;
        }
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        return new Report(date, plan.mode(), command, MachineInfo.describe(), launch.jvmOptions(), seconds, results);
    }

    private List<Report.Result> runGroup(List<Scenario> group) throws Exception {
        ServerLimits limits = group.get(0).limits();
        for (Scenario scenario : group) {
            limits = max(limits, scenario.limits());
        }
        String label = group.get(0).group();
        Map<ServerKind, ServerProcess> servers = new EnumMap<>(ServerKind.class);
        List<Report.Result> results = new ArrayList<>();
        try {
            for (ServerKind kind : ServerKind.values()) {
                servers.put(kind, ServerProcess.start(kind, limits, launch, label));
            }
            try (BenchClient probes = new BenchClient(1)) {
                for (ServerProcess server : servers.values()) {
                    server.awaitReady(probes, context.deadline(START_TIMEOUT));
                }
            }
            progress("servers up for %s (router pid %d, raw pid %d, %s)", label, servers.get(ServerKind.ROUTER).pid(),
                    servers.get(ServerKind.RAW).pid(), limits);
            if (group.get(0) instanceof FlowScenario && !plan.serverWarmup().isZero()) {
                warmUp(servers);
            }
            for (int n = 0; n < group.size(); n++) {
                Scenario scenario = group.get(n);
                Map<ServerKind, List<Measurement>> measured = new EnumMap<>(ServerKind.class);
                int rounds = scenario.repeatable() ? plan.rounds() : 1;
                for (int round = 0; round < rounds; round++) {
                    // raw, router | router, raw | ... and the other way round for the next scenario
                    boolean rawFirst = (n + round) % 2 == 0;
                    for (ServerKind kind : rawFirst ? List.of(ServerKind.RAW, ServerKind.ROUTER)
                            : List.of(ServerKind.ROUTER, ServerKind.RAW)) {
                        measured.computeIfAbsent(kind, k -> new ArrayList<>()).add(measure(scenario, servers.get(kind)));
                    }
                }
                Measurement router = Measurement.combine(measured.get(ServerKind.ROUTER));
                Measurement raw = Measurement.combine(measured.get(ServerKind.RAW));
                results.add(new Report.Result(scenario, limits, router, raw, scenario.rows(router, raw)));
            }
        } finally {
            for (ServerProcess server : servers.values()) {
                server.close();
            }
        }
        return results;
    }

    private void warmUp(Map<ServerKind, ServerProcess> servers) {
        // Several publishers and subscribers, so the JIT has compiled the paths every scenario uses.
        FlowScenario warmUp = FlowScenario.fanOut(2, 4, plan.window(),
                new FlowScenario.Timing(Duration.ZERO, plan.serverWarmup(), 0), Row.Target.none());
        for (ServerProcess server : servers.values()) {
            progress("warming up the %s server for %d s", server.kind().label, plan.serverWarmup().toSeconds());
            measure(warmUp, server);
        }
    }

    private Measurement measure(Scenario scenario, ServerProcess server) {
        Measurement m;
        try {
            m = scenario.run(server, context);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            m = Measurement.failed(e.toString(), List.of());
        }
        if (!server.isAlive() && !(scenario instanceof ConnectionsScenario)) {
            m = Measurement.failed("the " + server.kind().label + " server died; log:\n" + server.logTail(), m.notes());
        }
        progress("%-28s %-6s %s%s", scenario.name(), server.kind().label, headline(m),
                m.correct() ? "" : "  [" + m.problem() + "]");
        return m;
    }

    private static String headline(Measurement m) {
        if (!Double.isNaN(m.get("p99_us"))) {
            return String.format(Locale.ROOT, "p50 %.3f ms  p99 %.3f ms  max %.3f ms  %,.0f deliveries/s",
                    m.get("p50_us") / 1000, m.get("p99_us") / 1000, m.get("max_us") / 1000, m.get("delivered_per_s"));
        }
        if (!Double.isNaN(m.get("connected"))) {
            return String.format(Locale.ROOT, "%,.0f connected in %.2f s, RSS %.1f kB/conn, heap %.1f kB/conn",
                    m.get("connected"), m.get("connect_seconds"), m.get("rss_per_connection_kb"),
                    m.get("heap_per_connection_kb"));
        }
        if (!Double.isNaN(m.get("acked_per_s"))) {
            return String.format(Locale.ROOT, "%,.0f acks/s  %,.0f deliveries/s", m.get("acked_per_s"),
                    m.get("delivered_per_s"));
        }
        return "";
    }

    private void progress(String format, Object... args) {
        double elapsed = (System.nanoTime() - startedNanos) / 1e9;
        console.printf(Locale.ROOT, "[%5.0fs] %s%n", elapsed, String.format(Locale.ROOT, format, args));
        console.flush();
    }

    private static ServerLimits max(ServerLimits a, ServerLimits b) {
        return new ServerLimits(Math.max(a.maxClients(), b.maxClients()), Math.max(a.clientQueueSize(), b.clientQueueSize()),
                Math.max(a.maxQueueSize(), b.maxQueueSize()));
    }
}
