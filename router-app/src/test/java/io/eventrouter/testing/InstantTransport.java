package io.eventrouter.testing;

import io.eventrouter.session.Transport;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * A socket for sessions built without a server: every send completes at once and is forgotten,
 * closing does nothing. Tests that watch the frames, or complete them otherwise, override
 * {@link #send}.
 */
public class InstantTransport implements Transport {

    @Override
    public void send(ByteBuffer frame, boolean flush, Consumer<Throwable> done) {
        done.accept(null);
    }

    @Override
    public void close(int code, String reason) {}

    @Override
    public void abort() {}

    @Override
    public String remoteAddress() {
        return "test";
    }
}
