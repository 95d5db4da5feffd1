package io.eventrouter.session;

import io.eventrouter.protocol.SubscriptionSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connected client: its id and optional name, its subscriptions, and its outbound queue.
 * Thread-safe.
 */
public final class ClientSession {
    private final String clientId = UUID.randomUUID().toString();
    private final Instant connectedAt = Instant.now();
    private final Transport transport;
    private final Outbox outbox;
    /** Sized for the usual one or two subscriptions; the default table has 16 slots. */
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>(4);
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Guarded by {@code this}, like {@link #subscriptions}. */
    private long subscriptionCounter;
    private volatile String clientName;
    private long touchedBatch = -1;

    public ClientSession(Transport transport, String clientName, OutboxListener listener, int queueCapacity,
            int dropLimit) {
        this(transport, clientName, listener, queueCapacity, dropLimit, null);
    }

    /**
     * @param writer runs the writes of queued events, so whoever queues them (the dispatcher)
     *     never writes to the socket itself; null writes on the queuing thread
     */
    public ClientSession(Transport transport, String clientName, OutboxListener listener, int queueCapacity,
            int dropLimit, java.util.concurrent.Executor writer) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clientName = clientName == null || clientName.isEmpty() ? null : clientName;
        this.outbox = new Outbox(this, transport, listener, queueCapacity, dropLimit, writer);
    }

    public String clientId() {
        return clientId;
    }

    public String clientName() {
        return clientName;
    }

    public void rename(String name) {
        this.clientName = name;
    }

    public Instant connectedAt() {
        return connectedAt;
    }

    public String remoteAddress() {
        return transport.remoteAddress();
    }

    /** Whether a targeted event addressed to {@code target} is for this connection. */
    public boolean answersTo(String target) {
        return target.equals(clientId) || target.equals(clientName);
    }

    /** Queues a reply; replies are never dropped and go before waiting events. */
    public void reply(String frame) {
        outbox.offerControl(ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)));
    }

    /** Queues an encoded event frame, subject to the slow-consumer policy. */
    public void deliver(ByteBuffer frame, int priority) {
        deliver(frame, priority, System.nanoTime());
    }

    /**
     * Queues an encoded event frame of an event the router accepted at {@code acceptedNanos}
     * ({@link System#nanoTime()}), so its delivery latency can be measured.
     */
    public void deliver(ByteBuffer frame, int priority, long acceptedNanos) {
        outbox.offerEvent(frame, priority, acceptedNanos, false);
    }

    /**
     * Queues an event frame without starting a write; {@link #flushDeferred(boolean)} starts it. The
     * dispatcher uses this to queue a whole batch before waking a writer once per connection.
     */
    public void deliverDeferred(ByteBuffer frame, int priority, long acceptedNanos) {
        outbox.offerEvent(frame, priority, acceptedNanos, true);
    }

    /**
     * Starts writing what {@link #deliverDeferred} queued: on the calling thread with {@code
     * inline} (the write does not block; a socket that cannot take it all finishes later on
     * its own), else on a writer thread.
     */
    public void flushDeferred(boolean inline) {
        outbox.schedulePump(inline);
    }

    /**
     * Marks this session as touched in dispatch batch {@code batch}; false if it already was.
     * Only the thread routing a batch calls it.
     */
    public boolean markTouched(long batch) {
        if (touchedBatch == batch) {
            return false;
        }
        touchedBatch = batch;
        return true;
    }

    /** Queues an event frame given as text. */
    public void deliver(String frame, int priority) {
        deliver(ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)), priority);
    }

    public int pendingEvents() {
        return outbox.pendingEvents();
    }

    /** Waits until everything queued has been written, or the deadline (System.nanoTime) passes. */
    public boolean awaitFlushed(long deadlineNanos) throws InterruptedException {
        return outbox.awaitIdle(deadlineNanos);
    }

    /**
     * Creates a subscription owned by this session. The id is the client's when given,
     * otherwise generated.
     *
     * @throws IllegalStateException when the client-chosen id is already in use here
     */
    public synchronized Subscription addSubscription(SubscriptionSpec spec) {
        String id = spec.id() != null ? spec.id() : clientId + "-" + ++subscriptionCounter;
        if (subscriptions.containsKey(id)) {
            throw new IllegalStateException("Subscription id '" + id + "' is already in use on this connection");
        }
        Subscription subscription = new Subscription(id, this, spec);
        subscriptions.put(id, subscription);
        return subscription;
    }

    public synchronized Subscription removeSubscription(String id) {
        return subscriptions.remove(id);
    }

    public synchronized int subscriptionCount() {
        return subscriptions.size();
    }

    public synchronized List<Subscription> subscriptions() {
        return new ArrayList<>(subscriptions.values());
    }

    /** Removes every subscription, for the router to unindex on disconnect. */
    public synchronized List<Subscription> clearSubscriptions() {
        List<Subscription> all = new ArrayList<>(subscriptions.values());
        subscriptions.clear();
        return all;
    }

    /**
     * Stops sending and starts the close handshake. Returns false if the session was already
     * closed.
     */
    public boolean close(int code, String reason) {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        outbox.close();
        transport.close(code, reason);
        return true;
    }

    /** Marks the session closed after the peer went away. */
    public boolean markClosed() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        outbox.close();
        return true;
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Drops the connection outright; for peers that stopped reading. */
    public void abort() {
        transport.abort();
    }

    @Override
    public String toString() {
        return clientName == null ? clientId : clientId + " (" + clientName + ")";
    }
}
