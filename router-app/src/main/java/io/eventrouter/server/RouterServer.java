package io.eventrouter.server;

import io.eventrouter.admin.RouterAdmin;
import io.eventrouter.config.RouterConfig;
import io.eventrouter.endpoint.CdiEndpointConfigurator;
import io.eventrouter.management.MeterRegistryProducer;
import io.eventrouter.management.RouterManagement;
import io.eventrouter.routing.Router;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.JakartaWebSocketServerContainer;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded router: a CDI container (Weld SE) holding the {@link Router} bean, and Jetty 12
 * serving the WebSocket endpoint on {@code /} and {@code /ws}, and on the same port the admin
 * API ({@code /admin/api/*}), the admin page ({@code /admin/}), the probes ({@code /health/*})
 * and {@code /metrics}. {@link #create} returns an unstarted server; tests start it on port 0
 * exactly as {@code Main} does on 9090.
 */
public final class RouterServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RouterServer.class);

    private final RouterConfig config;
    private WeldContainer cdi;
    private Server jetty;
    private ServerConnector connector;
    private JakartaWebSocketServerContainer webSockets;
    /** Endpoint paths whose connections get the router's frame handler; set once the context starts. */
    private volatile int endpointPathsRead;
    private Router router;
    private boolean stopped;

    private RouterServer(RouterConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public static RouterServer create(RouterConfig config) {
        return new RouterServer(config);
    }

    /** Starts CDI and Jetty; on failure everything started so far is stopped again. */
    public synchronized RouterServer start() throws Exception {
        if (jetty != null) {
            throw new IllegalStateException("Router server already started");
        }
        try {
            cdi = new Weld("event-router-" + UUID.randomUUID())
                    .disableDiscovery()
                    // Our own stop() is the graceful path; Weld's hook would race it on SIGTERM.
                    .skipShutdownHook()
                    .addBeanClasses(Router.class, RouterManagement.class, MeterRegistryProducer.class)
                    .addExtension(new ConfigExtension(config))
                    .initialize();
            CdiEndpointConfigurator endpoints = new CdiEndpointConfigurator(cdi);
            router = endpoints.router();
            jetty = newJetty(endpoints, cdi.select(RouterAdmin.class).get());
            jetty.start();
            if (endpointPathsRead != CdiEndpointConfigurator.PATHS.size()) {
                // Without its frame handler the endpoint registers no message handlers: fail
                // now rather than serve connections whose messages nobody reads.
                throw new IllegalStateException("The router's frame handler is not on every endpoint path "
                        + CdiEndpointConfigurator.PATHS + "; this Jetty version is not supported");
            }
        } catch (Exception | Error e) {
            close();
            throw e;
        }
        return this;
    }

    /**
     * Jetty's pool size for a machine with {@code cores} processors: 16 per core, from 32 to
     * Jetty's usual 200. Nothing the router runs on these threads blocks (reads, routing and
     * writes are non-blocking), so more threads than that add no throughput; but Jetty starts a
     * thread for every task that finds none idle, so a burst of handshakes on a small machine
     * would otherwise grow the pool toward 200, each thread keeping the JDK's socket buffer
     * cache (about 5 kB of heap) until it has been idle for a minute.
     */
    static int maxThreads(int cores) {
        return Math.max(32, Math.min(200, 16 * cores));
    }

    private Server newJetty(CdiEndpointConfigurator endpoints, RouterAdmin admin) {
        QueuedThreadPool threads = new QueuedThreadPool(maxThreads(Runtime.getRuntime().availableProcessors()));
        threads.setName("router-jetty");
        Server server = new Server(threads);
        connector = new FlushBeforeReadConnector(server);
        connector.setHost(config.host());
        connector.setPort(config.port());
        // On shutdown Jetty shortens idle timeouts to this; a subscriber still reading its
        // backlog must keep its connection for as long as we keep delivering.
        connector.setShutdownIdleTimeout(shutdownIdleTimeout(config.shutdownTimeout()));
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        server.setHandler(context);
        AdminMount.mount(context, admin);
        JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            webSockets = (JakartaWebSocketServerContainer) container;
            SharedJakartaCodecs.install(webSockets);
            container.setDefaultMaxTextMessageBufferSize(config.maxFrameSize());
            container.setDefaultMaxBinaryMessageBufferSize(config.maxFrameSize());
            container.setDefaultMaxSessionIdleTimeout(config.idleTimeout().toMillis());
            for (ServerEndpointConfig endpoint : endpoints.endpointConfigs()) {
                container.addEndpoint(endpoint);
            }
        });
        // Once the context has started Jetty has mapped the endpoints; connectors start after
        // it, so no connection is negotiated with Jetty's own frame handler factory.
        context.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarted(LifeCycle event) {
                endpointPathsRead = DetachedFrameHandlers.install(context, webSockets, CdiEndpointConfigurator.PATHS);
            }
        });
        server.setStopAtShutdown(false);
        return server;
    }

    private static long shutdownIdleTimeout(Duration shutdownTimeout) {
        return Math.max(1000, shutdownTimeout.toMillis());
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The WebSocket URL clients connect to, e.g. {@code ws://localhost:9090/}. */
    public URI uri() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return URI.create("ws://" + host + ":" + port() + "/");
    }

    public Router router() {
        return router;
    }

    /** Jetty's Jakarta container, for tests that look at the sessions Jetty keeps. */
    JakartaWebSocketServerContainer webSocketContainer() {
        return webSockets;
    }

    /** The configuration the server started with; {@link Router#config()} has run-time changes. */
    public RouterConfig config() {
        return config;
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    /**
     * Graceful stop: stop accepting connections, deliver what is queued (bounded by the
     * configured shutdown timeout), close clients with 1001, then stop Jetty and CDI.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        Exception failure = null;
        // The admin API may have changed the timeout since start.
        Duration shutdownTimeout = router != null ? router.config().shutdownTimeout() : config.shutdownTimeout();
        if (connector != null) {
            connector.setShutdownIdleTimeout(shutdownIdleTimeout(shutdownTimeout));
            connector.shutdown();
        }
        if (router != null) {
            router.shutdown(shutdownTimeout);
        }
        if (jetty != null) {
            try {
                jetty.stop();
            } catch (Exception e) {
                failure = e;
            }
        }
        if (cdi != null && cdi.isRunning()) {
            cdi.shutdown();
        }
        if (failure != null) {
            LOG.warn("Jetty did not stop cleanly", failure);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
