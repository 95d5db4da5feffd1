package io.eventrouter.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.testing.InstantTransport;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * One connection's outbox under load from several threads at once, over a socket that
 * completes some writes before {@code send} returns and the rest later on its own thread: the
 * mix in which the pump decides, with and without the lock, who writes next. Every frame must
 * be written exactly once, in each producer's order, and the outbox must end idle.
 */
class OutboxConcurrencyTest {
    private static final int PRODUCERS = 4;
    private static final int EVENTS_PER_PRODUCER = 5_000;

    private final ExecutorService writers = Executors.newFixedThreadPool(2);
    private final ExecutorService socketThread = Executors.newSingleThreadExecutor();
    private final ExecutorService producers = Executors.newFixedThreadPool(PRODUCERS);

    @AfterEach
    void stopThreads() {
        writers.shutdownNow();
        socketThread.shutdownNow();
        producers.shutdownNow();
    }

    @RepeatedTest(5)
    void shouldWriteEveryFrameOnceAndInOrderWhateverThreadCompletesTheWrites() throws Exception {
        MixedCompletionTransport socket = new MixedCompletionTransport(socketThread);
        RecordingListener listener = new RecordingListener();
        ClientSession session = new ClientSession(socket, null, listener, PRODUCERS * EVENTS_PER_PRODUCER, 10, writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int producer = p;
            done.add(producers.submit(() -> {
                start.await();
                for (int seq = 0; seq < EVENTS_PER_PRODUCER; seq++) {
                    byte[] frame = (producer + ":" + seq).getBytes(StandardCharsets.UTF_8);
                    if (seq % 100 == 99) {
                        session.reply("reply");
                    }
                    if (seq % 2 == 0) {
                        // As the dispatcher does: the claimed write started on a writer.
                        Deliveries.deliver(session, ByteBuffer.wrap(frame), 5);
                    } else {
                        // A flush whether or not this call claimed the write, inline or on a writer.
                        session.deliverDeferred(ByteBuffer.wrap(frame), 5, System.nanoTime());
                        session.flushDeferred(seq % 4 == 1);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> producer : done) {
            producer.get(30, TimeUnit.SECONDS);
        }

        assertThat(session.awaitFlushed(System.nanoTime() + TimeUnit.SECONDS.toNanos(30))).isTrue();
        List<String> written = socket.written();
        for (int p = 0; p < PRODUCERS; p++) {
            String prefix = p + ":";
            List<Integer> sequence = written.stream().filter(frame -> frame.startsWith(prefix))
                    .map(frame -> Integer.parseInt(frame.substring(prefix.length()))).toList();
            assertThat(sequence).as("producer %d", p).hasSize(EVENTS_PER_PRODUCER).isSorted().doesNotHaveDuplicates();
        }
        assertThat(written.stream().filter("reply"::equals)).hasSize(PRODUCERS * EVENTS_PER_PRODUCER / 100);
        assertThat(listener.deliveredCount()).isEqualTo((long) PRODUCERS * EVENTS_PER_PRODUCER);
        assertThat(session.pendingEvents()).isZero();
    }

    /**
     * Takes up to eight frames at once and completes each group's last frame either at once, on
     * the caller's thread, or later on its own thread, at random.
     */
    private static final class MixedCompletionTransport extends InstantTransport {
        private final ExecutorService completer;
        private final List<String> written = new ArrayList<>();

        MixedCompletionTransport(ExecutorService completer) {
            this.completer = completer;
        }

        @Override
        public int maxInFlight() {
            return 8;
        }

        @Override
        public void send(ByteBuffer frame, boolean flush, Consumer<Throwable> done) {
            synchronized (this) {
                written.add(StandardCharsets.UTF_8.decode(frame).toString());
            }
            if (ThreadLocalRandom.current().nextBoolean()) {
                done.accept(null);
            } else {
                completer.execute(() -> done.accept(null));
            }
        }

        synchronized List<String> written() {
            return new ArrayList<>(written);
        }
    }
}
