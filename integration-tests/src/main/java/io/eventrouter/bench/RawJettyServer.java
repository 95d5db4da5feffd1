package io.eventrouter.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The baseline: plain Jetty 12 with its core WebSocket server and no routing. It speaks just
 * enough of the protocol for the load generator ({@code welcome}, {@code subscribe},
 * {@code publish}, {@code ping}) and copies each published event object into one {@code event}
 * frame per subscription, written inline on the publisher's reading thread. Whatever the router
 * reaches relative to this is what its routing, queueing and encoding cost.
 *
 * <p>It takes the router's flags so the generator can start both the same way; the queue sizes
 * are accepted and ignored (nothing is queued here beyond Jetty's own write queue).
 */
@Command(name = "raw-jetty-server", mixinStandardHelpOptions = true,
        description = "Raw Jetty 12 WebSocket server: the transport baseline for the Event Router benchmarks.")
public final class RawJettyServer implements Callable<Integer>, AutoCloseable {
    @Option(names = "--host", description = "Interface to bind (default: ${DEFAULT-VALUE}).")
    String host = "localhost";

    @Option(names = "--port", description = "TCP port; 0 = any free port (default: ${DEFAULT-VALUE}).")
    int port = 9091;

    @Option(names = "--max-clients", description = "Connections served at once (default: ${DEFAULT-VALUE}).")
    int maxClients = 1000;

    @Option(names = "--max-frame-size", description = "Largest accepted frame in bytes (default: ${DEFAULT-VALUE}).")
    int maxFrameSize = 10 * 1024 * 1024;

    @Option(names = "--idle-timeout-seconds", description = "Close idle connections; 0 = never (default: ${DEFAULT-VALUE}).")
    long idleTimeoutSeconds = 600;

    @Option(names = "--client-queue-size", description = "Accepted for symmetry with the router; unused.")
    int clientQueueSize;

    @Option(names = "--max-queue-size", description = "Accepted for symmetry with the router; unused.")
    int maxQueueSize;

    @Option(names = "--log-level", description = "TRACE, DEBUG, INFO, WARN or ERROR (default: ${DEFAULT-VALUE}).")
    String logLevel = "INFO";

    private Server jetty;
    private ServerConnector connector;

    public static void main(String[] args) {
        System.exit(new CommandLine(new RawJettyServer()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.toLevel(logLevel, Level.INFO));
        }
        start();
        // The generator waits for the port to answer; this line is for people.
        System.out.println("RawJettyServer listening on " + uri());
        jetty.join();
        return 0;
    }

    RawJettyServer start() {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("raw-jetty");
        jetty = new Server(threads);
        connector = new ServerConnector(jetty);
        connector.setHost(host);
        connector.setPort(port);
        jetty.addConnector(connector);
        RawConnection.Hub hub = new RawConnection.Hub(maxClients);
        WebSocketUpgradeHandler upgrades = new WebSocketUpgradeHandler();
        upgrades.getConfiguration().setIdleTimeout(Duration.ofSeconds(idleTimeoutSeconds));
        upgrades.getConfiguration().setMaxFrameSize(maxFrameSize);
        upgrades.getConfiguration().setMaxTextMessageSize(maxFrameSize);
        WebSocketNegotiator negotiator = (request, response, callback) -> new RawConnection(hub);
        upgrades.addMapping("/", negotiator);
        upgrades.addMapping("/ws", negotiator);
        jetty.setHandler(upgrades);
        jetty.setStopAtShutdown(true);
        try {
            jetty.start();
        } catch (Exception e) {
            IllegalStateException failure =
                    new IllegalStateException("Unable to start the raw Jetty server on " + host + ":" + port, e);
            try {
                close();
            } catch (RuntimeException stopFailure) {
                failure.addSuppressed(stopFailure);
            }
            throw failure;
        }
        return this;
    }

    URI uri() {
        return URI.create("ws://" + host + ":" + connector.getLocalPort() + "/");
    }

    @Override
    public void close() {
        if (jetty != null) {
            try {
                jetty.stop();
            } catch (Exception e) {
                throw new IllegalStateException("Unable to stop the raw Jetty server on " + host + ":" + port, e);
            }
        }
    }
}
