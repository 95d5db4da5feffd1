package io.eventrouter.routing;

import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.ProtocolCodec;
import io.eventrouter.queue.EventQueue;
import io.eventrouter.queue.QueuedEvent;
import io.eventrouter.session.ClientSession;
import io.eventrouter.session.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single thread that takes events off the queue in priority order and hands each to every
 * matching subscription. One thread keeps FIFO order within a priority without coordination;
 * it never blocks on a socket, since delivery only queues frames on each connection's outbox.
 */
final class Dispatcher implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int BATCH = 256;

    private final EventQueue queue;
    private final SubscriptionRegistry subscriptions;
    private final RouterStats stats;
    private final List<QueuedEvent> batch = new ArrayList<>(BATCH);
    /** Connections given events in the current batch; each gets one writer hand-off after it. */
    private final List<ClientSession> touched = new ArrayList<>();
    private long batchNumber;
    private final List<Subscription> matches = new ArrayList<>();
    private final Object idleMonitor = new Object();
    private volatile boolean running = true;
    private boolean busy;
    private long round;

    Dispatcher(EventQueue queue, SubscriptionRegistry subscriptions, RouterStats stats) {
        this.queue = queue;
        this.subscriptions = subscriptions;
        this.stats = stats;
    }

    @Override
    public void run() {
        try {
            while (running) {
                batch.clear();
                if (queue.drainQueuedTo(batch, BATCH, 100, TimeUnit.MILLISECONDS) == 0) {
                    continue;
                }
                setBusy(true);
                batchNumber++;
                for (QueuedEvent queued : batch) {
                    route(queued.event(), queued.acceptedNanos());
                }
                for (ClientSession session : touched) {
                    session.flushDeferred();
                }
                touched.clear();
                setBusy(false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            setBusy(false);
        }
    }

    void stop() {
        running = false;
    }

    /** Waits until the queue is empty and no batch is being routed, up to the deadline. */
    boolean awaitDrained(long deadlineNanos) throws InterruptedException {
        synchronized (idleMonitor) {
            while (busy || queue.size() > 0) {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                idleMonitor.wait(Math.max(1, Math.min(50, remaining / 1_000_000)));
            }
            return true;
        }
    }

    private void setBusy(boolean value) {
        synchronized (idleMonitor) {
            busy = value;
            idleMonitor.notifyAll();
        }
    }

    private void route(Event event, long acceptedNanos) {
        try {
            long current = ++round;
            matches.clear();
            subscriptions.match(event.topic(), subscription -> {
                if (subscription.markMatched(current)) {
                    matches.add(subscription);
                }
            });
            byte[] json = null;
            for (Subscription subscription : matches) {
                if (subscription.accepts(event)) {
                    if (json == null) {
                        json = ProtocolCodec.encodeEventUtf8(event);
                    }
                    ClientSession owner = subscription.owner();
                    owner.deliverDeferred(subscription.frame(json), event.priority(), acceptedNanos);
                    if (owner.markTouched(batchNumber)) {
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
