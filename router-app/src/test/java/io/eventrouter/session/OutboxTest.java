package io.eventrouter.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-connection outbox, driven through {@link ClientSession}. Event frames here are named
 * after their priority ({@code 9a} is priority 9) so the expected write order reads directly.
 */
class OutboxTest {
    private final FakeTransport transport = new FakeTransport();
    private final RecordingListener listener = new RecordingListener();

    @Test
    void shouldWriteFramesInlineWhenTheSocketKeepsUp() throws InterruptedException {
        ClientSession session = session(10, 10);

        session.reply("welcome");
        deliver(session, "5a", "9a", "1a");

        assertThat(transport.written()).containsExactly("welcome", "5a", "9a", "1a");
        assertThat(listener.deliveredCount()).isEqualTo(3);
        assertThat(session.pendingEvents()).isZero();
        assertThat(session.awaitFlushed(System.nanoTime())).isTrue();
    }

    @Test
    void shouldWriteControlRepliesBeforeQueuedEvents() {
        ClientSession session = session(10, 10);
        transport.hold();
        deliver(session, "5a");                       // in flight
        deliver(session, "5b", "10a", "1a");
        session.reply("published-1");
        session.reply("pong-2");

        releaseAll();

        assertThat(transport.written()).containsExactly("5a", "published-1", "pong-2", "10a", "5b", "1a");
        assertThat(listener.deliveredCount()).isEqualTo(4);
    }

    @Test
    void shouldWriteEventsHighestPriorityFirstAndFifoWithinAPriority() {
        ClientSession session = session(100, 10);
        transport.hold();
        deliver(session, "1a");                       // in flight
        deliver(session, "5a", "1b", "9a", "5b", "10a", "1c", "9b", "5c", "3a");

        assertThat(session.pendingEvents()).isEqualTo(9);
        releaseAll();

        assertThat(transport.written()).containsExactly("1a", "10a", "9a", "9b", "5a", "5b", "5c", "3a", "1b", "1c");
        assertThat(session.pendingEvents()).isZero();
    }

    @Test
    void shouldNeverDropControlRepliesEvenWhenTheEventQueueIsFull() {
        ClientSession session = session(1, 100);
        transport.hold();
        deliver(session, "5a", "5b");                 // one in flight, one filling the queue
        for (int i = 0; i < 5; i++) {
            session.reply("reply-" + i);
        }

        releaseAll();

        assertThat(transport.written()).containsExactly("5a", "reply-0", "reply-1", "reply-2", "reply-3", "reply-4", "5b");
        assertThat(listener.slowConsumerDrops()).isEmpty();
    }

    @Test
    void shouldReportHowLongAfterAcceptanceEachEventWasWritten() {
        ClientSession session = session(10, 10);
        long fiveSecondsAgo = System.nanoTime() - TimeUnit.SECONDS.toNanos(5);
        transport.hold();

        Deliveries.deliver(session, java.nio.ByteBuffer.wrap("5a".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 5,
                fiveSecondsAgo);
        session.reply("pong");
        deliver(session, "7a");

        assertThat(listener.latencies()).isEmpty();  // nothing written yet
        releaseAll();
        assertThat(transport.written()).containsExactly("5a", "pong", "7a");
        assertThat(listener.latencies()).hasSize(2);   // events only, not the reply
        assertThat(listener.latencies().get(0)).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(5));
        assertThat(listener.latencies().get(1)).isNotNegative();
    }

    @ParameterizedTest(name = "offered priority {0}")
    @ValueSource(ints = {4, 7, 10})
    void shouldEvictNewestLowestPriorityEventWhenFull(int priority) {
        ClientSession session = stalledAndFull();     // in flight 5a; queued 3a, 3b, 7a

        Deliveries.deliver(session, priority + "x", priority);

        assertThat(listener.slowConsumerDrops()).containsExactly(3);
        assertThat(session.pendingEvents()).isEqualTo(3);
        releaseAll();
        assertThat(transport.written()).containsExactlyInAnyOrder("5a", "3a", "7a", priority + "x")
                .doesNotContain("3b");
    }

    @ParameterizedTest(name = "offered priority {0}")
    @ValueSource(ints = {1, 2, 3})
    void shouldDropTheOfferedEventWhenItsPriorityIsNotHigherThanTheLowestQueued(int priority) {
        ClientSession session = stalledAndFull();

        Deliveries.deliver(session, priority + "x", priority);

        assertThat(listener.slowConsumerDrops()).containsExactly(priority);
        assertThat(session.pendingEvents()).isEqualTo(3);
        releaseAll();
        assertThat(transport.written()).containsExactly("5a", "7a", "3a", "3b");
    }

    @Test
    void shouldReportOverflowOnceAfterMoreThanDropLimitConsecutiveDrops() {
        RecordingListener closing = new RecordingListener().closingOnOverflow();
        ClientSession session = new ClientSession(transport, null, closing, 1, 3);
        transport.hold();
        Deliveries.deliver(session, "5a", 5);         // in flight
        Deliveries.deliver(session, "5b", 5);         // fills the queue

        for (int i = 0; i < 3; i++) {
            Deliveries.deliver(session, "drop-" + i, 5);
        }
        assertThat(closing.slowConsumerDrops()).hasSize(3);
        assertThat(closing.overflows()).isEmpty();

        Deliveries.deliver(session, "drop-3", 5);

        assertThat(closing.overflows()).hasSize(1);
        assertThat(closing.overflows().get(0)).contains("4 events dropped in a row", "client queue of 1 full");
        assertThat(session.isClosed()).isTrue();
        assertThat(transport.closeCode()).isEqualTo(1008);

        Deliveries.deliver(session, "after-close", 5);

        assertThat(closing.overflows()).hasSize(1);
        assertThat(closing.slowConsumerDrops()).hasSize(4);
        assertThat(closing.disconnectDropCount()).isEqualTo(2);   // queued 5b on close, then after-close
    }

    @Test
    void shouldCountEvictionsAsDropsTowardsTheLimit() {
        ClientSession session = session(1, 2);
        transport.hold();
        deliver(session, "1a", "1b");                 // in flight, queued

        deliver(session, "2a", "3a");                 // each evicts the queued lower one
        assertThat(listener.overflows()).isEmpty();
        deliver(session, "4a");

        assertThat(listener.slowConsumerDrops()).containsExactly(1, 2, 3);
        assertThat(listener.overflows()).hasSize(1);
    }

    @Test
    void shouldResetTheConsecutiveDropCountWhenASendCompletes() {
        ClientSession session = session(1, 3);
        transport.hold();
        deliver(session, "5a", "5b");                 // in flight, queued
        deliver(session, "5c", "5d", "5e");           // three drops: at the limit, not over it

        transport.releaseOne();                       // 5a written; 5b goes in flight, queue has room
        deliver(session, "5f");                       // queued
        deliver(session, "5g", "5h", "5i");           // three more drops, counted from zero

        assertThat(listener.slowConsumerDrops()).hasSize(6);
        assertThat(listener.overflows()).isEmpty();

        deliver(session, "5j");                       // the fourth in a row since the last write

        assertThat(listener.overflows()).hasSize(1);
    }

    @Test
    void shouldNotResetTheDropCountWhenASendFails() {
        ClientSession session = session(1, 1);
        transport.hold();
        deliver(session, "5a", "5b", "5c");           // in flight, queued, one drop

        transport.failOne(new IllegalStateException("reset by peer"));
        deliver(session, "5d");                       // nothing written since the drop: second in a row

        assertThat(listener.sendFailures()).extracting(Throwable::getMessage).containsExactly("reset by peer");
        assertThat(listener.overflows()).hasSize(1);
        assertThat(listener.deliveredCount()).isZero();
    }

    @Test
    void shouldReportASendThatThrowsAsAFailedSend() {
        ClientSession session = session(10, 10);
        transport.throwOnSend(new IllegalStateException("socket closed"));

        Deliveries.deliver(session, "5a", 5);

        assertThat(listener.sendFailures()).extracting(Throwable::getMessage).containsExactly("socket closed");
        assertThat(listener.deliveredCount()).isZero();
    }

    @Test
    void shouldDeliverManyInlineCompletionsInOrderWithoutGrowingTheStack() {
        int count = 200_000;
        ClientSession session = session(count, 10);
        transport.hold();
        Deliveries.deliver(session, "first", 5);      // in flight
        List<String> expected = new ArrayList<>(count + 1);
        expected.add("first");
        for (int i = 0; i < count; i++) {
            String frame = "e" + i;
            Deliveries.deliver(session, frame, 5);
            expected.add(frame);
        }
        assertThat(session.pendingEvents()).isEqualTo(count);

        transport.completeInline();
        transport.releaseOne();                       // every further send completes before send returns

        assertThat(transport.written()).isEqualTo(expected);
        assertThat(listener.deliveredCount()).isEqualTo(count + 1L);
        assertThat(session.pendingEvents()).isZero();
        assertThat(listener.sendFailures()).isEmpty();
    }

    @Test
    void shouldCountQueuedEventsAsDroppedOnClose() {
        ClientSession session = session(10, 10);
        transport.hold();
        deliver(session, "5a", "5b", "7a", "1a");     // one in flight, three queued
        session.reply("pong");

        assertThat(session.close(1001, "going away")).isTrue();

        assertThat(listener.disconnectDrops()).containsExactly(Map.entry(1, 1), Map.entry(5, 1), Map.entry(7, 1));
        assertThat(session.pendingEvents()).isZero();
        assertThat(session.isClosed()).isTrue();
        assertThat(transport.closeCode()).isEqualTo(1001);
        assertThat(transport.closeReason()).isEqualTo("going away");

        transport.releaseOne();                       // the in-flight frame completes after close

        assertThat(transport.written()).containsExactly("5a");
    }

    @Test
    void shouldCloseOnlyOnce() {
        ClientSession session = session(10, 10);
        transport.hold();
        deliver(session, "5a", "5b");

        assertThat(session.close(1000, "bye")).isTrue();
        assertThat(session.close(1000, "bye")).isFalse();
        assertThat(session.markClosed()).isFalse();

        assertThat(listener.disconnectDrops()).containsExactly(Map.entry(5, 1));
    }

    @Test
    void shouldDropEventsAndIgnoreRepliesAfterThePeerWentAway() {
        ClientSession session = session(10, 10);

        assertThat(session.markClosed()).isTrue();
        Deliveries.deliver(session, "5a", 5);
        Deliveries.deliver(session, "5b", 5);
        session.reply("pong");

        assertThat(transport.written()).isEmpty();
        assertThat(transport.closeCode()).isEqualTo(-1);
        assertThat(listener.disconnectDrops()).containsExactly(Map.entry(5, 2));
    }

    @Test
    void shouldReportFlushedOnlyOnceEverythingIsWritten() throws InterruptedException {
        ClientSession session = session(10, 10);
        transport.hold();
        deliver(session, "5a", "5b");
        session.reply("pong");

        // a deadline already passed: answers at once, without waiting
        assertThat(session.awaitFlushed(System.nanoTime())).isFalse();
        transport.releaseOne();
        assertThat(session.awaitFlushed(System.nanoTime())).isFalse();
        transport.releaseOne();
        assertThat(session.awaitFlushed(System.nanoTime())).isFalse();
        transport.releaseOne();

        assertThat(session.awaitFlushed(System.nanoTime())).isTrue();
        assertThat(transport.written()).containsExactly("5a", "pong", "5b");
    }

    @Test
    void shouldWakeAWaiterWhenTheLastFrameIsWritten() throws Exception {
        ClientSession session = session(10, 10);
        transport.hold();
        deliver(session, "5a", "5b");
        CompletableFuture<Boolean> flushed = CompletableFuture.supplyAsync(() -> {
            try {
                return session.awaitFlushed(System.nanoTime() + TimeUnit.MINUTES.toNanos(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });

        transport.releaseOne();
        transport.releaseOne();

        assertThat(flushed.get(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldWakeAWaiterWhenTheLastFrameCompletesBeforeItsSendReturns() throws Exception {
        ClientSession session = session(10, 10);
        transport.hold();
        deliver(session, "5a", "5b");
        boolean[] flushed = new boolean[1];
        Thread waiter = new Thread(() -> {
            try {
                flushed[0] = session.awaitFlushed(System.nanoTime() + TimeUnit.MINUTES.toNanos(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (waiter.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(waiter.getState()).isEqualTo(Thread.State.TIMED_WAITING);

        transport.completeInline();
        transport.releaseOne();                       // 5a completes; 5b is written and completes at once

        waiter.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(waiter.isAlive()).isFalse();
        assertThat(flushed[0]).isTrue();
        assertThat(transport.written()).containsExactly("5a", "5b");
    }

    @Test
    void shouldReportFlushedOnceClosed() throws InterruptedException {
        ClientSession session = session(10, 10);
        transport.hold();
        deliver(session, "5a", "5b");

        session.close(1000, "bye");

        assertThat(session.awaitFlushed(System.nanoTime())).isTrue();
    }

    @ParameterizedTest(name = "{0} frames in flight")
    @ValueSource(ints = {1, 4})
    void shouldKeepPriorityOrderWhenMoreFollowTheLoneEventOfAnIdleOutbox(int maxInFlight) {
        FakeTransport socket = new FakeTransport(maxInFlight);
        ClientSession session = new ClientSession(socket, null, listener, 10, 10, Runnable::run);
        long fiveSecondsAgo = System.nanoTime() - TimeUnit.SECONDS.toNanos(5);

        session.deliverDeferred(frame("5a"), 5, fiveSecondsAgo);   // the lone event of an idle outbox
        session.deliverDeferred(frame("9a"), 9, System.nanoTime());
        session.deliverDeferred(frame("5b"), 5, System.nanoTime());
        session.deliverDeferred(frame("1a"), 1, System.nanoTime());
        assertThat(session.pendingEvents()).isEqualTo(4);
        session.flushDeferred(true);

        assertThat(socket.written()).containsExactly("9a", "5a", "5b", "1a");
        assertThat(listener.latencies()).hasSize(4);
        assertThat(listener.latencies().get(1)).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(5));
        assertThat(session.pendingEvents()).isZero();
    }

    @Test
    void shouldWriteAReplyBeforeTheLoneWaitingEventAndStillTimeTheEvent() {
        ClientSession session = deferringSession(10, 10);
        long fiveSecondsAgo = System.nanoTime() - TimeUnit.SECONDS.toNanos(5);

        session.deliverDeferred(frame("5a"), 5, fiveSecondsAgo);
        session.reply("pong");                        // writes at once: the reply, then the event

        assertThat(transport.written()).containsExactly("pong", "5a");
        assertThat(listener.latencies()).singleElement()
                .satisfies(nanos -> assertThat(nanos).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(5)));
        assertThat(listener.deliveredCount()).isEqualTo(1);
    }

    @Test
    void shouldApplyTheDropPolicyToTheLoneWaitingEvent() {
        ClientSession session = deferringSession(1, 100);

        session.deliverDeferred(frame("3a"), 3, System.nanoTime());
        session.deliverDeferred(frame("7a"), 7, System.nanoTime());   // evicts 3a
        session.deliverDeferred(frame("1a"), 1, System.nanoTime());   // dropped itself
        session.flushDeferred(true);

        assertThat(listener.slowConsumerDrops()).containsExactly(3, 1);
        assertThat(transport.written()).containsExactly("7a");
    }

    @Test
    void shouldCountTheLoneWaitingEventAsDroppedOnClose() {
        ClientSession session = deferringSession(10, 10);
        session.deliverDeferred(frame("7a"), 7, System.nanoTime());

        assertThat(session.close(1001, "going away")).isTrue();
        session.flushDeferred(true);

        assertThat(listener.disconnectDrops()).containsExactly(Map.entry(7, 1));
        assertThat(transport.written()).isEmpty();
        assertThat(session.pendingEvents()).isZero();
    }

    private ClientSession session(int capacity, int dropLimit) {
        return new ClientSession(transport, null, listener, capacity, dropLimit);
    }

    /**
     * A session whose writer is the calling thread, as the dispatcher's is in effect: a deferred
     * delivery waits until {@code flushDeferred}, where a session without a writer writes at once.
     */
    private ClientSession deferringSession(int capacity, int dropLimit) {
        return new ClientSession(transport, null, listener, capacity, dropLimit, Runnable::run);
    }

    /** A stalled peer: {@code 5a} in flight, and a full queue of three holding 3a, 3b, 7a. */
    private ClientSession stalledAndFull() {
        ClientSession session = session(3, 100);
        transport.hold();
        deliver(session, "5a", "3a", "3b", "7a");
        assertThat(session.pendingEvents()).isEqualTo(3);
        assertThat(listener.slowConsumerDrops()).isEmpty();
        return session;
    }

    private static java.nio.ByteBuffer frame(String text) {
        return java.nio.ByteBuffer.wrap(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Delivers frames named after their priority, e.g. {@code 10a} at priority 10. */
    private static void deliver(ClientSession session, String... frames) {
        for (String frame : frames) {
            Deliveries.deliver(session, frame, Integer.parseInt(frame.replaceAll("\\D.*$", "")));
        }
    }

    /** Lets the stalled socket catch up: completes what is held, and everything after inline. */
    private void releaseAll() {
        transport.completeInline();
        while (transport.inFlight() > 0) {
            transport.releaseOne();
        }
    }

    @Test
    void shouldHandOverWaitingFramesInGroupsFlushingOnlyAfterTheLast() {
        FakeTransport grouped = new FakeTransport(4);
        RecordingListener counts = new RecordingListener();
        ClientSession session = new ClientSession(grouped, null, counts, 100, 10);
        grouped.hold();
        Deliveries.deliver(session, "5a", 5);                       // a group of one, in flight
        for (String frame : new String[] {"5b", "5c", "5d", "5e", "5f", "5g"}) {
            Deliveries.deliver(session, frame, 5);
        }
        assertThat(grouped.written()).containsExactly("5a");
        grouped.releaseOne();                                       // next group: four frames
        assertThat(grouped.written()).containsExactly("5a", "5b", "5c", "5d", "5e");
        assertThat(grouped.flushes()).containsExactly(true, false, false, false, true);
        grouped.completeInline();
        for (int i = 0; i < 4; i++) {
            grouped.releaseOne();
        }
        assertThat(grouped.written()).containsExactly("5a", "5b", "5c", "5d", "5e", "5f", "5g");
        assertThat(counts.deliveredCount()).isEqualTo(7);
        assertThat(counts.latencies()).hasSize(7).allSatisfy(nanos -> assertThat(nanos).isNotNegative());
    }

    @Test
    void shouldGrowTheGroupToWhatTheTransportTakesWhenManyFramesWait() {
        FakeTransport wide = new FakeTransport(64);
        RecordingListener counts = new RecordingListener();
        ClientSession session = new ClientSession(wide, null, counts, 1000, 10);
        wide.hold();
        Deliveries.deliver(session, "5-0", 5);                      // a group of one, in flight
        List<String> expected = new ArrayList<>(List.of("5-0"));
        for (int i = 1; i <= 100; i++) {
            Deliveries.deliver(session, "5-" + i, 5);
            expected.add("5-" + i);
        }
        wide.releaseOne();                                          // next group: 64 frames at once
        List<Boolean> flushes = new ArrayList<>(List.of(true));    // the first group, then one flush per group
        for (int i = 1; i <= 64; i++) {
            flushes.add(i == 64);
        }
        assertThat(wide.written()).hasSize(65);
        assertThat(wide.flushes()).containsExactlyElementsOf(flushes);

        wide.completeInline();
        while (wide.inFlight() > 0) {
            wide.releaseOne();
        }
        assertThat(wide.written()).containsExactlyElementsOf(expected);
        assertThat(counts.deliveredCount()).isEqualTo(101);
    }
}
