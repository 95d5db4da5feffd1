package io.eventrouter.examples;

import io.eventrouter.config.ConfigException;
import io.eventrouter.config.RouterConfig;
import io.eventrouter.server.RouterServer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts a router inside your own program: build a {@link RouterConfig}, hand it to
 * {@link RouterServer#create}, {@code start()} it, and call {@code stop()} when done. Here a
 * JVM shutdown hook does that on Ctrl-C (or SIGTERM), so queued events are still delivered and
 * clients are closed properly before the process ends. The other examples can run against it.
 *
 * <pre>
 * bin/run-example ServerStarter [--host HOST] [--port PORT] [--max-queue-size N] [--multi-queue] [--stop-after SECONDS]
 * </pre>
 *
 * <p>It serves until Ctrl-C, or for {@code --stop-after} seconds. For everything else (a
 * configuration file, {@code ROUTER_*} variables, the data directory) use the router's own
 * command, {@code bin/run-router}.
 */
public final class ServerStarter {
    static final String USAGE = "usage: ServerStarter [--host HOST] [--port PORT] [--max-queue-size N] [--multi-queue]"
            + " [--stop-after SECONDS]";
    /** Enough for the demo's queues to drain; the router's own default is 10 s. */
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    /** The configuration to start with, and how long to serve (null: until Ctrl-C). */
    public record Options(RouterConfig config, Duration stopAfter) {}

    private ServerStarter() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException | ConfigException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }

        RouterServer server;
        try {
            server = RouterServer.create(options.config()).start();
        } catch (Exception e) {
            // Most often the port is taken, by another router perhaps.
            System.err.println("error: cannot start the router on " + options.config().host() + ":"
                    + options.config().port() + ": " + e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopping.compareAndSet(false, true)) {
                long start = System.nanoTime();
                server.stop(); // stops accepting, delivers what is queued, closes clients with 1001
                System.out.printf("stopped gracefully in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                stopped.countDown();
            }
        };
        // Ctrl-C (SIGINT) and SIGTERM run shutdown hooks; RouterServer registers none itself.
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "example-router-shutdown"));

        RouterConfig config = options.config();
        System.out.printf("Event Router listening on %s (queue %d, %s priority)%n", server.uri(), config.maxQueueSize(),
                config.useMultiQueue() ? "weighted fair" : "strict");
        System.out.printf("admin page http://%s:%d/admin/, readiness http://%s:%d/health/ready%n",
                displayHost(config), server.port(), displayHost(config), server.port());
        if (options.stopAfter() == null) {
            System.out.println("press Ctrl-C to stop");
            stopped.await();
        } else {
            System.out.println("stopping in " + options.stopAfter().toSeconds() + " s (or press Ctrl-C)");
            if (!stopped.await(options.stopAfter().toMillis(), TimeUnit.MILLISECONDS)) {
                stop.run();
            }
        }
    }

    /**
     * Reads the flags into a configuration; throws {@link IllegalArgumentException} for bad
     * flags and {@link ConfigException} for values the router refuses.
     */
    public static Options parse(String... args) {
        RouterConfig.Builder config = RouterConfig.builder()
                .host(RouterConfig.DEFAULT_HOST)
                .port(RouterConfig.DEFAULT_PORT)
                .shutdownTimeout(SHUTDOWN_TIMEOUT);
        Duration stopAfter = null;
        Deque<String> rest = new ArrayDeque<>(List.of(args));
        while (!rest.isEmpty()) {
            String flag = rest.removeFirst();
            switch (flag) {
                case "--host" -> config.host(value(flag, rest));
                case "--port" -> config.port(number(flag, rest));
                case "--max-queue-size" -> config.maxQueueSize(number(flag, rest));
                case "--multi-queue" -> config.useMultiQueue(true);
                case "--stop-after" -> stopAfter = Duration.ofSeconds(positive(flag, number(flag, rest)));
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
        }
        // build() checks the values (port range, positive sizes) with the router's own rules.
        return new Options(config.build(), stopAfter);
    }

    private static String value(String flag, Deque<String> rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return rest.removeFirst();
    }

    private static int number(String flag, Deque<String> rest) {
        String value = value(flag, rest);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, got '" + value + "'", e);
        }
    }

    private static int positive(String flag, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(flag + " must be positive, got " + value);
        }
        return value;
    }

    /** Where a browser on this machine reaches a router bound to {@code host}. */
    private static String displayHost(RouterConfig config) {
        String host = config.host();
        return host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
    }
}
