package io.eventrouter.it;

import io.eventrouter.config.RouterConfig;
import io.eventrouter.server.RouterServer;
import java.time.Duration;

/** A real router on loopback for one test; can be stopped and started again on the same port. */
public final class TestRouter implements AutoCloseable {
    private final RouterConfig config;
    private RouterServer server;
    private int port;

    private TestRouter(RouterConfig config) {
        this.config = config;
    }

    public static TestRouter start() {
        return start(RouterConfig.builder());
    }

    public static TestRouter start(RouterConfig.Builder config) {
        TestRouter router = new TestRouter(config.host("127.0.0.1").port(0).shutdownTimeout(Duration.ofSeconds(2)).build());
        router.startOn(0);
        return router;
    }

    public String url() {
        return "ws://127.0.0.1:" + port + "/";
    }

    public int port() {
        return port;
    }

    public RouterServer server() {
        return server;
    }

    /** Stops the router (clients see their connection drop). */
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Starts a fresh router on the port the first one had. */
    public void restart() {
        stop();
        startOn(port);
    }

    private void startOn(int wanted) {
        RouterServer fresh = RouterServer.create(config.toBuilder().port(wanted).build());
        try {
            fresh.start();
        } catch (Exception e) {
            throw new IllegalStateException("Unable to start the router on port " + wanted, e);
        }
        server = fresh;
        port = fresh.port();
    }

    @Override
    public void close() {
        stop();
    }
}
