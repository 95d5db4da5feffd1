package io.eventrouter.endpoint;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/** Writes through Jetty's core session; used by {@link JakartaTransport} only on Jetty. */
final class JettyFrames {
    private JettyFrames() {}

    /** Hands over the bytes and lets small frames share one write unless {@code flush}. */
    static void send(Object core, ByteBuffer frame, boolean flush, Consumer<Throwable> done) {
        ((CoreSession) core).sendFrame(new Frame(OpCode.TEXT, frame),
                Callback.from(Invocable.InvocationType.NON_BLOCKING, () -> done.accept(null), done), !flush);
    }
}
