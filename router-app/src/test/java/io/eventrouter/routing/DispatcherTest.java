package io.eventrouter.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.ProtocolCodec;
import io.eventrouter.protocol.ProtocolException;
import io.eventrouter.protocol.ServerMessage;
import io.eventrouter.protocol.SubscriptionSpec;
import io.eventrouter.queue.EventQueue;
import io.eventrouter.session.ClientSession;
import io.eventrouter.session.Transport;
import io.eventrouter.testing.InstantTransport;
import jakarta.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher without a thread of its own: publishing threads route what is queued, one at
 * a time, and a long backlog moves to the backlog executor. Nothing may be lost, duplicated or
 * reordered within a publisher, and priorities hold across a queued batch.
 */
class DispatcherTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final EventQueue queue = EventQueue.strict(100_000);
    private final SubscriptionRegistry registry = new SubscriptionRegistry();
    private final RouterStats stats = new RouterStats((session, reason) -> { }, (session, failure) -> { }, nanos -> { });
    private final ExecutorService backlog = Executors.newSingleThreadExecutor();
    private final ExecutorService writers = Executors.newFixedThreadPool(2);
    private final Dispatcher dispatcher = new Dispatcher(queue, registry, stats, backlog);

    @AfterEach
    void stopThreads() {
        backlog.shutdownNow();
        writers.shutdownNow();
    }

    @Test
    void shouldDeliverEveryEventOnceAndInOrderWhenManyThreadsPublishAtOnce() throws Exception {
        RecordingTransport first = subscriber("bench.#");
        RecordingTransport second = subscriber("bench.*");
        int publishers = 4;
        int perPublisher = 5_000;
        ExecutorService threads = Executors.newFixedThreadPool(publishers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            int publisher = p;
            done.add(threads.submit(() -> {
                start.await();
                for (int seq = 0; seq < perPublisher; seq++) {
                    queue.offer(event("bench.p" + publisher, 5, seq), System.nanoTime());
                    dispatcher.dispatchQueued();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(dispatcher.awaitDrained(System.nanoTime() + WAIT.toNanos())).isTrue();
        for (RecordingTransport subscriber : List.of(first, second)) {
            assertThat(subscriber.awaitFrames(publishers * perPublisher)).isTrue();
            List<Event> received = subscriber.events();
            assertThat(received).hasSize(publishers * perPublisher);
            for (int p = 0; p < publishers; p++) {
                String topic = "bench.p" + p;
                List<Integer> sequence = received.stream().filter(e -> e.topic().equals(topic))
                        .map(e -> e.payload().getInt("seq")).toList();
                assertThat(sequence).as(topic).hasSize(perPublisher).isSorted().doesNotHaveDuplicates();
            }
        }
        assertThat(queue.size()).isZero();
    }

    /** Repeated: the backlog thread may start before or after the handing-off thread lets go. */
    @RepeatedTest(10)
    void shouldHandALongBacklogToTheBacklogExecutorAndStillDeliverAllOfItInOrder() throws Exception {
        RecordingTransport subscriber = subscriber("backlog.*");
        int count = 3_000; // about a dozen batches: more than a publishing thread routes itself
        for (int seq = 0; seq < count; seq++) {
            queue.offer(event("backlog.x", 5, seq), System.nanoTime());
        }

        dispatcher.dispatchQueued();

        assertThat(dispatcher.awaitDrained(System.nanoTime() + WAIT.toNanos())).isTrue();
        assertThat(subscriber.awaitFrames(count)).isTrue();
        assertThat(subscriber.events()).extracting(e -> e.payload().getInt("seq")).hasSize(count).isSorted();
    }

    @Test
    void shouldLeaveNothingQueuedWhenTheBacklogTaskRunsBeforeTheHandingOffThreadReturns() throws Exception {
        // A backlog executor that runs the task at once, on the handing-off thread: the
        // earliest the task can possibly start.
        Dispatcher immediate = new Dispatcher(queue, registry, stats, Runnable::run);
        RecordingTransport subscriber = subscriber("instant.*");
        int count = 3_000;
        for (int seq = 0; seq < count; seq++) {
            queue.offer(event("instant.x", 5, seq), System.nanoTime());
        }

        immediate.dispatchQueued();

        assertThat(queue.size()).isZero();
        assertThat(subscriber.awaitFrames(count)).isTrue();
        assertThat(subscriber.events()).extracting(e -> e.payload().getInt("seq")).hasSize(count).isSorted();
    }

    @Test
    void shouldRouteTheHigherPriorityFirstWhenEventsWaitInTheQueue() throws Exception {
        RecordingTransport subscriber = subscriber("mixed.*");
        for (int seq = 0; seq < 100; seq++) {
            queue.offer(event("mixed.low", 1, seq), System.nanoTime());
        }
        for (int seq = 0; seq < 100; seq++) {
            queue.offer(event("mixed.high", 9, seq), System.nanoTime());
        }

        dispatcher.dispatchQueued();

        assertThat(subscriber.awaitFrames(200)).isTrue();
        List<Integer> priorities = subscriber.events().stream().map(Event::priority).toList();
        List<Integer> expected = new ArrayList<>(Collections.nCopies(100, 9));
        expected.addAll(Collections.nCopies(100, 1));
        assertThat(priorities).isEqualTo(expected);
    }

    @Test
    void shouldReportDrainedAtOnceWhenNothingIsQueued() throws InterruptedException {
        assertThat(dispatcher.awaitDrained(System.nanoTime())).isTrue();
    }

    @Test
    void shouldStartEveryClaimedWriteEvenWhenStartingOneThrowsAnError() throws ProtocolException {
        Error broken = new Error("the socket layer broke");
        InstantTransport failing = new InstantTransport() {
            @Override
            public void send(ByteBuffer frame, boolean flush, Consumer<Throwable> done) {
                throw broken;
            }
        };
        // Writers are the calling thread, as a claimed inline write is.
        subscriber(failing, "orders.eu", Runnable::run);
        RecordingTransport second = subscriber(new RecordingTransport(), "orders.eu", Runnable::run);
        RecordingTransport third = subscriber(new RecordingTransport(), "orders.eu", Runnable::run);
        queue.offer(event("orders.eu", 5, 1), System.nanoTime());

        assertThatThrownBy(dispatcher::dispatchQueued).isSameAs(broken);

        assertThat(second.events()).hasSize(1);
        assertThat(third.events()).hasSize(1);
    }

    private RecordingTransport subscriber(String pattern) {
        return subscriber(new RecordingTransport(), pattern, writers);
    }

    /** A session on {@code transport}, subscribed to {@code pattern}, whose writes run on {@code writer}. */
    private <T extends Transport> T subscriber(T transport, String pattern, Executor writer) {
        ClientSession session = new ClientSession(transport, null, stats, 100_000, 1_000, writer);
        registry.add(session.addSubscription(SubscriptionSpec.builder().topics(pattern).build()));
        return transport;
    }

    private static Event event(String topic, int priority, int seq) {
        return Event.builder(topic).priority(priority).payload(Json.createObjectBuilder().add("seq", seq).build()).build();
    }

    /** Completes every write at once and keeps the frames, in order. */
    private static final class RecordingTransport extends InstantTransport {
        private final List<String> frames = new ArrayList<>();

        @Override
        public int maxInFlight() {
            return 16;
        }

        @Override
        public void send(ByteBuffer frame, boolean flush, Consumer<Throwable> done) {
            synchronized (this) {
                frames.add(StandardCharsets.UTF_8.decode(frame).toString());
                notifyAll();
            }
            done.accept(null);
        }

        synchronized boolean awaitFrames(int count) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (frames.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }

        synchronized List<Event> events() throws ProtocolException {
            List<Event> events = new ArrayList<>(frames.size());
            for (String frame : frames) {
                events.add(((ServerMessage.EventDelivery) ProtocolCodec.decodeServerMessage(frame)).event());
            }
            return events;
        }
    }
}
