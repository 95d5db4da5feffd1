package io.eventrouter.routing;

import io.eventrouter.jmh.Workload;
import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.SubscriptionSpec;
import io.eventrouter.queue.EventQueue;
import io.eventrouter.session.ClientSession;
import io.eventrouter.session.Subscription;
import io.eventrouter.session.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole in-process routing of one event through the router's own classes: {@link
 * EventQueue#offer} and {@link Dispatcher#dispatchQueued}, which matches the topic in the
 * {@link SubscriptionRegistry}, applies each subscription's filters, encodes the event once,
 * queues each subscription's frame on its connection's outbox and writes the touched
 * connections. The transport completes every send inline and the writer pool is replaced by
 * the calling thread, so one thread does all the work and the score is the routing rate. (It
 * sits in the router's package to reach those package-private classes.)
 *
 * <p>{@code subscriptions} subscriptions (one pattern each, in the given mix) are spread over
 * {@code sessions} connections; 10% carry a type filter and 10% a minimum priority. Events are
 * decoded from publish frames, as the endpoint hands them over. One operation is one event
 * routed.
 *
 * <p>The registry caches each topic's matches (up to 16,384 topics), so after the first pass
 * over the events their topics (about 3,400 of the 10,000) are found in the cache, as a steady
 * set of topics would be in a running router. {@code TopicMatchBenchmark} measures the index
 * walk a topic not yet cached costs; {@code -p resubscribeEvery=1} shows the route when every
 * event misses the cache, as when subscriptions change as often as events arrive (one
 * subscription is removed and added again before each event, which empties the cache).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class RoutePathBenchmark {
    @Param("10000")
    int subscriptions;

    @Param("1000")
    int sessions;

    /** Percent of exact / single-wildcard ('*') / multi-wildcard ('#') patterns. */
    @Param("70/20/10")
    String mix;

    /**
     * Distinct events cycled through (a power of two). 4096 events and their payloads do not
     * stay in the core's caches, so each is read from memory: harsher than the server, which
     * routes an event on the thread that decoded it, right after. Fewer (64) stay in the
     * caches, as there. On a host bound by memory the score with 4096 also depends on where
     * the collector placed these long-lived events (see docs/benchmarks.md).
     */
    @Param("4096")
    int distinctEvents;

    /** Events between two re-subscriptions (each empties the match cache); 0 for none. */
    @Param("0")
    int resubscribeEvery;

    private final InlineTransport transport = new InlineTransport();
    private final RouterStats stats = new RouterStats((session, reason) -> { }, (session, failure) -> { }, nanos -> { });
    private EventQueue queue;
    private Dispatcher dispatcher;
    private SubscriptionRegistry registry;
    private Subscription resubscribed;
    private Event[] events;
    private int next;
    private int sinceResubscribe;

    @Setup
    public void setUp() {
        Random random = new Random(Workload.SEED);
        queue = EventQueue.strict(10_000);
        registry = new SubscriptionRegistry();
        dispatcher = new Dispatcher(queue, registry, stats, Runnable::run);
        List<ClientSession> clients = new ArrayList<>(sessions);
        for (int i = 0; i < sessions; i++) {
            clients.add(new ClientSession(transport, "agent-" + i, stats, 10_000, 1_000, Runnable::run));
        }
        List<String> patterns = Workload.patterns(subscriptions, Workload.Mix.parse(mix), random);
        for (int i = 0; i < patterns.size(); i++) {
            SubscriptionSpec.Builder spec = SubscriptionSpec.builder().topics(patterns.get(i));
            int filter = random.nextInt(10);
            if (filter == 0) {
                spec.types(Workload.ENTITIES[random.nextInt(Workload.ENTITIES.length)] + ".created",
                        Workload.ENTITIES[random.nextInt(Workload.ENTITIES.length)] + ".updated");
            } else if (filter == 1) {
                spec.minPriority(7);
            }
            Subscription subscription = clients.get(i % sessions).addSubscription(spec.build());
            registry.add(subscription);
            resubscribed = subscription;
        }
        if (Integer.bitCount(distinctEvents) != 1) {
            throw new IllegalArgumentException("distinctEvents must be a power of two, got " + distinctEvents);
        }
        events = Workload.events(distinctEvents, random);

        long framesBefore = transport.frames;
        for (Event event : events) {
            route(event);
        }
        System.out.printf("%n# %d subscriptions (%s) on %d sessions: %.2f deliveries per event on average%n",
                registry.count(), mix, sessions, (double) (transport.frames - framesBefore) / distinctEvents);
    }

    @Benchmark
    public long route() {
        if (resubscribeEvery > 0 && ++sinceResubscribe == resubscribeEvery) {
            sinceResubscribe = 0;
            registry.remove(resubscribed);
            registry.add(resubscribed);
        }
        route(events[next++ & (distinctEvents - 1)]);
        return transport.bytes;
    }

    private void route(Event event) {
        queue.offer(event, System.nanoTime());
        dispatcher.dispatchQueued();
    }

    /** A socket that writes every frame at once: the send completes before send returns. */
    static final class InlineTransport implements Transport {
        long frames;
        long bytes;

        @Override
        public void send(java.nio.ByteBuffer frame, boolean flush, Consumer<Throwable> done) {
            frames++;
            bytes += frame.remaining();
            done.accept(null);
        }

        @Override
        public void close(int code, String reason) {}

        @Override
        public void abort() {}

        @Override
        public String remoteAddress() {
            return "127.0.0.1:0";
        }
    }
}
