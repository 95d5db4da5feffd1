package io.eventrouter.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * A generator-side WebSocket connection on Jetty's core client: reassembles text messages and
 * hands each to {@link #onText} as bytes, on the thread that read it, one at a time. Subclasses
 * complete {@link #ready} once the connection is usable (welcome received, subscription
 * confirmed).
 */
abstract class Connection implements FrameHandler {
    private static final byte[] WELCOME = Ascii.bytes("{\"type\":\"welcome\"");
    private static final byte[] CLIENT_ID = Ascii.bytes("\"client_id\":\"");

    final CompletableFuture<Connection> ready = new CompletableFuture<>();
    final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
    final Counters counters;
    private volatile CoreSession session;
    private volatile String clientId;
    private ByteArrayOutputStream partial;

    Connection(Counters counters) {
        this.counters = counters;
    }

    /** Handles one complete text message; {@code data} is owned by the callee. */
    abstract void onText(byte[] data);

    @Override
    public void onOpen(CoreSession coreSession, Callback callback) {
        session = coreSession;
        callback.succeeded();
        coreSession.demand();
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        try {
            byte opCode = frame.getOpCode();
            if (opCode == OpCode.TEXT || opCode == OpCode.CONTINUATION) {
                ByteBuffer buffer = frame.getPayload();
                byte[] data = new byte[buffer == null ? 0 : buffer.remaining()];
                if (buffer != null) {
                    buffer.get(data);
                }
                if (opCode == OpCode.TEXT && frame.isFin()) {
                    onText(data);
                } else {
                    if (partial == null) {
                        partial = new ByteArrayOutputStream();
                    }
                    partial.writeBytes(data);
                    if (frame.isFin()) {
                        byte[] whole = partial.toByteArray();
                        partial = null;
                        onText(whole);
                    }
                }
            }
        } catch (RuntimeException e) {
            counters.errors.increment();
            counters.note("frame handling failed: " + e);
        } finally {
            callback.succeeded();
            session.demand();
        }
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        ready.completeExceptionally(cause);
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        ready.completeExceptionally(new IllegalStateException("closed before ready: " + closeStatus));
        closed.complete(closeStatus);
        callback.succeeded();
    }

    /** Reads the client id from a {@code welcome} frame; false if {@code data} is not one. */
    final boolean welcome(byte[] data) {
        if (!Ascii.startsWith(data, data.length, WELCOME)) {
            return false;
        }
        int at = Ascii.indexOf(data, 0, data.length, CLIENT_ID);
        int end = at < 0 ? -1 : Ascii.indexOf(data, at + CLIENT_ID.length, data.length, new byte[] {'"'});
        clientId = end < 0 ? "unknown" : Ascii.string(data, at + CLIENT_ID.length, end);
        return true;
    }

    final String clientId() {
        return clientId;
    }

    final void send(byte[] frame) {
        CoreSession current = session;
        if (current == null) {
            counters.sendFailures.increment();
            return;
        }
        current.sendFrame(new Frame(OpCode.TEXT, ByteBuffer.wrap(frame)), new Callback() {
            @Override
            public void failed(Throwable x) {
                counters.sendFailures.increment();
            }
        }, false);
    }

    /** Starts the close handshake; {@link #closed} completes when it is done. */
    final void close() {
        CoreSession current = session;
        if (current != null) {
            current.close(CloseStatus.NORMAL, "bench done", Callback.NOOP);
        } else {
            closed.complete(null);
        }
    }

    final void abort() {
        CoreSession current = session;
        if (current != null) {
            current.abort();
        }
    }

    /** Waits for the close handshake; true if it finished in time. */
    final boolean awaitClosed(long timeoutMillis) {
        try {
            closed.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }
}
