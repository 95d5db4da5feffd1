package io.eventrouter.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.eventrouter.config.RouterConfig;
import io.eventrouter.server.RouterServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import org.slf4j.LoggerFactory;

/**
 * Serves the router in this process until SIGTERM or Ctrl-C, then stops it gracefully. The bare
 * command and {@code start} (which a daemon runs too) both come through here, so the path
 * people run is the one the tests cover.
 */
final class Foreground {

    /** What a caller does around the server's life, e.g. keep a PID file. */
    interface Lifecycle {
        Lifecycle NONE = new Lifecycle() {};

        /** The server accepts connections; a failure here stops it again. */
        default void started(RouterServer server) throws IOException {}

        /** The server has stopped (called from the shutdown hook). */
        default void stopped() {}
    }

    private Foreground() {}

    static int serve(RouterConfig config, PrintWriter err, Lifecycle lifecycle) throws InterruptedException {
        applyLogLevel(config.logLevel());
        RouterServer server = RouterServer.create(config);
        try {
            server.start();
        } catch (Exception e) {
            err.println("error: " + startFailure(config, e));
            return ExitCode.FAILURE;
        }
        try {
            lifecycle.started(server);
        } catch (IOException | RuntimeException e) {
            server.stop();
            err.println("error: " + e.getMessage());
            return ExitCode.FAILURE;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            lifecycle.stopped();
        }, "router-shutdown"));
        LoggerFactory.getLogger(Main.class).info("Event Router listening on {} (queue {}, {} priority, max {} clients)",
                server.uri(), config.maxQueueSize(), config.useMultiQueue() ? "weighted fair" : "strict",
                config.maxClients());
        server.join();
        return ExitCode.OK;
    }

    /** One line a person can act on; "port in use" is the failure people actually meet. */
    static String startFailure(RouterConfig config, Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind && String.valueOf(bind.getMessage()).contains("in use")) {
                return "cannot start the router: port " + config.port() + " on " + config.host()
                        + " is already in use (another router or program listens there; choose another with --port)";
            }
        }
        return "cannot start the router on " + config.host() + ":" + config.port() + ": " + describe(e);
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IOException)) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return cause.getCause() instanceof BindException bind ? message + ": " + bind.getMessage() : message;
    }

    private static void applyLogLevel(String level) {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.toLevel(level, Level.INFO));
        }
    }
}
