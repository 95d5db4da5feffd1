package io.eventrouter.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Publishers and subscribers exchanging events for a fixed time: pipelined with a bounded window
 * (the publish and fan-out scenarios) or at a fixed rate (the latency scenarios). Every
 * subscriber must receive every event of every publisher exactly once, in order; rates are
 * taken over the measured window after the warm-up, latencies for events sent in it.
 */
final class FlowScenario implements Scenario {
    /** Which figure the scenario is about, and so which rows it reports. */
    enum Kind {
        PUBLISH, FAN_OUT, LATENCY
    }

    /**
     * How long one run lasts: warm-up (not measured), then the measured window. A run also stops
     * when each publisher has sent {@code maxEvents} events, if that is not zero.
     */
    record Timing(Duration warmup, Duration measure, long maxEvents) {}

    private static final Duration RATE_WINDOW = Duration.ofSeconds(2);

    private final String name;
    private final Kind kind;
    private final int publishers;
    private final int subscribers;
    private final int window;
    private final double rate;
    private final Timing timing;
    private final Row.Target target;

    private FlowScenario(String name, Kind kind, int publishers, int subscribers, int window, double rate,
            Timing timing, Row.Target target) {
        this.name = name;
        this.kind = kind;
        this.publishers = publishers;
        this.subscribers = subscribers;
        this.window = window;
        this.rate = rate;
        this.timing = timing;
        this.target = target;
    }

    /** P publishers and no subscriber: how fast the server answers publishes. */
    static FlowScenario publish(int publishers, int window, Timing timing, Row.Target target) {
        return new FlowScenario("publish " + publishers + " pub", Kind.PUBLISH, publishers, 0, window, 0, timing, target);
    }

    /** P publishers, S subscribers of every event, pipelined. */
    static FlowScenario fanOut(int publishers, int subscribers, int window, Timing timing, Row.Target target) {
        return new FlowScenario("fan-out " + publishers + " pub -> " + subscribers + " sub", Kind.FAN_OUT, publishers,
                subscribers, window, 0, timing, target);
    }

    /** One publisher at a fixed rate, one subscriber; end-to-end latency. */
    static FlowScenario latency(double rate, Timing timing, Row.Target p99Target) {
        String rateText = rate >= 1000 ? (long) (rate / 1000) + "k" : Long.toString((long) rate);
        return new FlowScenario("latency " + rateText + " ev/s", Kind.LATENCY, 1, 1, 0, rate, timing, p99Target);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String group() {
        return "flow";
    }

    @Override
    public ServerLimits limits() {
        return ServerLimits.forLoad(publishers + subscribers, publishers * windowEvents());
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("kind", kind.name().toLowerCase(Locale.ROOT));
        settings.put("publishers", publishers);
        settings.put("subscribers", subscribers);
        settings.put("window_events", rate > 0 ? windowEvents() : window);
        settings.put("rate_events_per_s", rate);
        settings.put("warmup_s", timing.warmup.toMillis() / 1000.0);
        settings.put("measure_s", timing.measure.toMillis() / 1000.0);
        settings.put("max_events_per_publisher", timing.maxEvents);
        return settings;
    }

    /** Events one publisher may have in flight: the window, or two seconds' worth at a fixed rate. */
    private long windowEvents() {
        return rate > 0 ? Math.max(1, (long) Math.ceil(rate * RATE_WINDOW.toMillis() / 1000.0)) : window;
    }

    @Override
    public Measurement run(ServerProcess server, RunContext context) throws Exception {
        Counters counters = new Counters();
        List<Publisher> pubs = new ArrayList<>();
        List<Subscriber> subs = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            subs.add(new Subscriber(counters, pubs, publishers, kind == Kind.LATENCY));
        }
        for (int i = 0; i < publishers; i++) {
            pubs.add(new Publisher(i, counters, new Window(windowEvents() * (1L + subscribers)), subscribers));
        }
        List<Connection> all = new ArrayList<>(subs);
        all.addAll(pubs);
        try (BenchClient client = new BenchClient(1)) {
            long connectDeadline = context.connectDeadline(all.size());
            int ready = client.connectAll(server.uri(), subs, context.connectConcurrency(), connectDeadline);
            ready += client.connectAll(server.uri(), pubs, context.connectConcurrency(), connectDeadline);
            if (ready < all.size()) {
                closeAll(all, context);
                return Measurement.failed("only " + ready + " of " + all.size() + " connections became ready",
                        counters.notes());
            }
            Measurement result = drive(server, pubs, subs, counters, context);
            closeAll(all, context);
            return result;
        }
    }

    private Measurement drive(ServerProcess server, List<Publisher> pubs, List<Subscriber> subs, Counters counters,
            RunContext context) {
        long start = System.nanoTime();
        long measureFrom = start + timing.warmup.toNanos();
        long end = measureFrom + timing.measure.toNanos();
        for (Subscriber subscriber : subs) {
            subscriber.recordLatencyBetween(BenchClock.of(measureFrom), BenchClock.of(end));
        }
        List<Thread> threads = new ArrayList<>();
        for (Publisher publisher : pubs) {
            Thread thread = new Thread(() -> publish(publisher, start, end), "publisher-" + publisher.index);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        waitUntil(measureFrom);
        Counters.Snapshot first = counters.snapshot();
        double cpuFirst = server.cpuSeconds();
        for (Thread thread : threads) {
            joinUntil(thread, end + 1_000_000_000L);
        }
        Counters.Snapshot last = counters.snapshot();
        double cpu = cpuFirst < 0 ? Double.NaN : server.cpuSeconds() - cpuFirst;
        long drainDeadline = context.deadline(context.drainTimeout());
        boolean drained = true;
        for (Publisher publisher : pubs) {
            drained &= publisher.window.awaitDrained(drainDeadline);
        }
        return measure(pubs, subs, counters, first, last, drained).figure("server_cpu_s", cpu).rates();
    }

    private void publish(Publisher publisher, long start, long end) {
        long budget = timing.maxEvents > 0 ? timing.maxEvents : Long.MAX_VALUE;
        if (rate > 0) {
            publisher.publishAtRate(rate, start, end, budget);
        } else {
            publisher.publishPipelined(end, budget);
        }
    }

    private Measurement measure(List<Publisher> pubs, List<Subscriber> subs, Counters counters,
            Counters.Snapshot first, Counters.Snapshot last, boolean drained) {
        long published = pubs.stream().mapToLong(Publisher::sent).sum();
        Subscriber.Tally tally = Subscriber.Tally.ZERO;
        Histogram latency = new Histogram(Subscriber.MAX_LATENCY_NANOS, 3);
        long frames = 0;
        long frameBytes = 0;
        for (Subscriber subscriber : subs) {
            tally = tally.plus(subscriber.tally());
            subscriber.addLatencyTo(latency);
            frames += subscriber.frames();
            frameBytes += subscriber.frameBytes();
        }
        long unanswered = published - counters.acked.sum() - counters.rejected.sum();
        List<String> notes = new ArrayList<>(counters.notes());
        if (!drained) {
            notes.add("not every event was answered and delivered within the drain timeout");
        }
        Measurement m = Measurement.of(notes)
                .figure("seconds", (last.nanos() - first.nanos()) / 1e9)
                .figure("published_in_window", last.published() - first.published())
                .figure("acked_in_window", last.acked() - first.acked())
                .figure("delivered_in_window", last.delivered() - first.delivered())
                .figure("published", published)
                .figure("delivered", counters.delivered.sum())
                .figure("expected_deliveries", published * subscribers)
                .figure("event_frame_bytes", frames == 0 ? 0 : frameBytes / frames)
                .rates();
        if (kind == Kind.LATENCY) {
            m.figure("offered_per_s", rate).latency(latency);
        }
        return m.check("missing", tally.missing())
                .check("duplicates", tally.duplicates())
                .check("reordered", tally.reordered())
                .check("unexpected", tally.unexpected())
                .check("rejected", counters.rejected.sum())
                .check("unanswered", Math.max(0, unanswered))
                .check("errors", counters.errors.sum())
                .check("send_failures", counters.sendFailures.sum());
    }

    @Override
    public List<Row> rows(Measurement router, Measurement raw) {
        return switch (kind) {
            case PUBLISH -> List.of(Row.compare(name, "acks/s", Row.Unit.PER_SECOND, "acked_per_s", router, raw, target),
                    Row.compare(name, "server CPU per publish", Row.Unit.CPU_MICROS, "server_cpu_us_per_ack", router, raw,
                            Row.Target.none()));
            case FAN_OUT -> List.of(
                    Row.compare(name, "deliveries/s", Row.Unit.PER_SECOND, "delivered_per_s", router, raw, target),
                    Row.compare(name, "server CPU per delivery", Row.Unit.CPU_MICROS, "server_cpu_us_per_delivery", router,
                            raw, Row.Target.none()));
            case LATENCY -> List.of(
                    Row.compare(name, "p50", Row.Unit.MICROS, "p50_us", router, raw, Row.Target.none()),
                    Row.compare(name, "p90", Row.Unit.MICROS, "p90_us", router, raw, Row.Target.none()),
                    Row.compare(name, "p99", Row.Unit.MICROS, "p99_us", router, raw, target),
                    Row.compare(name, "p99.9", Row.Unit.MICROS, "p999_us", router, raw, Row.Target.none()),
                    Row.compare(name, "max", Row.Unit.MICROS, "max_us", router, raw, Row.Target.none()),
                    Row.compare(name, "deliveries/s", Row.Unit.PER_SECOND, "delivered_per_s", router, raw,
                            Row.Target.atLeast(0.95 * rate, String.format(Locale.ROOT, ">= %,.0f/s, no loss", 0.95 * rate))));
        };
    }

    private static void closeAll(List<? extends Connection> connections, RunContext context) {
        connections.forEach(Connection::close);
        long deadline = context.deadline(context.closeTimeout());
        for (Connection connection : connections) {
            if (!connection.awaitClosed(Math.max(0, (deadline - System.nanoTime()) / 1_000_000))) {
                connection.abort();
            }
        }
    }

    /** Waits for a point of the run's timeline (not for another thread). */
    static void waitUntil(long nanoTime) {
        long remaining;
        while ((remaining = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }

    private static void joinUntil(Thread thread, long deadlineNanos) {
        try {
            long millis = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
