package io.eventrouter.examples;

import io.eventrouter.client.EventRouterClient;
import io.eventrouter.client.Payloads;
import io.eventrouter.protocol.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A short load run from the client's side: N publishers share K numbered events between them,
 * M subscribers each expect all K, and the run reports the rates and whether every subscriber
 * got every event exactly once. Publishers use {@code publishAsync} with a bounded number of
 * unanswered publishes each, the usual way to publish fast without flooding the router's queue.
 *
 * <p>A friendly first measurement, not a benchmark: everything runs in this one JVM on the
 * same machine as the router. For real measurements use the load generator
 * ({@code integration-tests/target/loadgen.jar}).
 */
public final class LoadTest {
    static final String DEFAULT_URL = "ws://localhost:9090/";
    static final String TOPIC = "load.test";
    /** Unanswered publishes per publisher; keeps the router's queue far from full. */
    static final int IN_FLIGHT_PER_PUBLISHER = 200;
    /** The whole run stops waiting after this, complete or not. */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    /** How much load: publishers, subscribers, and events in total (each subscriber gets all). */
    public record Plan(int publishers, int subscribers, int events) {
        public static final Plan DEFAULT = new Plan(4, 4, 10_000);

        public Plan {
            if (publishers < 1 || subscribers < 1 || events < 1) {
                throw new IllegalArgumentException("publishers, subscribers and events must be at least 1, got "
                        + publishers + ", " + subscribers + ", " + events);
            }
        }
    }

    /**
     * What happened.
     *
     * @param queued events the router accepted
     * @param dropped events the router did not take: it refused them (its queue was full) or the
     *     publish failed
     * @param receivedPerSubscriber distinct events each subscriber received
     * @param duplicates events a subscriber received more than once, all subscribers together
     * @param publishing from the first publish to the router's last answer
     * @param total from the first publish to the last delivery (or to giving up)
     */
    public record Result(Plan plan, int queued, int dropped, List<Integer> receivedPerSubscriber, int duplicates,
            Duration publishing, Duration total) {

        /** True when every subscriber received every event exactly once. */
        public boolean complete() {
            return duplicates == 0 && receivedPerSubscriber.stream().allMatch(count -> count == plan.events());
        }

        public double publishedPerSecond() {
            return perSecond(queued + dropped, publishing);
        }

        public double deliveredPerSecond() {
            return perSecond(receivedPerSubscriber.stream().mapToInt(Integer::intValue).sum(), total);
        }

        private static double perSecond(long count, Duration elapsed) {
            return count * 1e9 / Math.max(1, elapsed.toNanos());
        }
    }

    private LoadTest() {}

    /** {@code [URL [PUBLISHERS SUBSCRIBERS EVENTS]]}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 0 && args.length != 1 && args.length != 4) {
            System.err.println("usage: LoadTest [URL [PUBLISHERS SUBSCRIBERS EVENTS]]");
            System.exit(2);
        }
        String url = args.length > 0 ? args[0] : DEFAULT_URL;
        Plan plan = args.length == 4 ? new Plan(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3])) : Plan.DEFAULT;
        System.out.printf("%d publishers, %d subscribers, %d events (%d deliveries) against %s%n",
                plan.publishers(), plan.subscribers(), plan.events(), (long) plan.events() * plan.subscribers(), url);
        Result result = run(url, plan);
        System.out.printf("published %d events in %d ms: %.0f events/s (%d dropped by the router)%n",
                result.queued() + result.dropped(), result.publishing().toMillis(), result.publishedPerSecond(),
                result.dropped());
        System.out.printf("delivered %d events in %d ms: %.0f deliveries/s%n",
                result.receivedPerSubscriber().stream().mapToInt(Integer::intValue).sum(), result.total().toMillis(),
                result.deliveredPerSecond());
        System.out.println(result.complete() ? "every subscriber received every event exactly once"
                : "INCOMPLETE: received per subscriber " + result.receivedPerSubscriber() + ", duplicates "
                        + result.duplicates());
        if (!result.complete()) {
            System.exit(1);
        }
    }

    /** Runs the plan; returns once every subscriber has every event, or after {@link #MAX_WAIT}. */
    public static Result run(String url, Plan plan) throws InterruptedException {
        List<Tally> tallies = new ArrayList<>();
        List<EventRouterClient> clients = new ArrayList<>();
        ExecutorService publishing = Executors.newFixedThreadPool(plan.publishers());
        CountDownLatch everyoneHasAll = new CountDownLatch(plan.subscribers());
        try {
            for (int s = 0; s < plan.subscribers(); s++) {
                Tally tally = new Tally(plan.events(), everyoneHasAll);
                EventRouterClient subscriber = connect(url, clients);
                subscriber.on(TOPIC, event -> tally.record(event.payload().getInt("n")));
                tallies.add(tally);
            }
            List<EventRouterClient> publishers = new ArrayList<>();
            for (int p = 0; p < plan.publishers(); p++) {
                publishers.add(connect(url, clients));
            }

            AtomicInteger queued = new AtomicInteger();
            AtomicInteger dropped = new AtomicInteger();
            long start = System.nanoTime();
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int p = 0; p < plan.publishers(); p++) {
                EventRouterClient publisher = publishers.get(p);
                int first = p;
                done.add(CompletableFuture.runAsync(() -> publishShare(publisher, first, plan, queued, dropped), publishing));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
            Duration publishingTime = Duration.ofNanos(System.nanoTime() - start);

            everyoneHasAll.await(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            Duration total = Duration.ofNanos(System.nanoTime() - start);
            return new Result(plan, queued.get(), dropped.get(), tallies.stream().map(Tally::distinct).toList(),
                    tallies.stream().mapToInt(Tally::duplicates).sum(), publishingTime, total);
        } finally {
            publishing.shutdownNow();
            for (EventRouterClient client : clients) {
                client.close();
            }
        }
    }

    /** Publisher {@code first} sends events first, first + N, first + 2N, … and waits for the answers. */
    private static void publishShare(EventRouterClient publisher, int first, Plan plan, AtomicInteger queued,
            AtomicInteger dropped) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT_PER_PUBLISHER);
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        for (int n = first; n < plan.events(); n += plan.publishers()) {
            inFlight.acquireUninterruptibly();
            Event event = Event.builder(TOPIC).payload(Payloads.toJson(Map.of("n", n))).build();
            answers.add(publisher.publishAsync(event).handle((result, failure) -> {
                inFlight.release();
                (failure == null && result.queued() ? queued : dropped).incrementAndGet();
                return null;
            }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
    }

    private static EventRouterClient connect(String url, List<EventRouterClient> clients) {
        EventRouterClient client = EventRouterClient.connect(url);
        clients.add(client);
        return client;
    }

    /** Which events one subscriber has seen; its handler runs one event at a time. */
    private static final class Tally {
        private final BitSet seen;
        private final int expected;
        private final CountDownLatch hasAll;
        private int distinct;
        private int duplicates;

        Tally(int expected, CountDownLatch hasAll) {
            this.seen = new BitSet(expected);
            this.expected = expected;
            this.hasAll = hasAll;
        }

        synchronized void record(int n) {
            if (seen.get(n)) {
                duplicates++;
                return;
            }
            seen.set(n);
            if (++distinct == expected) {
                hasAll.countDown();
            }
        }

        synchronized int distinct() {
            return distinct;
        }

        synchronized int duplicates() {
            return duplicates;
        }
    }
}
