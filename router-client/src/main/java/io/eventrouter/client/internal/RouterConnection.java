package io.eventrouter.client.internal;

import io.eventrouter.client.ClientOptions;
import io.eventrouter.client.ConnectionEvent;
import io.eventrouter.client.ConnectionListener;
import io.eventrouter.client.ErrorListener;
import io.eventrouter.client.EventHandler;
import io.eventrouter.client.RouterConnectException;
import io.eventrouter.client.RouterException;
import io.eventrouter.client.RouterProtocolException;
import io.eventrouter.client.RouterRejectedException;
import io.eventrouter.protocol.ClientMessage;
import io.eventrouter.protocol.ErrorCode;
import io.eventrouter.protocol.ProtocolCodec;
import io.eventrouter.protocol.ProtocolException;
import io.eventrouter.protocol.ServerMessage;
import io.eventrouter.protocol.SubscriptionSpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection state machine behind {@code EventRouterClient}: connects (with failover),
 * sends requests and matches replies, restores subscriptions and flushes the offline buffer
 * after reconnecting, detects a dead peer by heartbeat, and runs handlers off the socket thread.
 */
public final class RouterConnection implements Socket.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(RouterConnection.class);
    private static final String JDK_CONTAINER = "org.glassfish.tyrus.container.jdk.client.JdkClientContainer";

    private final ClientOptions options;
    private final ClientManager tyrus;
    private final ScheduledExecutorService scheduler;
    private final Executor handlers;
    private final ExecutorService ownedHandlers;
    private final ExecutorService callbacks;
    private final Replies replies;
    private final Object lock = new Object();
    private final Map<String, LocalSubscription> subscriptions = new LinkedHashMap<>();
    private final ArrayDeque<Buffered> offline = new ArrayDeque<>();
    private final List<ConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    private final List<ErrorListener> errorListeners = new CopyOnWriteArrayList<>();
    private ConnectionState state = ConnectionState.NEW;
    private Socket socket;
    private CompletableFuture<ServerMessage.Welcome> welcome;
    private volatile String clientId;
    private volatile long lastReceivedNanos = System.nanoTime();
    private int urlIndex;
    private boolean initialConnect;
    /** A reconnect attempt is scheduled or running; at most one at a time. */
    private boolean reconnectActive;

    /** A publish waiting in the offline buffer. */
    private record Buffered(String requestId, String frame, String what, CompletableFuture<ServerMessage> reply) {
    }

    public RouterConnection(ClientOptions options) {
        this.options = options;
        this.tyrus = ClientManager.createClient(JDK_CONTAINER);
        tyrus.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, (int) options.timeout().toMillis());
        tyrus.getProperties().put(ClientProperties.INCOMING_BUFFER_SIZE, options.maxFrameSize());
        tyrus.setDefaultMaxTextMessageBufferSize(options.maxFrameSize());
        this.scheduler = Executors.newScheduledThreadPool(2, daemon("router-client-scheduler"));
        if (options.handlerExecutor() != null) {
            this.handlers = options.handlerExecutor();
            this.ownedHandlers = null;
        } else {
            this.ownedHandlers = Executors.newCachedThreadPool(daemon("router-client-handler"));
            this.handlers = ownedHandlers;
        }
        // Completes futures handed to callers: never the socket thread, and never the handler
        // executor, so a handler may block on publish() or request() without starving itself.
        this.callbacks = Executors.newCachedThreadPool(daemon("router-client-callback"));
        this.replies = new Replies(UUID.randomUUID().toString().substring(0, 8) + "-", scheduler);
    }

    public ClientOptions options() {
        return options;
    }

    public String clientId() {
        return clientId;
    }

    public boolean isConnected() {
        synchronized (lock) {
            return state == ConnectionState.CONNECTED;
        }
    }

    public void addConnectionListener(ConnectionListener listener) {
        connectionListeners.add(listener);
    }

    public void addErrorListener(ErrorListener listener) {
        errorListeners.add(listener);
    }

    /** Connects to the first reachable URL, restores any subscriptions made beforehand. */
    public void connect() {
        synchronized (lock) {
            if (state != ConnectionState.NEW) {
                throw new IllegalStateException("connect() may be called once; the client is " + state);
            }
            state = ConnectionState.RECONNECTING;
            initialConnect = true;
        }
        List<String> failures = new ArrayList<>();
        for (URI ignored : options.urls()) {
            URI url = nextUrl();
            try {
                establish(url, false);
                synchronized (lock) {
                    initialConnect = false;
                }
                scheduler.scheduleAtFixedRate(this::heartbeat, options.heartbeatInterval().toMillis(),
                        options.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
                fire(ConnectionEvent.CONNECTED);
                return;
            } catch (IOException | RouterException e) {
                failures.add(e.getMessage());
            }
        }
        synchronized (lock) {
            state = ConnectionState.CLOSED;
        }
        shutdownThreads();
        throw new RouterConnectException("Unable to connect to " + options.urls() + ": " + String.join("; ", failures));
    }

    /**
     * Opens a socket, waits for the welcome, restores subscriptions and flushes the buffer; on
     * a reconnect, listeners hear RECONNECTED and RESUBSCRIBED in between. On failure the new
     * socket is closed again before the exception propagates.
     */
    private void establish(URI url, boolean reconnecting) throws IOException {
        CompletableFuture<ServerMessage.Welcome> greeted = new CompletableFuture<>();
        synchronized (lock) {
            welcome = greeted;
        }
        Socket opened = Socket.open(tyrus, withClientName(url), this);
        try {
            synchronized (lock) {
                if (state == ConnectionState.CLOSED) {
                    throw new RouterConnectException("Client closed while connecting");
                }
                socket = opened;
            }
            lastReceivedNanos = System.nanoTime();
            clientId = await(greeted, "the welcome from " + url).clientId();
            if (reconnecting) {
                fire(ConnectionEvent.RECONNECTED);
            }
            restoreSubscriptions(opened);
            if (reconnecting) {
                fire(ConnectionEvent.RESUBSCRIBED);
            }
            flushOffline(opened);
        } catch (IOException | RouterException e) {
            synchronized (lock) {
                if (socket == opened) {
                    socket = null;
                }
            }
            opened.close();
            throw e;
        }
    }

    private void restoreSubscriptions(Socket target) throws IOException {
        List<LocalSubscription> all;
        synchronized (lock) {
            all = new ArrayList<>(subscriptions.values());
        }
        List<CompletableFuture<ServerMessage>> pending = new ArrayList<>();
        for (LocalSubscription subscription : all) {
            pending.add(sendOn(target, new ClientMessage.Subscribe(subscription.spec(), replies.nextId()),
                    "subscribe " + subscription.id()));
        }
        for (CompletableFuture<ServerMessage> reply : pending) {
            ServerMessage answer = await(reply, "a subscription restore");
            if (answer instanceof ServerMessage.Error error && error.code() != ErrorCode.SUBSCRIPTION_EXISTS) {
                report(new RouterProtocolException(error.code(), "Restoring a subscription failed: " + error.error()));
            }
        }
    }

    /** Sends buffered publishes in order, then switches to direct sending. */
    private void flushOffline(Socket target) throws IOException {
        while (true) {
            Buffered next;
            synchronized (lock) {
                next = offline.pollFirst();
                if (next == null) {
                    if (socket == target && state != ConnectionState.CLOSED) {
                        state = ConnectionState.CONNECTED;
                    }
                    return;
                }
            }
            CompletableFuture<ServerMessage> reply = replies.expect(next.requestId(), options.timeout(), next.what());
            reply.whenComplete((answer, failure) -> {
                if (failure != null) {
                    next.reply().completeExceptionally(failure);
                } else {
                    next.reply().complete(answer);
                }
            });
            try {
                target.send(next.frame());
            } catch (IOException e) {
                replies.fail(next.requestId(), new RouterConnectException("Connection lost while flushing the offline buffer", e));
                throw e;
            }
        }
    }

    /**
     * Sends a request and returns the future reply. While reconnecting, publishes wait in the
     * offline buffer (or fail fast when it is full); other requests fail at once.
     */
    public CompletableFuture<ServerMessage> request(ClientMessage message, boolean bufferWhileOffline, String what) {
        String frame = ProtocolCodec.encode(message);
        Socket target;
        synchronized (lock) {
            switch (state) {
                case CLOSED -> {
                    return CompletableFuture.failedFuture(new RouterConnectException("The client is closed"));
                }
                case NEW -> {
                    return CompletableFuture.failedFuture(new RouterConnectException("Not connected: call connect() first"));
                }
                case RECONNECTING -> {
                    if (!options.autoReconnect()) {
                        return CompletableFuture.failedFuture(new RouterConnectException(
                                "Not connected to the router (connection lost, autoReconnect is off); "
                                        + what + " was not sent"));
                    }
                    if (!bufferWhileOffline) {
                        return CompletableFuture.failedFuture(new RouterConnectException(
                                "Not connected to the router (reconnecting); " + what + " was not sent"));
                    }
                    if (offline.size() >= options.offlineBufferSize()) {
                        return CompletableFuture.failedFuture(new RouterRejectedException("offline_buffer_full",
                                "Offline buffer full (" + options.offlineBufferSize() + " publishes waiting for the router)"));
                    }
                    CompletableFuture<ServerMessage> reply = new CompletableFuture<>();
                    offline.addLast(new Buffered(message.requestId(), frame, what, reply));
                    return reply;
                }
                default -> target = socket;
            }
        }
        return sendOn(target, message.requestId(), frame, what);
    }

    public String nextRequestId() {
        return replies.nextId();
    }

    private CompletableFuture<ServerMessage> sendOn(Socket target, ClientMessage message, String what) {
        return sendOn(target, message.requestId(), ProtocolCodec.encode(message), what);
    }

    private CompletableFuture<ServerMessage> sendOn(Socket target, String requestId, String frame, String what) {
        CompletableFuture<ServerMessage> reply = replies.expect(requestId, options.timeout(), what);
        try {
            target.send(frame);
        } catch (IOException e) {
            replies.fail(requestId, new RouterConnectException("Unable to send " + what + ": " + e.getMessage(), e));
        }
        return reply;
    }

    /** Registers a subscription (restored on every reconnect) and, if connected, sends it. */
    public CompletableFuture<ServerMessage> subscribe(SubscriptionSpec spec, EventHandler handler) {
        return subscribe(spec, handler, handlers);
    }

    /**
     * A subscription of the client's own (the request/reply inbox) whose handler runs on the
     * callback threads, so it keeps working while every user handler is busy.
     */
    public CompletableFuture<ServerMessage> subscribeInternal(SubscriptionSpec spec, EventHandler handler) {
        return subscribe(spec, handler, callbacks);
    }

    private CompletableFuture<ServerMessage> subscribe(SubscriptionSpec spec, EventHandler handler, Executor runner) {
        LocalSubscription local = new LocalSubscription(spec.id(), spec, handler, new SerialExecutor(runner));
        synchronized (lock) {
            if (state == ConnectionState.CLOSED) {
                return CompletableFuture.failedFuture(new RouterConnectException("The client is closed"));
            }
            if (subscriptions.putIfAbsent(spec.id(), local) != null) {
                return CompletableFuture.failedFuture(new RouterProtocolException(ErrorCode.SUBSCRIPTION_EXISTS,
                        "Subscription id '" + spec.id() + "' is already in use by this client"));
            }
            if (state != ConnectionState.CONNECTED) {
                // Sent by the restore step of the next (re)connection.
                return CompletableFuture.completedFuture(new ServerMessage.Subscribed(spec.id(), spec.topics(), null));
            }
        }
        return request(new ClientMessage.Subscribe(spec, replies.nextId()), false, "subscribe " + spec.id())
                .whenComplete((answer, failure) -> {
                    if (failure != null || answer instanceof ServerMessage.Error) {
                        synchronized (lock) {
                            subscriptions.remove(spec.id(), local);
                        }
                    }
                });
    }

    /** Forgets a subscription locally at once and tells the router if connected. */
    public CompletableFuture<ServerMessage> unsubscribe(String id) {
        synchronized (lock) {
            if (subscriptions.remove(id) == null || state != ConnectionState.CONNECTED) {
                return CompletableFuture.completedFuture(new ServerMessage.Unsubscribed(id, null));
            }
        }
        return request(new ClientMessage.Unsubscribe(id, replies.nextId()), false, "unsubscribe " + id);
    }

    @Override
    public void onFrame(Socket from, String text) {
        lastReceivedNanos = System.nanoTime();
        ServerMessage message;
        try {
            message = ProtocolCodec.decodeServerMessage(text);
        } catch (ProtocolException e) {
            report(new RouterProtocolException(e.code(), "Unreadable frame from the router: " + e.getMessage()));
            return;
        }
        if (message instanceof ServerMessage.Welcome greeting) {
            CompletableFuture<ServerMessage.Welcome> waiting;
            synchronized (lock) {
                waiting = welcome;
            }
            if (waiting != null) {
                waiting.complete(greeting);
            }
        } else if (message instanceof ServerMessage.EventDelivery delivery) {
            deliver(delivery);
        } else if (!replies.complete(requestIdOf(message), message) && message instanceof ServerMessage.Error error) {
            report(new RouterProtocolException(error.code(), "The router reported: " + error.error()
                    + (error.message() == null ? "" : " (" + error.message() + ")")));
        }
    }

    private void deliver(ServerMessage.EventDelivery delivery) {
        LocalSubscription subscription;
        synchronized (lock) {
            subscription = subscriptions.get(delivery.subscriptionId());
        }
        if (subscription == null) {
            LOG.debug("Event {} for unknown subscription {} ignored", delivery.event().id(), delivery.subscriptionId());
            return;
        }
        subscription.serial().execute(() -> {
            try {
                subscription.handler().handle(delivery.event());
            } catch (Exception | LinkageError e) {
                report(new RouterException("Handler of subscription " + subscription.id() + " failed on event "
                        + delivery.event().id() + ": " + e, e));
            }
        });
    }

    @Override
    public void onClosed(Socket closed, String reason) {
        synchronized (lock) {
            if (closed != socket || state == ConnectionState.CLOSED) {
                return;
            }
            socket = null;
            state = ConnectionState.RECONNECTING;
        }
        replies.failAll("Connection to the router was lost before a reply arrived");
        synchronized (lock) {
            if (initialConnect) {
                return;
            }
        }
        LOG.info("Connection to {} lost ({}){}", closed.uri(), reason, options.autoReconnect() ? "; reconnecting" : "");
        fire(ConnectionEvent.DISCONNECTED);
        if (options.autoReconnect()) {
            scheduleReconnect(1);
        }
    }

    private void scheduleReconnect(int attempt) {
        synchronized (lock) {
            if (reconnectActive || state != ConnectionState.RECONNECTING) {
                return;
            }
            reconnectActive = true;
        }
        Duration delay = options.reconnectPolicy().delay(attempt);
        try {
            scheduler.schedule(() -> reconnect(attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            LOG.debug("Not reconnecting: the client is closing");
        }
    }

    private void reconnect(int attempt) {
        URI url = nextUrl();
        Throwable failure = null;
        try {
            establish(url, true);
            LOG.info("Reconnected to {} as {} after {} attempt(s)", url, clientId, attempt);
        } catch (IOException | RouterException e) {
            failure = e;
        }
        boolean retry;
        synchronized (lock) {
            reconnectActive = false;
            // Also covers a connection that dropped again while it was being restored.
            retry = state == ConnectionState.RECONNECTING && socket == null;
        }
        if (retry) {
            if (failure != null) {
                report(new RouterConnectException("Reconnect attempt " + attempt + " to " + url + " failed: "
                        + failure.getMessage(), failure));
            }
            scheduleReconnect(failure != null ? attempt + 1 : 1);
        }
    }

    /** Pings the router; a connection silent for two intervals is treated as dead. */
    private void heartbeat() {
        Socket current;
        synchronized (lock) {
            current = socket;
        }
        if (current == null) {
            return;
        }
        long silentNanos = System.nanoTime() - lastReceivedNanos;
        if (silentNanos > 2 * options.heartbeatInterval().toNanos()) {
            LOG.warn("No frame from {} for {} ms; treating the connection as dead", current.uri(),
                    TimeUnit.NANOSECONDS.toMillis(silentNanos));
            onClosed(current, "heartbeat timeout");
            current.close();
            return;
        }
        try {
            current.send(ProtocolCodec.encode(new ClientMessage.Ping(null, null)));
        } catch (IOException e) {
            LOG.debug("Heartbeat send failed: {}", e.getMessage());
        }
    }

    /** Closes for good: no reconnect; waiting requests fail; buffered publishes fail. */
    public void close() {
        Socket current;
        List<Buffered> abandoned;
        synchronized (lock) {
            if (state == ConnectionState.CLOSED) {
                return;
            }
            state = ConnectionState.CLOSED;
            current = socket;
            socket = null;
            abandoned = new ArrayList<>(offline);
            offline.clear();
        }
        for (Buffered buffered : abandoned) {
            buffered.reply().completeExceptionally(new RouterConnectException("Client closed before " + buffered.what() + " was sent"));
        }
        replies.failAll("Client closed before the reply arrived");
        if (current != null) {
            current.close();
        }
        shutdownThreads();
        fire(ConnectionEvent.CLOSED);
    }

    private void shutdownThreads() {
        scheduler.shutdownNow();
        callbacks.shutdown();
        if (ownedHandlers != null) {
            ownedHandlers.shutdown();
        }
        tyrus.shutdown();
    }

    /** Waits for a reply as a blocking call does: timeout, interruption and failures unwrapped. */
    public <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RouterException("Interrupted while waiting for " + what, e);
        } catch (TimeoutException e) {
            throw new io.eventrouter.client.RouterTimeoutException("No reply for " + what + " within "
                    + options.timeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RouterException failure) {
                throw failure;
            }
            throw new RouterException("Failed waiting for " + what + ": " + e.getCause(), e.getCause());
        }
    }

    /** Runs {@code action} on the client's callback threads: never on a socket thread. */
    public <T, R> CompletableFuture<R> thenOnClient(CompletableFuture<T> future, Function<T, R> action) {
        return future.thenApplyAsync(action, callbacks);
    }

    /** Completes {@code target} with {@code value} on the client's callback threads. */
    public <T> void completeOnClient(CompletableFuture<T> target, T value) {
        try {
            callbacks.execute(() -> target.complete(value));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            target.complete(value);
        }
    }

    public void report(RouterException error) {
        if (errorListeners.isEmpty()) {
            LOG.warn("{}", error.getMessage());
            return;
        }
        for (ErrorListener listener : errorListeners) {
            try {
                handlers.execute(() -> listener.onError(error));
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                LOG.debug("Error after close: {}", error.getMessage());
            }
        }
    }

    private void fire(ConnectionEvent event) {
        for (ConnectionListener listener : connectionListeners) {
            try {
                listener.onConnectionEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("Connection listener failed on {}", event, e);
            }
        }
    }

    private URI nextUrl() {
        synchronized (lock) {
            URI url = options.urls().get(urlIndex % options.urls().size());
            urlIndex++;
            return url;
        }
    }

    private URI withClientName(URI url) {
        if (options.clientName() == null) {
            return url;
        }
        String separator = url.getRawQuery() == null ? "?" : "&";
        String base = url.toString();
        if (url.getRawPath() == null || url.getRawPath().isEmpty()) {
            base = base.replaceFirst("(ws|wss)://([^/?#]+)", "$1://$2/");
        }
        return URI.create(base + separator + "client_name=" + URLEncoder.encode(options.clientName(), StandardCharsets.UTF_8));
    }

    private static String requestIdOf(ServerMessage message) {
        if (message instanceof ServerMessage.Published m) {
            return m.requestId();
        } else if (message instanceof ServerMessage.Subscribed m) {
            return m.requestId();
        } else if (message instanceof ServerMessage.Unsubscribed m) {
            return m.requestId();
        } else if (message instanceof ServerMessage.Pong m) {
            return m.requestId();
        } else if (message instanceof ServerMessage.HealthReport m) {
            return m.requestId();
        } else if (message instanceof ServerMessage.Identified m) {
            return m.requestId();
        } else if (message instanceof ServerMessage.Error m) {
            return m.requestId();
        }
        return null;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
