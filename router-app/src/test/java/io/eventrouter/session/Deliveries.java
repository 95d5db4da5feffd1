package io.eventrouter.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Queues event frames on a session as the dispatcher does with a batch's last event: deferred,
 * the write claimed with its group taken, then started on a writer.
 */
final class Deliveries {
    private Deliveries() {}

    static void deliver(ClientSession session, String frame, int priority) {
        deliver(session, ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)), priority);
    }

    static void deliver(ClientSession session, ByteBuffer frame, int priority) {
        deliver(session, frame, priority, System.nanoTime());
    }

    static void deliver(ClientSession session, ByteBuffer frame, int priority, long acceptedNanos) {
        if (session.deliverDeferredLast(frame, priority, acceptedNanos)) {
            session.flushTaken(false);
        }
    }
}
