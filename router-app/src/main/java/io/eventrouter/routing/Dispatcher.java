package io.eventrouter.routing;

import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.EncodedEvent;
import io.eventrouter.queue.EventQueue;
import io.eventrouter.queue.QueuedEvent;
import io.eventrouter.session.ClientSession;
import io.eventrouter.session.Subscription;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes events off the queue in priority order and hands each to every matching subscription.
 *
 * <p>There is no dispatcher thread to wake: the thread that queued an event routes what is
 * queued itself, unless another thread is already at it, in which case that one also takes the
 * new event before it stops. One drainer at a time keeps FIFO order within a priority without
 * further coordination, and an uncontended event is routed without a single thread hand-off. A
 * publisher's thread routes at most {@value #INLINE_BATCHES} batches; a longer backlog is left
 * to {@code backlogDrainer}, so a busy router does not stall one connection's reads for long.
 *
 * <p>Routing only queues frames on each connection's outbox. A batch that reached a single
 * connection writes to it on the spot when it is idle; a batch that reached several hands each
 * to the writer pool once, so the sockets are written in parallel and frames of several events
 * share a write.
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int BATCH = 256;
    private static final int INLINE_BATCHES = 4;

    private final EventQueue queue;
    private final SubscriptionRegistry subscriptions;
    private final RouterStats stats;
    private final Executor backlogDrainer;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean backlogScheduled = new AtomicBoolean();
    private final Object idleMonitor = new Object();
    private volatile int idleWaiters;

    // Used only by the thread holding `draining`; taking and releasing it publishes them.
    private final List<QueuedEvent> batch = new ArrayList<>(BATCH);
    /** Connections whose write the current batch claimed; each is flushed once after it. */
    private final List<ClientSession> touched = new ArrayList<>();
    /**
     * Where in {@link #touched} the claims of the batch's last event begin: those took their
     * group as they claimed ({@link ClientSession#deliverDeferredLast}), the earlier ones did not.
     * {@link Integer#MAX_VALUE} until the batch's last event is being routed.
     */
    private int takenFrom = Integer.MAX_VALUE;
    /** The event being routed, encoded once for all its frames; like the lists, reused. */
    private final EncodedEvent encoded = new EncodedEvent();

    Dispatcher(EventQueue queue, SubscriptionRegistry subscriptions, RouterStats stats, Executor backlogDrainer) {
        this.queue = queue;
        this.subscriptions = subscriptions;
        this.stats = stats;
        this.backlogDrainer = backlogDrainer;
    }

    /** Routes what is queued on the calling thread, unless another thread is already routing. */
    void dispatchQueued() {
        drain(INLINE_BATCHES);
    }

    /**
     * Waits until the queue is empty and no batch is being routed, up to the deadline
     * ({@link System#nanoTime()}).
     */
    boolean awaitDrained(long deadlineNanos) throws InterruptedException {
        synchronized (idleMonitor) {
            idleWaiters++;
            try {
                while (draining.get() || queue.size() > 0) {
                    long remaining = deadlineNanos - System.nanoTime();
                    if (remaining <= 0) {
                        return false;
                    }
                    idleMonitor.wait(Math.max(1, remaining / 1_000_000));
                }
                return true;
            } finally {
                idleWaiters--;
            }
        }
    }

    private void drain(int maxBatches) {
        // Re-checked after every release: an event queued by a thread that found `draining`
        // taken is seen here, since that thread queued it before looking.
        while (queue.size() > 0 && draining.compareAndSet(false, true)) {
            boolean backlog = false;
            try {
                for (int done = 0; queue.drainQueuedTo(batch, BATCH) > 0; done++) {
                    routeBatch();
                    if (done + 1 >= maxBatches && queue.size() > 0) {
                        backlog = true;
                        break;
                    }
                }
            } finally {
                draining.set(false);
                if (idleWaiters > 0) {
                    synchronized (idleMonitor) {
                        idleMonitor.notifyAll();
                    }
                }
            }
            // Handed off only once released: the backlog task must be able to take over.
            if (backlog && handOffBacklog()) {
                return;
            }
        }
    }

    /** At most one backlog task waits at a time: it drains everything queued once it runs. */
    private boolean handOffBacklog() {
        if (!backlogScheduled.compareAndSet(false, true)) {
            return true;
        }
        try {
            backlogDrainer.execute(this::drainBacklog);
            return true;
        } catch (RejectedExecutionException stopping) {
            backlogScheduled.set(false);
            return false;
        }
    }

    private void drainBacklog() {
        backlogScheduled.set(false);
        drain(Integer.MAX_VALUE);
    }

    private void routeBatch() {
        try {
            int last = batch.size() - 1;
            for (int i = 0; i <= last; i++) {
                if (i == last) {
                    takenFrom = touched.size();
                }
                QueuedEvent queued = batch.get(i);
                route(queued.event(), queued.acceptedNanos());
            }
        } finally {
            // Whatever happened, these events were handed out once and must not be again, and
            // every claimed write must start: nobody else starts a claimed connection's write.
            batch.clear();
            flushTouched();
        }
    }

    /**
     * Starts every write the batch claimed, whatever one of them throws: nobody else would
     * start the others. An error is thrown on once all are started.
     */
    private void flushTouched() {
        Error error = null;
        boolean inline = touched.size() == 1;
        for (int i = 0; i < touched.size(); i++) {
            ClientSession session = touched.get(i);
            try {
                if (i >= takenFrom) {
                    session.flushTaken(inline);
                } else {
                    session.flushDeferred(inline);
                }
            } catch (RuntimeException | Error e) {
                LOG.error("Unable to start writing to {}", session, e);
                if (e instanceof Error fatal && error == null) {
                    error = fatal;
                }
            }
        }
        touched.clear();
        takenFrom = Integer.MAX_VALUE;
        if (error != null) {
            throw error;
        }
    }

    private void route(Event event, long acceptedNanos) {
        // The batch's last event: nothing more reaches any connection before the flush, so a
        // write it claims can take its group at once.
        boolean last = takenFrom != Integer.MAX_VALUE;
        try {
            boolean encodedThisEvent = false;
            for (Subscription subscription : subscriptions.matching(event.topic())) {
                if (subscription.accepts(event)) {
                    if (!encodedThisEvent) {
                        encoded.encode(event);
                        encodedThisEvent = true;
                    }
                    ClientSession owner = subscription.owner();
                    ByteBuffer frame = subscription.frame(encoded);
                    boolean claimed = last
                            ? owner.deliverDeferredLast(frame, event.priority(), acceptedNanos)
                            : owner.deliverDeferred(frame, event.priority(), acceptedNanos);
                    if (claimed) {
                        touched.add(owner);
                    }
                }
            }
            stats.processed.increment();
        } catch (RuntimeException e) {
            // One bad event must not stop the router; it is counted and logged with its id.
            stats.routingFailed(event.priority());
            LOG.error("Unable to route event {} on topic {}", event.id(), event.topic(), e);
        }
    }
}
