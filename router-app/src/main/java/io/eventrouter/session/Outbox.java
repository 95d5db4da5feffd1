package io.eventrouter.session;

import io.eventrouter.protocol.Priority;
import java.util.ArrayDeque;

/**
 * The bounded outbound queue of one connection, and the pump that writes it with one frame in
 * flight at a time. Replies (control frames) go first and are never dropped; events wait in one
 * FIFO lane per priority. When {@code capacity} events wait, a new event evicts the newest event
 * of a lower priority or is itself dropped; after {@code dropLimit} drops with nothing written
 * in between, the listener is told to disconnect the subscriber.
 */
final class Outbox {
    private final ClientSession session;
    private final Transport transport;
    private final OutboxListener listener;
    private final int capacity;
    private final int dropLimit;
    private final ArrayDeque<String> control = new ArrayDeque<>();
    @SuppressWarnings({"unchecked", "rawtypes"})
    private final ArrayDeque<String>[] lanes = new ArrayDeque[Priority.LEVELS];
    private int events;
    private int consecutiveDrops;
    private boolean overflowReported;
    private boolean closed;
    private boolean sending;
    private boolean sendingEvent;
    private boolean sendReturned;
    private boolean completedInline;

    Outbox(ClientSession session, Transport transport, OutboxListener listener, int capacity, int dropLimit) {
        this.session = session;
        this.transport = transport;
        this.listener = listener;
        this.capacity = capacity;
        this.dropLimit = dropLimit;
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new ArrayDeque<>();
        }
    }

    void offerControl(String frame) {
        synchronized (this) {
            if (closed) {
                return;
            }
            control.addLast(frame);
        }
        pump();
    }

    void offerEvent(String frame, int priority) {
        String overflow = null;
        synchronized (this) {
            if (closed) {
                listener.droppedOnDisconnect(1);
                return;
            }
            int lane = Priority.index(priority);
            if (events < capacity) {
                lanes[lane].addLast(frame);
                events++;
            } else {
                int lowest = lowestNonEmptyLane();
                if (lowest < lane) {
                    lanes[lowest].pollLast();
                    lanes[lane].addLast(frame);
                    listener.droppedForSlowConsumer(lowest + Priority.MIN);
                } else {
                    listener.droppedForSlowConsumer(priority);
                }
                if (++consecutiveDrops > dropLimit && !overflowReported) {
                    overflowReported = true;
                    overflow = consecutiveDrops + " events dropped in a row (client queue of "
                            + capacity + " full)";
                }
            }
        }
        if (overflow != null) {
            listener.overflowed(session, overflow);
            return;
        }
        pump();
    }

    /** Stops sending; counts queued events as dropped. Idempotent. */
    void close() {
        int dropped;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            dropped = events;
            events = 0;
            control.clear();
            for (ArrayDeque<String> lane : lanes) {
                lane.clear();
            }
            notifyAll();
        }
        if (dropped > 0) {
            listener.droppedOnDisconnect(dropped);
        }
    }

    synchronized int pendingEvents() {
        return events;
    }

    /** Waits until nothing is queued or in flight (or the outbox closed), up to the deadline. */
    synchronized boolean awaitIdle(long deadlineNanos) throws InterruptedException {
        while (!closed && (sending || events > 0 || !control.isEmpty())) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            long millis = Math.max(1, remaining / 1_000_000);
            wait(millis);
        }
        return true;
    }

    /**
     * Writes queued frames one at a time. A send that completes on this thread before
     * {@code sendText} returns is handled by looping here rather than recursing, so a fast
     * socket cannot overflow the stack.
     */
    private void pump() {
        while (true) {
            String frame;
            synchronized (this) {
                if (sending || closed) {
                    return;
                }
                frame = control.pollFirst();
                sendingEvent = frame == null;
                if (frame == null) {
                    frame = pollEvent();
                }
                if (frame == null) {
                    notifyAll();
                    return;
                }
                sending = true;
                sendReturned = false;
                completedInline = false;
            }
            try {
                transport.sendText(frame, this::sent);
            } catch (RuntimeException e) {
                sent(e);
            }
            synchronized (this) {
                sendReturned = true;
                if (!completedInline) {
                    return;
                }
            }
        }
    }

    private void sent(Throwable failure) {
        boolean inline;
        boolean wasEvent;
        synchronized (this) {
            sending = false;
            inline = !sendReturned;
            completedInline = inline;
            wasEvent = sendingEvent;
            if (failure == null) {
                consecutiveDrops = 0;
            }
        }
        if (failure != null) {
            listener.sendFailed(session, failure);
            return;
        }
        if (wasEvent) {
            listener.delivered();
        }
        if (!inline) {
            pump();
        }
    }

    private String pollEvent() {
        for (int lane = lanes.length - 1; lane >= 0; lane--) {
            String frame = lanes[lane].pollFirst();
            if (frame != null) {
                events--;
                return frame;
            }
        }
        return null;
    }

    private int lowestNonEmptyLane() {
        for (int lane = 0; lane < lanes.length; lane++) {
            if (!lanes[lane].isEmpty()) {
                return lane;
            }
        }
        throw new IllegalStateException("outbox is full but every lane is empty");
    }
}
