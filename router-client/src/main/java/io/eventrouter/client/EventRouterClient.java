package io.eventrouter.client;

import io.eventrouter.client.internal.RequestReply;
import io.eventrouter.client.internal.RouterConnection;
import io.eventrouter.protocol.ClientMessage;
import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.ServerMessage;
import io.eventrouter.protocol.SubscriptionSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A connection to an Event Router. Thread-safe: any number of threads may publish at once.
 *
 * <pre>{@code
 * try (EventRouterClient client = EventRouterClient.create(ClientOptions.defaults())) {
 *     client.connect();
 *     client.on("task.*", event -> log.info("{}: {}", event.topic(), event.payload()));
 *     client.publish("task.created", Map.of("title", "write docs"));
 * }
 * }</pre>
 *
 * <p>Handlers run on a client executor, never on the socket thread, one event at a time per
 * subscription. While the connection is down, publishes wait in a bounded buffer and go out in
 * order once the client has reconnected and restored its subscriptions (with the same ids).
 */
public final class EventRouterClient implements AutoCloseable {
    private final RouterConnection connection;
    private final RequestReply requestReply;

    private EventRouterClient(ClientOptions options) {
        this.connection = new RouterConnection(options);
        this.requestReply = new RequestReply(this, connection);
    }

    /** A client with these options; call {@link #connect()} next. */
    public static EventRouterClient create(ClientOptions options) {
        return new EventRouterClient(Objects.requireNonNull(options, "options"));
    }

    /** Creates a client for {@code url} with default options and connects it. */
    public static EventRouterClient connect(String url) {
        EventRouterClient client = create(ClientOptions.builder().url(url).build());
        client.connect();
        return client;
    }

    /**
     * Connects (trying each URL once), waits for the router's welcome and registers any
     * subscriptions made before.
     *
     * @throws RouterConnectException when no router could be reached
     */
    public EventRouterClient connect() {
        connection.connect();
        return this;
    }

    public boolean isConnected() {
        return connection.isConnected();
    }

    /** The id the router gave this connection; changes after a reconnect. Null before connecting. */
    public String clientId() {
        return connection.clientId();
    }

    public ClientOptions options() {
        return connection.options();
    }

    /** Publishes with NORMAL priority and type {@code custom}; waits for the router's reply. */
    public PublishResult publish(String topic, Object payload) {
        return publish(Event.builder(topic).payload(Payloads.toJson(payload)).build());
    }

    /** Publishes with the given priority (see {@link io.eventrouter.protocol.Priority}). */
    public PublishResult publish(String topic, Object payload, int priority) {
        return publish(Event.builder(topic).payload(Payloads.toJson(payload)).priority(priority).build());
    }

    /** Publishes an event built with {@link Event#builder(String)}; waits up to the default timeout. */
    public PublishResult publish(Event event) {
        return publish(event, options().timeout());
    }

    public PublishResult publish(Event event, Duration timeout) {
        return await(publishAsync(event), timeout, "publish of event " + event.id());
    }

    /**
     * Publishes without waiting. The future completes with the router's answer (queued, or
     * dropped with a reason) or fails with a {@link RouterException}.
     */
    public CompletableFuture<PublishResult> publishAsync(Event event) {
        Objects.requireNonNull(event, "event");
        String requestId = connection.nextRequestId();
        CompletableFuture<ServerMessage> reply = connection.request(new ClientMessage.Publish(event, requestId),
                true, "publish of event " + event.id());
        return connection.thenOnClient(reply, answer -> {
            if (answer instanceof ServerMessage.Published published) {
                return new PublishResult(published.eventId(), published.status(), published.reason());
            }
            throw errorFrom(answer, "publish");
        });
    }

    /** Subscribes; {@code handler} gets each matching event. */
    public SubscriptionHandle subscribe(SubscriptionSpec spec, EventHandler handler) {
        Objects.requireNonNull(handler, "handler");
        SubscriptionSpec withId = spec.id() != null ? spec : spec.withId(UUID.randomUUID().toString());
        ServerMessage answer = connection.await(connection.subscribe(withId, handler), "subscribe " + withId.id());
        if (answer instanceof ServerMessage.Error) {
            throw errorFrom(answer, "subscribe");
        }
        return new Handle(withId);
    }

    /** Shortcut: all events on topics matching {@code pattern} (e.g. {@code task.*}). */
    public SubscriptionHandle on(String pattern, EventHandler handler) {
        return subscribe(SubscriptionSpec.of(pattern), handler);
    }

    public void unsubscribe(SubscriptionHandle handle) {
        unsubscribe(handle.id());
    }

    /** Stops delivery for the subscription; unknown ids are ignored. */
    public void unsubscribe(String subscriptionId) {
        connection.await(connection.unsubscribe(subscriptionId), "unsubscribe " + subscriptionId);
    }

    /**
     * Publishes a request and completes with the first reply (an event whose
     * {@code correlation_id} matches), or fails with {@link RouterTimeoutException}.
     */
    public CompletableFuture<Event> request(String topic, Object payload, Duration timeout) {
        return requestReply.request(Event.builder(topic).payload(Payloads.toJson(payload)), timeout);
    }

    /** Like {@link #request(String, Object, Duration)} for a prepared event builder. */
    public CompletableFuture<Event> request(Event.Builder event, Duration timeout) {
        return requestReply.request(event, timeout);
    }

    /** Answers requests on topics matching {@code pattern} with what {@code responder} returns. */
    public SubscriptionHandle respond(String pattern, Responder responder) {
        return requestReply.respond(pattern, responder);
    }

    /** The router's health report (V2 fields plus the extra figures). */
    public ServerMessage.HealthReport health() {
        ServerMessage answer = connection.await(connection.request(
                new ClientMessage.GetHealth(connection.nextRequestId()), false, "get_health"), "get_health");
        if (answer instanceof ServerMessage.HealthReport report) {
            return report;
        }
        throw errorFrom(answer, "get_health");
    }

    /** Round trip to the router and back. */
    public Duration ping() {
        Instant sent = Instant.now();
        ServerMessage answer = connection.await(connection.request(
                new ClientMessage.Ping(null, connection.nextRequestId()), false, "ping"), "ping");
        if (!(answer instanceof ServerMessage.Pong)) {
            throw errorFrom(answer, "ping");
        }
        return Duration.between(sent, Instant.now());
    }

    public void addConnectionListener(ConnectionListener listener) {
        connection.addConnectionListener(Objects.requireNonNull(listener, "listener"));
    }

    public void addErrorListener(ErrorListener listener) {
        connection.addErrorListener(Objects.requireNonNull(listener, "listener"));
    }

    /** Closes the connection for good; never reconnects afterwards. */
    @Override
    public void close() {
        connection.close();
    }

    private <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RouterException("Interrupted while waiting for " + what, e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new RouterTimeoutException("No reply for " + what + " within " + timeout.toMillis() + " ms");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException wrapped
                    && wrapped.getCause() != null ? wrapped.getCause() : e.getCause();
            if (cause instanceof RouterException failure) {
                throw failure;
            }
            throw new RouterException("Failed waiting for " + what + ": " + cause, cause);
        }
    }

    private static RouterException errorFrom(ServerMessage answer, String what) {
        if (answer instanceof ServerMessage.Error error) {
            return new RouterProtocolException(error.code(), "The router refused " + what + ": " + error.error());
        }
        return new RouterException("Unexpected reply to " + what + ": " + answer.type());
    }

    private final class Handle implements SubscriptionHandle {
        private final SubscriptionSpec spec;

        private Handle(SubscriptionSpec spec) {
            this.spec = spec;
        }

        @Override
        public String id() {
            return spec.id();
        }

        @Override
        public SubscriptionSpec spec() {
            return spec;
        }

        @Override
        public void unsubscribe() {
            EventRouterClient.this.unsubscribe(spec.id());
        }
    }
}
