package io.eventrouter.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * C subscribed connections held at once on a fresh server: how many succeed, how long
 * connecting and subscribing all of them takes, and what each costs the server in resident
 * memory and live heap (both after a full GC, before and after). One event published to all
 * of them at the end checks that every connection really is subscribed.
 *
 * <p>Before the first sample each server is warmed by a burst of connections opened and
 * closed again ({@link #warmUp}), so the figures are what connections cost a server that has
 * run, not what a fresh one sets up once.
 */
final class ConnectionsScenario implements Scenario {
    /** At most this many connections warm a server up; as many as are measured when fewer. */
    static final int WARM_UP_CONNECTIONS = 1_000;
    /** Files a server may have opened for good meanwhile: not a warm-up connection's socket left. */
    private static final int OPEN_FILES_SLACK = 16;
    private static final long OPEN_FILES_POLL_MILLIS = 50;

    private final int count;
    private final int sourceAddresses;
    private final double memoryRatio;

    /**
     * @param sourceAddresses how many loopback source addresses to spread the connections over
     * @param memoryRatio the most memory per connection the router may use relative to raw
     */
    ConnectionsScenario(int count, int sourceAddresses, double memoryRatio) {
        this.count = count;
        this.sourceAddresses = sourceAddresses;
        this.memoryRatio = memoryRatio;
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "connections %,d", count);
    }

    @Override
    public String group() {
        return "connections-" + count;
    }

    @Override
    public ServerLimits limits() {
        return ServerLimits.forLoad(count, 1);
    }

    /** Memory is measured on a fresh server, so once per server. */
    @Override
    public boolean repeatable() {
        return false;
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("kind", "connections");
        settings.put("connections", count);
        settings.put("source_addresses", sourceAddresses);
        return settings;
    }

    @Override
    public Measurement run(ServerProcess server, RunContext context) throws Exception {
        Counters counters = new Counters();
        List<Publisher> publishers = new ArrayList<>();
        List<Subscriber> subscribers = subscribers(count, counters, publishers);
        Publisher publisher = new Publisher(0, counters, new Window(1L + count), count);
        publishers.add(publisher);
        warmUp(server, context);
        ServerProcess.MemorySample before = server.memory(context.java());
        try (BenchClient client = new BenchClient(sourceAddresses)) {
            long started = System.nanoTime();
            int ready = client.connectAll(server.uri(), subscribers, context.connectConcurrency(),
                    context.connectDeadline(count));
            double seconds = (System.nanoTime() - started) / 1e9;
            ServerProcess.MemorySample after = server.memory(context.java());
            boolean delivered = false;
            if (client.connectAll(server.uri(), List.of(publisher), 1, context.deadline(context.connectTimeout())) == 1) {
                publisher.publishOne();
                delivered = publisher.window.awaitDrained(context.deadline(context.drainTimeout()));
            }
            List<String> notes = new ArrayList<>(counters.notes());
            if (!delivered) {
                notes.add("the check event did not reach every connection in time");
            }
            Subscriber.Tally tally = Subscriber.Tally.ZERO;
            for (Subscriber subscriber : subscribers) {
                if (!subscriber.ready.isCompletedExceptionally()) {
                    tally = tally.plus(subscriber.tally());
                }
            }
            int connected = Math.max(0, ready);
            Measurement m = Measurement.of(notes)
                    .figure("connections", count)
                    .figure("connected", connected)
                    .figure("connect_seconds", seconds)
                    .figure("connections_per_s", connected / Math.max(seconds, 1e-9))
                    .figure("rss_before_kb", before.rssKb())
                    .figure("rss_after_kb", after.rssKb())
                    .figure("heap_before_kb", before.heapUsedKb())
                    .figure("heap_after_kb", after.heapUsedKb())
                    .figure("rss_per_connection_kb", perConnection(before.rssKb(), after.rssKb(), connected))
                    .figure("heap_per_connection_kb", perConnection(before.heapUsedKb(), after.heapUsedKb(), connected))
                    .check("failed_connections", count - connected)
                    .check("missing", tally.missing())
                    .check("duplicates", tally.duplicates())
                    .check("rejected", counters.rejected.sum())
                    .check("errors", counters.errors.sum())
                    .check("send_failures", counters.sendFailures.sum());
            // Measurements are taken; the server is not needed any more and closing 10,000+
            // connections one handshake at a time would only add minutes.
            server.kill();
            return m;
        }
    }

    /**
     * Opens and closes a burst of subscribed connections, then waits until the server has let
     * go of their sockets. What a fresh server does once (compiling the code a handshake runs,
     * initializing classes, touching heap pages for the first time as it allocates) is then
     * paid before the first sample, where it used to be counted against the connections
     * measured: the resident memory of 1,000 connections on a fresh server mostly measured how
     * much new heap the burst happened to touch before a collection, 0.61x to 1.34x raw from
     * one run to the next.
     */
    private void warmUp(ServerProcess server, RunContext context) throws Exception {
        int connections = Math.min(count, WARM_UP_CONNECTIONS);
        long openBefore = server.openFiles();
        List<Subscriber> warming = subscribers(connections, new Counters(), List.of());
        try (BenchClient client = new BenchClient(sourceAddresses)) {
            client.connectAll(server.uri(), warming, context.connectConcurrency(), context.connectDeadline(connections));
        }
        long deadline = context.deadline(context.drainTimeout());
        while (server.openFiles() > openBefore + OPEN_FILES_SLACK) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(server.kind().label + " server still holds "
                        + (server.openFiles() - openBefore) + " more files than before the warm-up connections");
            }
            Thread.sleep(OPEN_FILES_POLL_MILLIS);
        }
    }

    /** {@code count} subscribers of one publisher's events, none keeping latencies. */
    private static List<Subscriber> subscribers(int count, Counters counters, List<Publisher> publishers) {
        List<Subscriber> subscribers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            subscribers.add(new Subscriber(counters, publishers, 1, false));
        }
        return subscribers;
    }

        private static double perConnection(long beforeKb, long afterKb, int connections) {
        if (beforeKb < 0 || afterKb < 0 || connections == 0) {
            return Double.NaN;
        }
        return (afterKb - beforeKb) / (double) connections;
    }

    @Override
    public List<Row> rows(Measurement router, Measurement raw) {
        return List.of(
                Row.compare(name(), "connected", Row.Unit.COUNT, "connected", router, raw,
                        Row.Target.atLeast(count, String.format(Locale.ROOT, "%,d, no errors", count))),
                Row.compare(name(), "time to connect", Row.Unit.SECONDS, "connect_seconds", router, raw, Row.Target.none()),
                Row.compare(name(), "RSS per connection", Row.Unit.KILOBYTES, "rss_per_connection_kb", router, raw,
                        Row.Target.atMostRatio(memoryRatio)),
                Row.compare(name(), "heap per connection", Row.Unit.KILOBYTES, "heap_per_connection_kb", router, raw,
                        Row.Target.atMostRatio(memoryRatio)));
    }
}
