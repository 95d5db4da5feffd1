package io.eventrouter.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * A publishing connection. It publishes from its own thread, either pipelined (as fast as its
 * {@link Window} allows) or at a fixed rate, and counts the {@code published} replies.
 */
final class Publisher extends Connection {
    private static final byte[] PUBLISHED = Ascii.bytes("{\"type\":\"published\"");
    private static final byte[] QUEUED = Ascii.bytes("\"status\":\"queued\"");
    private static final byte[] ERROR = Ascii.bytes("{\"type\":\"error\"");
    private static final long MAX_PACING_PARK_NANOS = 1_000_000;

    final int index;
    final Window window;
    private final int subscribers;
    private volatile PublishFrames frames;
    private volatile long sent;

    /**
     * @param subscribers how many subscribers must receive each event; each is a unit of the
     *     window, as is the reply
     */
    Publisher(int index, Counters counters, Window window, int subscribers) {
        super(counters);
        this.index = index;
        this.window = window;
        this.subscribers = subscribers;
    }

    /** Units of the window one event costs. */
    long unitsPerEvent() {
        return 1L + subscribers;
    }

    /** Events sent so far; read it after the publishing thread has finished. */
    long sent() {
        return sent;
    }

    @Override
    void onText(byte[] data) {
        if (Ascii.startsWith(data, data.length, PUBLISHED)) {
            if (Ascii.indexOf(data, 0, data.length, QUEUED) >= 0) {
                counters.acked.increment();
                window.release(1);
            } else {
                counters.rejected.increment();
                counters.note("publish refused: " + Ascii.string(data, 0, data.length));
                window.release(unitsPerEvent());
            }
        } else if (welcome(data)) {
            frames = new PublishFrames(index, clientId());
            ready.complete(this);
        } else if (Ascii.startsWith(data, data.length, ERROR)) {
            counters.errors.increment();
            counters.note("publisher " + index + " got " + Ascii.string(data, 0, data.length));
            window.release(unitsPerEvent());
        } else {
            counters.errors.increment();
            counters.note("publisher " + index + " got an unexpected frame: " + Ascii.string(data, 0, Math.min(200, data.length)));
        }
    }

    /**
     * Publishes as fast as the window allows until {@code endNanos} ({@link System#nanoTime}) or
     * until {@code maxEvents} were sent.
     */
    void publishPipelined(long endNanos, long maxEvents) {
        long units = unitsPerEvent();
        long seq = sent;
        while (seq < maxEvents && System.nanoTime() < endNanos) {
            if (!window.acquire(units, endNanos)) {
                break;
            }
            send(frames.frame(seq, BenchClock.now()));
            seq++;
            sent = seq;
            counters.published.increment();
        }
    }

    /**
     * Publishes {@code rate} events per second from {@code startNanos} until {@code endNanos}, or
     * until {@code maxEvents} were sent.
     * Each event carries the time it was due, not the time it left, so a stall in the generator
     * or a full window shows up as latency instead of being hidden (coordinated omission).
     */
    void publishAtRate(double rate, long startNanos, long endNanos, long maxEvents) {
        long units = unitsPerEvent();
        double interval = 1e9 / rate;
        long seq = sent;
        long i = 0;
        while (seq < maxEvents) {
            long due = startNanos + (long) (i * interval);
            if (due >= endNanos) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(Math.min(wait, MAX_PACING_PARK_NANOS));
                continue;
            }
            if (!window.acquire(units, endNanos)) {
                break;
            }
            send(frames.frame(seq, BenchClock.of(due)));
            seq++;
            i++;
            sent = seq;
            counters.published.increment();
        }
    }

    /** Publishes one event now (used to check that every subscribed connection receives it). */
    void publishOne() {
        window.acquire(unitsPerEvent(), Long.MAX_VALUE);
        send(frames.frame(sent, BenchClock.now()));
        sent = sent + 1;
        counters.published.increment();
    }
}
