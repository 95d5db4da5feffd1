package io.eventrouter.testing;

import io.eventrouter.config.RouterConfig;
import io.eventrouter.server.RouterServer;
import java.net.URI;

/** A real router on a free loopback port, for one test. */
public final class RunningRouter implements AutoCloseable {
    private final RouterServer server;

    private RunningRouter(RouterServer server) {
        this.server = server;
    }

    public static RunningRouter start() {
        return start(RouterConfig.builder());
    }

    public static RunningRouter start(RouterConfig.Builder config) {
        RouterServer server = RouterServer.create(config.host("127.0.0.1").port(0).build());
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Unable to start the router", e);
        }
        return new RunningRouter(server);
    }

    public URI uri() {
        return server.uri();
    }

    public URI uri(String pathAndQuery) {
        return URI.create("ws://127.0.0.1:" + server.port() + pathAndQuery);
    }

    public RouterServer server() {
        return server;
    }

    public WsClient client() {
        return WsClient.connectWelcomed(uri());
    }

    @Override
    public void close() {
        server.stop();
    }
}
