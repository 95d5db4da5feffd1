package io.eventrouter.cli;

import io.eventrouter.config.ConfigException;
import io.eventrouter.protocol.Health;
import io.eventrouter.protocol.ServerMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code status}: the PID file and the router's own {@code get_health} answer, for people. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show whether the router runs and how it is doing (health, clients, subscriptions, queue, events).",
                "Exits with 0 when the router answers and 3 when it does not."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILURE_LINE, ExitCode.USAGE_LINE, ExitCode.NOT_RUNNING_LINE})
final class StatusCommand extends DataDirectoryCommand {
    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Mixin
    RouterAddress address;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for the router's answer (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    StatusCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!positiveSeconds("--timeout", timeoutSeconds)) {
            return ExitCode.USAGE;
        }
        DataDirectory directory = dataDirectory();
        PidFile pidFile = new PidFile(directory);
        PidFile.State state = pidFile.check();
        URI uri;
        try {
            uri = address.resolve(directory, environment, state);
        } catch (ConfigException e) {
            err().println("error: " + e.getMessage());
            return ExitCode.USAGE;
        }
        ServerMessage.HealthReport report;
        try {
            report = new RouterProbe(Duration.ofSeconds(timeoutSeconds)).health(uri);
        } catch (IOException e) {
            out().println(notAnswering(state, pidFile, e.getMessage()));
            return ExitCode.NOT_RUNNING;
        }
        print(report, state, pidFile, uri);
        return ExitCode.OK;
    }

    private static String notAnswering(PidFile.State state, PidFile pidFile, String reason) {
        if (state instanceof PidFile.State.Running running) {
            return "Event Router (pid " + running.process().pid() + ") is running but does not answer: " + reason;
        }
        if (state instanceof PidFile.State.Stale stale) {
            return "Event Router is not running: the PID file " + pidFile.path() + " is stale (process '"
                    + stale.content() + "' is gone; 'stop' or 'start' removes it), and " + reason;
        }
        return "Event Router is not running: no PID file at " + pidFile.path() + ", and " + reason;
    }

    private void print(ServerMessage.HealthReport report, PidFile.State state, PidFile pidFile, URI uri) {
        Health health = report.health();
        PrintWriter out = out();
        out.println("Event Router is running");
        row(out, "pid", pid(state, pidFile));
        row(out, "url", uri.toString());
        row(out, "status", health.status() + (health.errors().isEmpty() ? "" : " (" + String.join("; ", health.errors()) + ")"));
        row(out, "uptime", Durations.readable(Duration.ofMillis((long) (health.uptime() * 1000))));
        row(out, "clients", health.connectedClients() + " (this check included)");
        row(out, "subscriptions", Long.toString(health.activeSubscriptions()));
        int capacity = report.details().getInt("queue_capacity", -1);
        row(out, "queue depth", health.eventsInQueue() + (capacity < 0 ? "" : " of " + capacity));
        row(out, "events", health.eventsProcessed() + " processed, " + health.eventsFailed() + " failed");
        row(out, "last event", lastEvent(health.lastEventAt()));
    }

    private static String pid(PidFile.State state, PidFile pidFile) {
        if (state instanceof PidFile.State.Running running) {
            return Long.toString(running.process().pid());
        }
        if (state instanceof PidFile.State.Stale) {
            return "unknown (the PID file " + pidFile.path() + " is stale)";
        }
        return "unknown (not started with 'event-router start' from this data directory)";
    }

    private static String lastEvent(Instant at) {
        if (at == null) {
            return "none yet";
        }
        Duration ago = Duration.between(at, Instant.now());
        return LOCAL_TIME.format(at) + " (" + Durations.readable(ago.isNegative() ? Duration.ZERO : ago) + " ago)";
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("  %-14s %s%n", label + ":", value);
    }
}
