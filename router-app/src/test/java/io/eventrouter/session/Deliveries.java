package io.eventrouter.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Queues event frames on a session as the dispatcher does: deferred, then the claimed write started on a writer. */
final class Deliveries {
    private Deliveries() {}

    static void deliver(ClientSession session, String frame, int priority) {
        deliver(session, ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)), priority);
    }

    static void deliver(ClientSession session, ByteBuffer frame, int priority) {
        deliver(session, frame, priority, System.nanoTime());
    }

    static void deliver(ClientSession session, ByteBuffer frame, int priority, long acceptedNanos) {
        if (session.deliverDeferred(frame, priority, acceptedNanos)) {
            session.flushDeferred(false);
        }
    }
}
