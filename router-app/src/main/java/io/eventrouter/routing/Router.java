package io.eventrouter.routing;

import io.eventrouter.config.RouterConfig;
import io.eventrouter.config.Setting;
import io.eventrouter.protocol.ClientMessage;
import io.eventrouter.protocol.ErrorCode;
import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.Health;
import io.eventrouter.protocol.ProtocolException;
import io.eventrouter.protocol.ServerMessage;
import io.eventrouter.protocol.SubscriptionSpec;
import io.eventrouter.queue.EventQueue;
import io.eventrouter.queue.OfferResult;
import io.eventrouter.session.ClientSession;
import io.eventrouter.session.OutboxPolicy;
import io.eventrouter.session.Subscription;
import io.eventrouter.session.Transport;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router: admits clients, answers their messages, queues published events and runs the
 * dispatcher that delivers them. One per application; the WebSocket endpoint is a thin adapter
 * around it.
 */
@ApplicationScoped
public class Router {
    /** Close code used for {@code max_clients_reached}: "try again later". */
    public static final int CLOSE_TRY_AGAIN_LATER = 1013;
    public static final int CLOSE_GOING_AWAY = 1001;
    public static final int CLOSE_POLICY_VIOLATION = 1008;

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final Duration ABORT_GRACE = Duration.ofSeconds(2);
    private static final Duration CLOSE_HANDSHAKE_WAIT = Duration.ofSeconds(2);
    private static final Duration THREAD_STOP_WAIT = Duration.ofSeconds(2);

    /** Replaced as a whole when settings change at run time; read once per use. */
    private volatile RouterConfig config;
    private MeterRegistry meters;
    private EventQueue queue;
    private SubscriptionRegistry subscriptions;
    private SessionRegistry sessions;
    private RouterStats stats;
    private Dispatcher dispatcher;
    /** Routes a backlog too long for the publishing thread that found it. */
    private ExecutorService backlogDrainer;
    private HealthReporter reporter;
    private StatsReporter statsReporter;
    private ScheduledExecutorService housekeeping;
    /** Writes queued events to sockets, one pump at a time per connection, off the dispatcher. */
    private ExecutorService writers;
    /** The outbox settings of connections opened from now on; replaced when they change. */
    private volatile OutboxPolicy outboxPolicy;
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private volatile boolean accepting = true;

    /** For CDI's proxy only. */
    protected Router() {}

    @Inject
    public Router(RouterConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
    }

    @PostConstruct
    void start() {
        queue = config.useMultiQueue()
                ? EventQueue.weightedFair(config.maxQueueSize())
                : EventQueue.strict(config.maxQueueSize());
        subscriptions = new SubscriptionRegistry();
        sessions = new SessionRegistry(config.maxClients());
        Timer latency = RouterMetrics.deliveryLatency(meters);
        stats = new RouterStats(this::disconnectSlowConsumer, this::sendFailed,
                nanos -> latency.record(nanos, TimeUnit.NANOSECONDS));
        RouterMetrics.bind(meters, stats, queue, sessions, subscriptions);
        reporter = new HealthReporter(stats, queue, subscriptions, sessions, config.useMultiQueue());
        statsReporter = new StatsReporter(stats, queue, subscriptions, sessions, config.useMultiQueue());
        housekeeping = Executors.newSingleThreadScheduledExecutor(daemon("router-housekeeping"));
        writers = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                daemon("router-writer"));
        housekeeping.scheduleAtFixedRate(stats::sampleWindow, RouterStats.SAMPLE_SECONDS, RouterStats.SAMPLE_SECONDS,
                TimeUnit.SECONDS);
        outboxPolicy = outboxPolicy(config);
        backlogDrainer = Executors.newSingleThreadExecutor(daemon("router-dispatcher"));
        dispatcher = new Dispatcher(queue, subscriptions, stats, backlogDrainer);
        warmUpCodec();
        LOG.debug("Router started: queue {} ({}), max clients {}", config.maxQueueSize(),
                config.useMultiQueue() ? "weighted fair" : "strict priority", config.maxClients());
    }

    /** A failure here is a bug in the codec, but it costs only the first client's wait: not fatal. */
    private static void warmUpCodec() {
        try {
            CodecWarmup.run();
        } catch (RuntimeException e) {
            LOG.warn("Warming up the protocol codec failed; the first clients will wait for it", e);
        }
    }

    /** Creates the router as soon as the application starts rather than on first use. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        LOG.trace("Router initialized with the application");
    }

    @PreDestroy
    void destroy() {
        shutdown(Duration.ZERO);
    }

    /**
     * This bean itself rather than the container's client proxy. A connection calls the router
     * for every frame it reads; going through the proxy costs a context lookup each time, and an
     * application-scoped router is the same object for as long as connections exist. It comes
     * wrapped because Weld replaces a bean method's returned {@code this} with the proxy.
     */
    public Supplier<Router> unproxied() {
        Router self = this;
        return () -> self;
    }

    public RouterConfig config() {
        return config;
    }

    /**
     * Takes new values of the settings a running router can change ({@link
     * Setting#changeableAtRunTime()}); per-connection limits apply to connections opened from now
     * on.
     *
     * @throws IllegalArgumentException if a setting that needs a restart differs
     */
    public void reconfigure(RouterConfig changed) {
        RouterConfig current = config;
        for (Setting setting : Setting.values()) {
            if (!setting.changeableAtRunTime()
                    && !Objects.equals(setting.valueIn(changed), setting.valueIn(current))) {
                throw new IllegalArgumentException(setting.key() + " cannot change while the router runs");
            }
        }
        config = changed;
        outboxPolicy = outboxPolicy(changed);
        sessions.setMaxClients(changed.maxClients());
        LOG.debug("Configuration changed at run time: {}", changed);
    }

    /** What the outboxes of connections opened under {@code settings} share. */
    private OutboxPolicy outboxPolicy(RouterConfig settings) {
        return new OutboxPolicy(stats, settings.clientQueueSize(), settings.slowConsumerDropLimit(), writers);
    }

    /**
     * Admits a new connection, or returns null when the router is full or shutting down; then
     * {@link #refusal()} says why.
     */
    public ClientSession open(Transport transport, String clientName) {
        if (!accepting || !sessions.reserve()) {
            return null;
        }
        ClientSession session = new ClientSession(transport, clientName, outboxPolicy);
        sessions.add(session);
        if (LOG.isDebugEnabled()) {
            // The address is formatted on request; not for every handshake when nobody reads it.
            LOG.debug("Client {} connected from {}", session, session.remoteAddress());
        }
        return session;
    }

    /** The error frame for a connection {@link #open} refused, and the close code to use. */
    public ServerMessage.Error refusal() {
        if (!accepting) {
            return new ServerMessage.Error("Server is shutting down", ErrorCode.SHUTTING_DOWN, null, Instant.now(), null);
        }
        return new ServerMessage.Error("max_clients_reached", ErrorCode.MAX_CLIENTS_REACHED,
                "Maximum clients (" + sessions.maxClients() + ") reached", Instant.now(), null);
    }

    public int refusalCloseCode() {
        return accepting ? CLOSE_TRY_AGAIN_LATER : CLOSE_GOING_AWAY;
    }

    /** The connection is gone: forget the session and its subscriptions. */
    public void closed(ClientSession session) {
        session.markClosed();
        if (sessions.remove(session)) {
            subscriptions.removeAll(session.clearSubscriptions());
            LOG.debug("Client {} disconnected", session);
        }
    }

    /** Answers one decoded client message. */
    public ServerMessage handle(ClientSession session, ClientMessage message) {
        String requestId = message.requestId();
        if (message instanceof ClientMessage.Publish publish) {
            return publish(publish.event(), session, requestId);
        } else if (message instanceof ClientMessage.Subscribe subscribe) {
            return subscribe(session, subscribe.subscription(), requestId);
        } else if (message instanceof ClientMessage.Unsubscribe unsubscribe) {
            return unsubscribe(session, unsubscribe.subscriptionId(), requestId);
        } else if (message instanceof ClientMessage.Ping ping) {
            return new ServerMessage.Pong(Instant.now(), ping.echo(), requestId);
        } else if (message instanceof ClientMessage.GetHealth) {
            return new ServerMessage.HealthReport(health(), healthDetails(), requestId);
        } else if (message instanceof ClientMessage.Identify identify) {
            session.rename(identify.clientName());
            return new ServerMessage.Identified(session.clientId(), identify.clientName(), requestId);
        }
        throw new IllegalArgumentException("Unhandled message type " + message.type());
    }

    /** A client sent something the protocol does not allow; it gets an error frame. */
    public ServerMessage.Error rejected(ClientSession session, ProtocolException problem) {
        stats.clientErrors.increment();
        LOG.debug("Rejected a frame from {}: {}", session, problem.getMessage());
        return ServerMessage.Error.of(problem);
    }

    /**
     * Routes the events queued by {@link #publish}, on the calling thread unless another thread
     * is already routing. The endpoint calls it after sending the {@code published} reply, so a
     * publisher hears that reply before the event reaches its own subscriptions.
     */
    public void dispatchQueued() {
        dispatcher.dispatchQueued();
    }

    /**
     * Queues an event for the next {@link #dispatchQueued}; the reply says whether it was
     * queued or dropped and why.
     */
    public ServerMessage.Published publish(Event event, ClientSession publisher, String requestId) {
        Event stamped = event.source().isEmpty() && publisher != null ? event.withSource(publisher.clientId()) : event;
        if (!accepting) {
            return ServerMessage.Published.dropped(stamped.id(), "shutting_down", requestId);
        }
        OfferResult result = queue.offer(stamped, System.nanoTime());
        if (!result.accepted()) {
            stats.refused(stamped.priority());
            return ServerMessage.Published.dropped(stamped.id(), "queue_full", requestId);
        }
        if (result.evicted() != null) {
            stats.evicted(result.evicted().priority());
            LOG.debug("Queue full: evicted event {} (priority {}) for {} (priority {})", result.evicted().id(),
                    result.evicted().priority(), stamped.id(), stamped.priority());
        }
        stats.published.increment();
        stats.lastEventMillis = System.currentTimeMillis();
        return ServerMessage.Published.queued(stamped.id(), requestId);
    }

    private ServerMessage subscribe(ClientSession session, SubscriptionSpec spec, String requestId) {
        int limit = config.maxSubscriptionsPerClient();
        if (session.subscriptionCount() >= limit) {
            return error(ErrorCode.TOO_MANY_SUBSCRIPTIONS, "Too many subscriptions: this connection already holds "
                    + limit + ", the maximum", requestId);
        }
        Subscription subscription;
        try {
            subscription = session.addSubscription(subscriptions.shared(spec));
        } catch (IllegalStateException duplicate) {
            return error(ErrorCode.SUBSCRIPTION_EXISTS, duplicate.getMessage(), requestId);
        }
        subscriptions.add(subscription);
        return new ServerMessage.Subscribed(subscription.id(), subscription.topics(), requestId);
    }

    private ServerMessage unsubscribe(ClientSession session, String subscriptionId, String requestId) {
        Subscription removed = session.removeSubscription(subscriptionId);
        if (removed == null) {
            return error(ErrorCode.SUBSCRIPTION_NOT_FOUND,
                    "Subscription not found: '" + subscriptionId + "' is not a subscription of this connection", requestId);
        }
        subscriptions.remove(removed);
        return new ServerMessage.Unsubscribed(subscriptionId, requestId);
    }

    public Health health() {
        return reporter.health();
    }

    public JsonObject healthDetails() {
        return reporter.details();
    }

    /** Totals, drops by reason and priority, the queue by priority, and last-minute rates. */
    public JsonObject stats() {
        return statsReporter.stats();
    }

    /** The connected clients, at this moment. */
    public List<ClientSession> clients() {
        return sessions.snapshot();
    }

    /**
     * Closes a client's connection with 1008 and {@code reason}.
     *
     * @return false if no client with that id is connected
     */
    public boolean disconnect(String clientId, String reason) {
        ClientSession session = sessions.get(clientId);
        if (session == null) {
            return false;
        }
        LOG.info("Disconnecting {} ({}): {}", session, session.remoteAddress(), reason);
        disconnect(session, reason);
        return true;
    }

    public boolean isAccepting() {
        return accepting;
    }

    /**
     * Graceful shutdown: refuse new clients and events, deliver what is queued (bounded by
     * {@code timeout}), then close every client with 1001. Idempotent.
     */
    public void shutdown(Duration timeout) {
        if (!shuttingDown.compareAndSet(false, true)) {
            return;
        }
        accepting = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            dispatcher.dispatchQueued();
            boolean drained = dispatcher.awaitDrained(deadline);
            List<ClientSession> open = sessions.snapshot();
            for (ClientSession session : open) {
                drained &= session.awaitFlushed(deadline);
            }
            if (!drained) {
                LOG.warn("Shutdown timeout ({} ms) reached with {} events still queued", timeout.toMillis(), queue.size());
            }
            for (ClientSession session : open) {
                session.close(CLOSE_GOING_AWAY, "Server shutting down");
            }
            // Let the close frames reach clients still reading a backlog before Jetty stops:
            // otherwise they see the socket drop (1006) instead of 1001.
            sessions.awaitEmpty(System.nanoTime() + CLOSE_HANDSHAKE_WAIT.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopThreads();
        }
        LOG.info("Router stopped: {} events published, {} delivered", stats.published.sum(), stats.delivered.sum());
    }

    /**
     * Ends the router's own threads and waits for them briefly, so an application server that
     * undeploys the WAR finds none left behind.
     */
    private void stopThreads() {
        backlogDrainer.shutdown();
        housekeeping.shutdownNow();
        writers.shutdown();
        long deadline = System.nanoTime() + THREAD_STOP_WAIT.toNanos();
        try {
            for (ExecutorService pool : List.of(backlogDrainer, housekeeping, writers)) {
                if (!pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    LOG.debug("A router thread pool did not stop within {} ms", THREAD_STOP_WAIT.toMillis());
                    pool.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void disconnectSlowConsumer(ClientSession session, String reason) {
        if (session.isClosed()) {
            return;
        }
        stats.slowConsumerDisconnects.increment();
        LOG.warn("Disconnecting slow consumer {} ({}): {}", session, session.remoteAddress(), reason);
        disconnect(session, "Slow consumer: " + reason);
    }

    /** Closes with 1008 and forgets the session at once, without waiting for the peer's reply. */
    private void disconnect(ClientSession session, String reason) {
        if (session.close(CLOSE_POLICY_VIOLATION, reason)) {
            closed(session);
            // A peer that stopped reading never completes the close handshake: cut it off.
            try {
                housekeeping.schedule(session::abort, ABORT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                session.abort();
            }
        }
    }

    private void sendFailed(ClientSession session, Throwable failure) {
        LOG.debug("Write to {} failed: {}", session, failure.toString());
        session.markClosed();
        closed(session);
    }

    private static ServerMessage.Error error(ErrorCode code, String text, String requestId) {
        return new ServerMessage.Error(text, code, null, Instant.now(), requestId);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
