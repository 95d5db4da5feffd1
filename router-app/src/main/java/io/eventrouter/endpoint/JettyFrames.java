package io.eventrouter.endpoint;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/** Writes through Jetty's core session, for {@link JettyConnection} and, on Jetty, {@link JakartaTransport}. */
final class JettyFrames {
    /** Frames handed to Jetty at once; beyond that they wait in the outbox, where drops apply. */
    static final int MAX_IN_FLIGHT = 64;

    private JettyFrames() {}

    /**
     * Hands over the bytes and lets small frames share one write unless {@code flush}. A frame
     * to flush still waits in the batch when the thread handling a message read by a {@link
     * FlushBeforeReadEndPoint} sends it: that end point flushes it before its next read.
     */
    static void send(Object core, ByteBuffer frame, boolean flush, Consumer<Throwable> done) {
        CoreSession session = (CoreSession) core;
        boolean batch = !flush || FlushBeforeReadEndPoint.deferFlush(session);
        session.sendFrame(new Frame(OpCode.TEXT, frame),
                Callback.from(Invocable.InvocationType.NON_BLOCKING, () -> done.accept(null), done), batch);
    }
}
