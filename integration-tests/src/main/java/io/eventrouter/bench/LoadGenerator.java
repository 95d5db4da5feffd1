package io.eventrouter.bench;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loadgen}: benchmarks the router against a raw Jetty WebSocket server on this machine
 * and reports each router figure as a ratio to the raw one. Exit status 0 when every row with a
 * target passed and nothing was lost, 1 otherwise, 2 on bad flags.
 */
@Command(name = "loadgen", mixinStandardHelpOptions = true, version = "Event Router load generator 0.1.0",
        description = {"Runs the Event Router benchmarks: publish, fan-out, latency and connections, each against the "
                + "router and against a raw Jetty 12 WebSocket server started side by side on 127.0.0.1.",
            "Prints a table and writes JSON (results-<time>.json, latest.json) and Markdown (latest.md)."})
public final class LoadGenerator implements Callable<Integer> {
    static final int EXIT_PASSED = 0;
    static final int EXIT_FAILED = 1;

    @Option(names = "--quick", description = "The short run (2 to 3 minutes) instead of the full one (7 to 10).")
    boolean quick;

    @Option(names = "--only", split = ",", paramLabel = "FAMILY",
            description = "Run only these scenario families: publish, fan-out, latency, connections.")
    List<String> only;

    @Option(names = "--filter", paramLabel = "TEXT",
            description = "Run only the scenarios whose name contains TEXT, e.g. '4 pub -> 10 sub'.")
    String filter;

    @Option(names = "--connections", split = ",", paramLabel = "N",
            description = "Connection counts to measure (default: 1000,10000 and 20000 if the open-file limit allows).")
    List<Integer> connections;

    @Option(names = "--window", paramLabel = "EVENTS", defaultValue = "256",
            description = "Events each pipelined publisher may have in flight (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--rounds", paramLabel = "N",
            description = "Rounds per scenario and server, alternating the servers (default: 2 in the full run, 1 in --quick).")
    Integer rounds;

    @Option(names = "--connect-concurrency", paramLabel = "N", defaultValue = "32",
            description = "WebSocket handshakes in progress at once; below the servers' accept backlog (50) so no SYN "
                    + "is dropped (default: ${DEFAULT-VALUE}).")
    int connectConcurrency;

    @Option(names = "--server-jvm-options", paramLabel = "FLAGS", defaultValue = "-Xmx1g",
            description = "JVM flags for both servers, space-separated (default: ${DEFAULT-VALUE}).")
    String serverJvmOptions;

    @Option(names = "--jfr", description = "Record a JFR profile of each server into <out>/jfr.")
    boolean jfr;

    @Option(names = "--router-jar", paramLabel = "JAR",
            description = "The router's executable jar (default: router-app/target/event-router.jar).")
    Path routerJar;

    @Option(names = "--out", paramLabel = "DIR", description = "Where results go (default: integration-tests/target/bench).")
    Path out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadGenerator()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path target = ownTargetDirectory();
        Path jar = routerJar != null ? routerJar : target.resolve("../../router-app/target/event-router.jar").normalize();
        if (!Files.isRegularFile(jar)) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "router jar not found at " + jar + " (build with ./mvnw -q -B package -DskipTests, or pass --router-jar)");
        }
        Path results = out != null ? out : target.resolve("bench");
        Set<String> families = only == null ? BenchPlan.FAMILIES : new LinkedHashSet<>(only);
        if (!BenchPlan.FAMILIES.containsAll(families)) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--only takes " + BenchPlan.FAMILIES + ", got " + families);
        }
        long openFiles = MachineInfo.openFileLimit();
        List<Integer> levels = connections != null ? connections : BenchPlan.defaultConnectionLevels(quick, openFiles);
        BenchPlan plan = quick ? BenchPlan.quick(window, levels, families) : BenchPlan.full(window, levels, families);
        if (filter != null) {
            plan = plan.filter(filter);
        }
        if (rounds != null) {
            plan = plan.withRounds(rounds);
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ServerProcess.Launch launch = new ServerProcess.Launch(java,
                Arrays.stream(serverJvmOptions.trim().split("\\s+")).filter(flag -> !flag.isEmpty()).toList(), jar,
                System.getProperty("java.class.path"), results.resolve("logs"), jfr ? results.resolve("jfr") : null);
        System.out.printf("Event Router benchmark (%s); open-file limit %d, connection levels %s; results in %s%n",
                plan.describe(), openFiles, levels, results.toAbsolutePath());
        RunContext context = RunContext.defaults(java).withConnectConcurrency(connectConcurrency);
        Report report = run(plan, launch, context, results, System.out);
        return report.failed() == 0 ? EXIT_PASSED : EXIT_FAILED;
    }

    /** Runs {@code plan}, prints the table and writes the JSON and Markdown files. */
    static Report run(BenchPlan plan, ServerProcess.Launch launch, RunContext context, Path results, PrintStream console)
            throws Exception {
        String command = ProcessHandle.current().info().commandLine().orElse("loadgen");
        Report report = new BenchRunner(plan, launch, context, console).run(command);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path json = ReportWriter.write(report, results, stamp);
        console.println();
        console.printf("Event Router vs raw Jetty, %s, %s cores, %s (%s mode, %.0f s)%n", report.date(),
                report.machine().get("cores"), report.machine().get("jvm"), report.mode(), report.durationSeconds());
        console.println();
        console.print(ReportWriter.table(report));
        console.printf("%n%d passed, %d failed; JSON: %s%n", report.passed(), report.failed(), json.toAbsolutePath());
        return report;
    }

    /**
     * {@code integration-tests/target}: the directory holding the running jar, or the parent of
     * {@code target/classes} when run from the build output.
     */
    private static Path ownTargetDirectory() {
        try {
            Path location = Path.of(LoadGenerator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.getParent();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Path.of("integration-tests", "target");
        }
    }
}
