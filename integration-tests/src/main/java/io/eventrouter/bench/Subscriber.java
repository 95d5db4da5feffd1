package io.eventrouter.bench;

import java.util.BitSet;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * A subscribing connection: subscribes to {@code bench.*} after the welcome, checks that it gets
 * every event of every publisher exactly once and in order, returns one unit of the publisher's
 * window per first delivery, and optionally records end-to-end latency.
 */
final class Subscriber extends Connection {
    static final long MAX_LATENCY_NANOS = 60_000_000_000L;
    private static final byte[] EVENT = Ascii.bytes("{\"type\":\"event\"");
    private static final byte[] SUBSCRIBED = Ascii.bytes("{\"type\":\"subscribed\"");
    private static final byte[] PAYLOAD = Ascii.bytes("\"payload\":{\"p\":");
    private static final byte[] SEQ = Ascii.bytes(",\"s\":");
    private static final byte[] TIME = Ascii.bytes(",\"t\":");
    private static final byte[] SUBSCRIBE =
            Ascii.bytes("{\"type\":\"subscribe\",\"subscription\":{\"topics\":[\"bench.*\"]}}");

    private final List<Publisher> publishers;
    private final Track[] tracks;
    private final Histogram latency;
    private volatile long recordFrom = Long.MAX_VALUE;
    private volatile long recordUntil = Long.MAX_VALUE;
    private long frameBytes;
    private long frames;

    /** Per publisher: which sequence numbers arrived, how often, in which order. */
    private static final class Track {
        final BitSet seen = new BitSet();
        long highest = -1;
        long duplicates;
        long reordered;
    }

    /** What this subscriber saw, summed over publishers. */
    record Tally(long missing, long duplicates, long reordered, long unexpected) {
        Tally plus(Tally other) {
            return new Tally(missing + other.missing, duplicates + other.duplicates, reordered + other.reordered,
                    unexpected + other.unexpected);
        }

        static final Tally ZERO = new Tally(0, 0, 0, 0);
    }

    /**
     * @param publishers the publishers whose events this subscriber expects, by index; the list
     *     may be filled after construction but before anything is published
     * @param recordLatency whether to keep a latency histogram
     */
    Subscriber(Counters counters, List<Publisher> publishers, int publisherCount, boolean recordLatency) {
        super(counters);
        this.publishers = publishers;
        this.tracks = new Track[publisherCount];
        for (int i = 0; i < publisherCount; i++) {
            tracks[i] = new Track();
        }
        this.latency = recordLatency ? new Histogram(MAX_LATENCY_NANOS, 3) : null;
    }

    /** Latency is recorded for events sent in {@code [from, until)} ({@link BenchClock} nanos). */
    void recordLatencyBetween(long from, long until) {
        recordFrom = from;
        recordUntil = until;
    }

    @Override
    void onText(byte[] data) {
        if (Ascii.startsWith(data, data.length, EVENT)) {
            onEvent(data);
        } else if (welcome(data)) {
            send(SUBSCRIBE);
        } else if (Ascii.startsWith(data, data.length, SUBSCRIBED)) {
            ready.complete(this);
        } else {
            counters.errors.increment();
            String text = Ascii.string(data, 0, Math.min(200, data.length));
            counters.note("subscriber got an unexpected frame: " + text);
            ready.completeExceptionally(new IllegalStateException("subscribe failed: " + text));
        }
    }

    private void onEvent(byte[] data) {
        long now = BenchClock.now();
        int at = Ascii.indexOf(data, 0, data.length, PAYLOAD);
        long publisher = at < 0 ? -1 : Ascii.parseLong(data, at + PAYLOAD.length, data.length);
        long seq = at < 0 ? -1 : Ascii.numberAfter(data, at, data.length, SEQ);
        long sentAt = at < 0 ? -1 : Ascii.numberAfter(data, at, data.length, TIME);
        if (publisher < 0 || publisher >= tracks.length || seq < 0 || seq > Integer.MAX_VALUE || sentAt < 0) {
            counters.errors.increment();
            counters.note("unreadable event frame: " + Ascii.string(data, 0, Math.min(300, data.length)));
            return;
        }
        boolean first;
        synchronized (this) {
            frames++;
            frameBytes += data.length;
            Track track = tracks[(int) publisher];
            first = !track.seen.get((int) seq);
            if (first) {
                track.seen.set((int) seq);
                if (seq < track.highest) {
                    track.reordered++;
                }
                track.highest = Math.max(track.highest, seq);
                if (latency != null && sentAt >= recordFrom && sentAt < recordUntil) {
                    latency.recordValue(Math.min(MAX_LATENCY_NANOS, Math.max(0, now - sentAt)));
                }
            } else {
                track.duplicates++;
            }
        }
        if (first) {
            counters.delivered.increment();
            publishers.get((int) publisher).window.release(1);
        }
    }

    /** Compares what arrived with what each publisher sent. */
    synchronized Tally tally() {
        Tally total = Tally.ZERO;
        for (int i = 0; i < tracks.length; i++) {
            Track track = tracks[i];
            long sent = publishers.get(i).sent();
            long arrived = track.seen.cardinality();
            long inRange = sent >= Integer.MAX_VALUE ? arrived : track.seen.get(0, (int) sent).cardinality();
            total = total.plus(new Tally(sent - inRange, track.duplicates, track.reordered, arrived - inRange));
        }
        return total;
    }

    /** Adds this subscriber's latencies to {@code into}. */
    synchronized void addLatencyTo(Histogram into) {
        if (latency != null) {
            into.add(latency);
        }
    }

    synchronized long frameBytes() {
        return frameBytes;
    }

    synchronized long frames() {
        return frames;
    }
}
