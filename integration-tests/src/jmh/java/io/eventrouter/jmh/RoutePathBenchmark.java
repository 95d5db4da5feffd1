package io.eventrouter.jmh;

import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.ProtocolCodec;
import io.eventrouter.protocol.SubscriptionSpec;
import io.eventrouter.session.ClientSession;
import io.eventrouter.session.OutboxListener;
import io.eventrouter.session.Subscription;
import io.eventrouter.session.Transport;
import io.eventrouter.subscription.TopicIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
 * The whole in-process routing of one event, as {@code Dispatcher.route} does it, written
 * against the public classes it uses: match the topic in a {@link TopicIndex} under the
 * registry's read lock, deduplicate per round, apply {@link Subscription#accepts}, encode the
 * event once, build each subscription's frame and hand it to {@link ClientSession#deliver},
 * whose outbox writes it at once to a transport that completes every send inline.
 *
 * <p>{@code subscriptions} subscriptions (one pattern each, in the given mix) are spread over
 * {@code sessions} connections; 10% carry a type filter and 10% a minimum priority. One
 * operation is one event routed, so the score is the in-process routing rate in events/s.
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
     * stay in the core's caches, as a stream of new events would not; fewer stay hot.
     */
    @Param("4096")
    int distinctEvents;

    // What SubscriptionRegistry and Dispatcher hold.
    private final TopicIndex<Subscription> index = new TopicIndex<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<Subscription> matches = new ArrayList<>();
    private final LongAdder processed = new LongAdder();
    private long round;

    private final InlineTransport transport = new InlineTransport();
    private Event[] events;
    private int next;

    @Setup
    public void setUp() {
        Random random = new Random(Workload.SEED);
        List<ClientSession> clients = new ArrayList<>(sessions);
        for (int i = 0; i < sessions; i++) {
            clients.add(new ClientSession(transport, "agent-" + i, OutboxListener.NONE, 10_000, 1_000));
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
            index.add(patterns.get(i), subscription);
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
                index.size(), mix, sessions, (double) (transport.frames - framesBefore) / distinctEvents);
    }

    @Benchmark
    public long route() {
        route(events[next++ & (distinctEvents - 1)]);
        return transport.bytes;
    }

    /** Dispatcher.route, step for step; SubscriptionRegistry.match is the locked index lookup. */
    private void route(Event event) {
        long current = ++round;
        matches.clear();
        Consumer<Subscription> sink = subscription -> {
            if (subscription.markMatched(current)) {
                matches.add(subscription);
            }
        };
        lock.readLock().lock();
        try {
            index.match(event.topic(), sink);
        } finally {
            lock.readLock().unlock();
        }
        byte[] json = null;
        for (Subscription subscription : matches) {
            if (subscription.accepts(event)) {
                if (json == null) {
                    json = ProtocolCodec.encodeEventUtf8(event);
                }
                subscription.owner().deliver(subscription.frame(json), event.priority());
            }
        }
        processed.increment();
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
