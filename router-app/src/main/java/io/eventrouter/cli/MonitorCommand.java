package io.eventrouter.cli;

import io.eventrouter.config.ConfigException;
import io.eventrouter.protocol.ClientMessage;
import io.eventrouter.protocol.ServerMessage;
import io.eventrouter.protocol.SubscriptionSpec;
import io.eventrouter.protocol.Topics;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code monitor}: subscribes like any client and prints each event as one line on stdout;
 * everything else (what it watches, why it stopped) goes to stderr, so the output pipes cleanly.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"Print the events passing through the router, one line each "
                + "(time, priority, topic, type, source, payload), until Ctrl-C.",
                "Patterns use '*' for one topic segment and '#' for any number, e.g. 'task.*'."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILURE_LINE, ExitCode.USAGE_LINE})
final class MonitorCommand extends DataDirectoryCommand {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The router closes connections idle for idle_timeout_seconds (10 minutes by default); a
     * quiet topic must not end the monitor, so it pings when nothing has arrived for this long.
     */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(30);

    @Parameters(arity = "0..*", paramLabel = "PATTERN", description = "Topic patterns to watch (default: # = all).")
    List<String> patterns;

    @Option(names = "--count", paramLabel = "N", description = "Exit after N events (for scripts).")
    Integer count;

    @Option(names = "--width", paramLabel = "CHARS", defaultValue = "" + EventLine.DEFAULT_PAYLOAD_WIDTH,
            description = "Cut payloads to this many characters (default: ${DEFAULT-VALUE}).")
    int width;

    @Mixin
    RouterAddress address;

    MonitorCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        SubscriptionSpec subscription;
        URI uri;
        try {
            if (count != null && count <= 0) {
                throw new IllegalArgumentException("--count must be positive, got " + count);
            }
            subscription = SubscriptionSpec.builder()
                    .topics(patterns == null || patterns.isEmpty() ? List.of(Topics.MULTI_WILDCARD) : patterns)
                    .build();
            DataDirectory directory = dataDirectory();
            uri = address.resolve(directory, environment, new PidFile(directory).check());
        } catch (IllegalArgumentException | ConfigException e) {
            err().println("error: " + e.getMessage());
            return ExitCode.USAGE;
        }
        try (RouterSocket socket = RouterSocket.connect(uri, CONNECT_TIMEOUT)) {
            // On Ctrl-C, say goodbye properly instead of leaving the router to notice a dead socket.
            Thread goodbye = new Thread(socket::close, "monitor-close");
            Runtime.getRuntime().addShutdownHook(goodbye);
            try {
                return watch(socket, subscription, uri);
            } finally {
                removeHook(goodbye);
            }
        }
    }

    private int watch(RouterSocket socket, SubscriptionSpec subscription, URI uri)
            throws IOException, InterruptedException {
        socket.send(new ClientMessage.Subscribe(subscription, "monitor"));
        EventLine lines = new EventLine(ZoneId.systemDefault(), width);
        int seen = 0;
        while (true) {
            RouterSocket.Incoming incoming = socket.next(KEEP_ALIVE);
            if (incoming == null) {
                socket.send(new ClientMessage.Ping(JsonValue.NULL, "keep-alive"));
            } else if (incoming instanceof RouterSocket.Incoming.Closed closed) {
                err().println("error: the router closed the connection (" + closed.code()
                        + (closed.reason().isEmpty() ? "" : " " + closed.reason()) + ")");
                return ExitCode.FAILURE;
            } else if (incoming instanceof RouterSocket.Incoming.Failed failed) {
                err().println("error: connection to " + uri + " lost: " + failed.reason());
                return ExitCode.FAILURE;
            } else {
                ServerMessage message = ((RouterSocket.Incoming.Message) incoming).message();
                if (message instanceof ServerMessage.Subscribed) {
                    err().println("Monitoring " + String.join(", ", subscription.topics()) + " on " + uri
                            + (count == null ? " (Ctrl-C to stop)" : " until " + count + " event(s) arrive"));
                } else if (message instanceof ServerMessage.EventDelivery delivery) {
                    out().println(lines.format(delivery.event()));
                    if (count != null && ++seen >= count) {
                        return ExitCode.OK;
                    }
                } else if (message instanceof ServerMessage.Error error) {
                    err().println("error: the router refused: " + error.error());
                    if ("monitor".equals(error.requestId())) {
                        return ExitCode.FAILURE;
                    }
                }
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs, which is what we want
        }
    }
}
