package io.eventrouter.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the outbox gives back for reuse once written, and the write a deferred delivery claims.
 * Frames here are built in {@link FrameBuffers}, as the dispatcher builds them.
 */
class OutboxFrameReuseTest {
    private final FakeTransport transport = new FakeTransport();
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    @AfterEach
    void forgetWhatThisThreadKeeps() {
        FrameBuffers.forgetKeptByThisThread();
    }

    @Test
    void shouldGiveAWrittenEventFrameBackForTheNextFrameBuiltOnThisThread() {
        ClientSession session = new ClientSession(transport, null, listener, 10, 10, Runnable::run);
        ByteBuffer frame = builtFrame("5a");

        assertThat(session.deliverDeferred(frame, 5, System.nanoTime())).isTrue();
        session.flushDeferred(true);

        assertThat(transport.written()).containsExactly("5a");
        assertThat(FrameBuffers.keptByThisThread()).isEqualTo(1);
        assertThat(FrameBuffers.take(100)).isSameAs(frame);
    }

    @Test
    void shouldCompleteAGroupOnceWhenTheTransportFailsItAndThenThrows() {
        RuntimeException thrown = new IllegalStateException("send failed after failing the callback");
        Transport failing = new io.eventrouter.testing.InstantTransport() {
            @Override
            public void send(ByteBuffer bytes, boolean flush, java.util.function.Consumer<Throwable> done) {
                done.accept(new IOException("broken pipe"));
                throw thrown;
            }
        };
        ClientSession session = new ClientSession(failing, null, listener, 10, 10);

        Deliveries.deliver(session, builtFrame("5a"), 5);

        assertThat(listener.sendFailures()).hasSize(1);
        assertThat(FrameBuffers.keptByThisThread()).isZero();
    }

    @Test
    void shouldKeepAFrameWhileItsWriteIsInFlight() {
        ClientSession session = new ClientSession(transport, null, listener, 10, 10);
        transport.hold();

        Deliveries.deliver(session, builtFrame("5a"), 5);
        assertThat(FrameBuffers.keptByThisThread()).isZero();

        transport.releaseOne();
        assertThat(FrameBuffers.keptByThisThread()).isEqualTo(1);
    }

    @Test
    void shouldNotReuseAFrameWhoseWriteFailed() {
        ClientSession session = new ClientSession(transport, null, listener, 10, 10);
        transport.hold();
        Deliveries.deliver(session, builtFrame("5a"), 5);

        transport.failOne(new IOException("broken pipe"));

        assertThat(FrameBuffers.keptByThisThread()).isZero();
    }

    @Test
    void shouldGiveBackEveryEventFrameOfAGroupButNoReply() {
        FakeTransport grouped = new FakeTransport(8);
        ClientSession session = new ClientSession(grouped, null, listener, 10, 10);
        grouped.hold();
        Deliveries.deliver(session, builtFrame("5a"), 5);              // in flight alone
        Deliveries.deliver(session, builtFrame("5b"), 5);
        Deliveries.deliver(session, builtFrame("5c"), 5);
        session.reply("r".repeat(FrameBuffers.SMALLEST));               // a buffer the size of one built
        assertThat(FrameBuffers.keptByThisThread()).isZero();

        grouped.releaseOne();                                          // 5a; then the reply, 5b and 5c go
        assertThat(FrameBuffers.keptByThisThread()).isEqualTo(1);
        grouped.completeInline();
        while (grouped.inFlight() > 0) {
            grouped.releaseOne();
        }

        assertThat(grouped.written()).containsExactly("5a", "r".repeat(FrameBuffers.SMALLEST), "5b", "5c");
        assertThat(FrameBuffers.keptByThisThread()).isEqualTo(3);
    }

    @Test
    void shouldLetTheFirstDeferredDeliveryToAnIdleConnectionClaimItsWrite() {
        ClientSession session = new ClientSession(transport, null, listener, 10, 10, Runnable::run);

        assertThat(session.deliverDeferred(builtFrame("5a"), 5, System.nanoTime())).isTrue();
        assertThat(session.deliverDeferred(builtFrame("5b"), 5, System.nanoTime())).isFalse();
        assertThat(transport.written()).isEmpty();

        session.flushDeferred(true);
        assertThat(transport.written()).containsExactly("5a", "5b");

        assertThat(session.deliverDeferred(builtFrame("5c"), 5, System.nanoTime())).isTrue();
        session.flushDeferred(false);
        assertThat(transport.written()).containsExactly("5a", "5b", "5c");
    }

    @Test
    void shouldLeaveADeferredDeliveryToTheWriteInFlight() {
        ClientSession session = new ClientSession(transport, null, listener, 10, 10, Runnable::run);
        transport.hold();
        Deliveries.deliver(session, builtFrame("5a"), 5);              // claims and writes at once: in flight

        assertThat(session.deliverDeferred(builtFrame("5b"), 5, System.nanoTime())).isFalse();
        transport.completeInline();
        transport.releaseOne();                                        // its completion writes 5b

        assertThat(transport.written()).containsExactly("5a", "5b");
        assertThat(session.pendingEvents()).isZero();
    }

    @Test
    void shouldTakeTheGroupWhenTheLastDeliveryBeforeAFlushClaimsTheWrite() {
        ClientSession session = new ClientSession(transport, null, listener, 10, 10, Runnable::run);

        assertThat(session.deliverDeferredLast(builtFrame("5a"), 5, System.nanoTime())).isTrue();
        session.reply("r");                                            // waits for the taken group
        assertThat(session.deliverDeferred(builtFrame("5b"), 5, System.nanoTime())).isFalse();
        assertThat(transport.written()).isEmpty();

        session.flushTaken(true);

        assertThat(transport.written()).containsExactly("5a", "r", "5b");
        assertThat(session.pendingEvents()).isZero();
        assertThat(listener.deliveredCount()).isEqualTo(2);
        assertThat(FrameBuffers.keptByThisThread()).isEqualTo(2);
    }

    @Test
    void shouldStartATakenGroupOnAWriterUnlessToldToWriteInline() throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            ClientSession session = new ClientSession(transport, null, listener, 10, 10, writer);
            assertThat(session.deliverDeferredLast(builtFrame("5a"), 5, System.nanoTime())).isTrue();

            session.flushTaken(false);

            assertThat(session.awaitFlushed(System.nanoTime() + TimeUnit.SECONDS.toNanos(20))).isTrue();
            assertThat(transport.written()).containsExactly("5a");
            assertThat(listener.deliveredCount()).isEqualTo(1);
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void shouldHandATakenGroupToTheSocketOnceWhenTheConnectionClosesBeforeTheFlush() {
        ClientSession session = new ClientSession(transport, null, listener, 10, 10, Runnable::run);
        assertThat(session.deliverDeferredLast(builtFrame("5a"), 5, System.nanoTime())).isTrue();

        session.close(1000, "bye");
        session.flushTaken(true);                                      // a real socket fails it now

        assertThat(transport.written()).containsExactly("5a");
        assertThat(session.pendingEvents()).isZero();
        assertThat(listener.disconnectDrops()).isEmpty();              // it left the queue with the claim
    }

    @Test
    void shouldNotClaimWhereThereIsNoWriterToDeferTo() {
        ClientSession session = new ClientSession(transport, null, listener, 10, 10);

        assertThat(session.deliverDeferred(builtFrame("5a"), 5, System.nanoTime())).isFalse();

        assertThat(transport.written()).containsExactly("5a");
    }

    @Test
    void shouldClaimNothingOnAClosedConnection() {
        ClientSession session = new ClientSession(transport, null, listener, 10, 10, Runnable::run);
        session.close(1000, "bye");

        assertThat(session.deliverDeferred(builtFrame("5a"), 5, System.nanoTime())).isFalse();
    }

    /** {@code text} in a buffer from {@link FrameBuffers}, as {@link Subscription#frame} builds it. */
    private static ByteBuffer builtFrame(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer frame = FrameBuffers.take(bytes.length);
        System.arraycopy(bytes, 0, frame.array(), 0, bytes.length);
        return frame;
    }
}
