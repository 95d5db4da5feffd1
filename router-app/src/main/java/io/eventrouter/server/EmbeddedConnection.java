package io.eventrouter.server;

import io.eventrouter.endpoint.EmbeddedRouterEndpoint;
import io.eventrouter.endpoint.FlushBeforeReadEndPoint;
import io.eventrouter.endpoint.JettyConnection;
import io.eventrouter.routing.Router;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketFrameHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSession;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.exception.BadPayloadException;
import org.eclipse.jetty.websocket.core.exception.MessageTooLargeException;

/**
 * One connection of the embedded server: Jetty's Jakarta frame handler for it, except that
 * messages are read here and handed straight to the protocol ({@link
 * io.eventrouter.endpoint.ClientConnection}, which this is, as it is its own transport): a
 * text message in a single frame (what clients send for messages of ordinary size) is decoded
 * in place, one in several frames is gathered first, and a binary message gets its error once
 * its last frame is in. Control frames, and the Jakarta session's opening and closing, go
 * through Jetty's handler. The endpoint the embedded server registers ({@link
 * EmbeddedRouterEndpoint}, one for all connections) has no message handlers of its own, so
 * nothing else would read the messages.
 *
 * <p>The connection also hears of opening, closing and errors here rather than through Jetty:
 * the endpoint's metadata declares no such methods (see {@link DetachedFrameHandlers}), so
 * Jetty binds no method handles to each connection for them (about 220 bytes per connection).
 * The router is told once Jetty has made the session, when a close frame arrives or the
 * connection ends, and of each error, which Jetty would otherwise log as unhandled. Frame
 * reading, transport and protocol state of a connection are this one object of 32 bytes
 * (the router's own session, outbox and subscriptions aside).
 *
 * <p>Why read messages here: Jetty's Jakarta layer assembles every text message in a new
 * {@code Utf8StringBuilder} of the session's input buffer size (4 kB), decoding byte by byte;
 * profiles of pipelined publishing put a fifth of the reading thread's time and a third of
 * the router's garbage there. The router receives the same text either way; a message over
 * the text message limit closes the connection with 1009 and one that is not UTF-8 with
 * 1007, as with Jetty.
 *
 * <p>Frames often arrive in pieces: with auto-fragmentation (which must stay on, or Jetty would
 * refuse to send an event frame larger than the incoming frame limit) Jetty passes on the part
 * of a frame its read buffer holds as a fragment, and a pipelining client's frames straddle
 * reads all the time.
 */
final class EmbeddedConnection extends JettyConnection implements FrameHandler {
    /** {@link #pending} while the frames of a binary message are being skipped. */
    private static final Fragments BINARY = new Fragments(0);

    private final JakartaWebSocketFrameHandler jakarta;
    /**
     * The message under way across frames: null between messages, {@link #BINARY}, or the
     * text gathered so far. One field rather than three, since few messages come in pieces.
     */
    private Fragments pending;

    EmbeddedConnection(JakartaWebSocketFrameHandler jakarta, Router router) {
        super(router);
        this.jakarta = jakarta;
    }

    @Override
    protected JakartaWebSocketSession session() {
        return jakarta.getSession();
    }

    @Override
    public void onOpen(CoreSession coreSession, Callback callback) {
        // Jetty completes its callback once the Jakarta session exists and before it reads a frame.
        jakarta.onOpen(coreSession, Callback.from(() -> {
            try {
                admit();
            } catch (Throwable failure) {
                callback.failed(failure);
                return;
            }
            callback.succeeded();
        }, callback::failed));
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        byte opCode = frame.getOpCode();
        if (opCode == OpCode.TEXT || opCode == OpCode.CONTINUATION && pending != null && pending != BINARY) {
            onText(frame, callback);
        } else if (opCode == OpCode.BINARY || opCode == OpCode.CONTINUATION) {
            onBinary(frame, callback);
        } else {
            if (opCode == OpCode.CLOSE) {
                stopDeferring();
                handleClosed();
            }
            jakarta.onFrame(frame, callback);
        }
    }

    /** The router takes no binary messages: their bytes are skipped, and the last frame answered. */
    private void onBinary(Frame frame, Callback callback) {
        pending = frame.isFin() ? null : BINARY;
        if (frame.isFin()) {
            try {
                handleBinary();
            } catch (Throwable failure) {
                callback.failed(failure);
                return;
            }
        }
        callback.succeeded();
        core().demand();
    }

    private void onText(Frame frame, Callback callback) {
        CharSequence text;
        try {
            text = frame.isFin() && pending == null ? StrictUtf8.decode(payload(frame)) : gather(frame);
        } catch (CharacterCodingException malformed) {
            reset();
            callback.failed(new BadPayloadException("Invalid UTF-8", malformed));
            return;
        } catch (MessageTooLargeException tooLarge) {
            reset();
            callback.failed(tooLarge);
            return;
        }
        CoreSession core = core();
        if (text != null) {
            try {
                handle(text, core);
            } catch (Throwable failure) {
                callback.failed(failure);
                return;
            }
        }
        callback.succeeded();
        core.demand();
    }

    /** Hands a whole message to the protocol; what that writes may wait for the rest of this read. */
    private void handle(CharSequence text, CoreSession core) {
        FlushBeforeReadEndPoint socket = FlushBeforeReadEndPoint.of(core);
        if (socket == null) {
            handleText(text);
            return;
        }
        socket.handling();
        try {
            handleText(text);
        } finally {
            socket.handled();
        }
    }

    /**
     * This connection will read no more: frames its reading thread left waiting (for it or for
     * other connections) go out now rather than at a read that will not come.
     */
    private void stopDeferring() {
        if (session() == null) {
            return; // never opened: nothing was read, so nothing waits
        }
        FlushBeforeReadEndPoint socket = FlushBeforeReadEndPoint.of(core());
        if (socket != null) {
            socket.stopDeferring();
        }
    }

    /** Jetty's session, reached through its Jakarta one rather than kept in a field of its own. */
    private CoreSession core() {
        return session().getCoreSession();
    }

    /** Adds a fragment; the whole message once its last fragment is in, else null. */
    private CharSequence gather(Frame frame) throws CharacterCodingException {
        ByteBuffer payload = payload(frame);
        // Never the shared binary marker: a text frame cannot follow an unfinished binary
        // message (Jetty closes with 1002 first), and if one did it would start a message.
        Fragments fragments = pending == BINARY ? null : pending;
        long gathered = fragments == null ? 0 : fragments.length;
        long limit = core().getMaxTextMessageSize();
        if (limit > 0 && gathered + payload.remaining() > limit) {
            throw new MessageTooLargeException("Text message too large: more than " + limit + " bytes");
        }
        if (fragments == null) {
            fragments = new Fragments(Math.max(payload.remaining() * 2, 256));
            pending = fragments;
        }
        fragments.append(payload);
        if (!frame.isFin()) {
            return null;
        }
        reset();
        return StrictUtf8.decode(fragments.whole());
    }

    private static ByteBuffer payload(Frame frame) {
        return frame.hasPayload() ? frame.getPayload() : BufferUtil.EMPTY_BUFFER;
    }

    private void reset() {
        pending = null;
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        stopDeferring();
        try {
            handleError(session(), cause);
        } catch (Throwable failure) {
            failure.addSuppressed(cause);
            callback.failed(failure);
            return;
        }
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        stopDeferring();
        try {
            handleClosed();
        } finally {
            jakarta.onClosed(closeStatus, callback);
        }
    }

    /** The bytes of a text message's frames so far. */
    private static final class Fragments {
        private byte[] bytes;
        private int length;

        Fragments(int capacity) {
            bytes = new byte[capacity];
        }

        void append(ByteBuffer payload) {
            int more = payload.remaining();
            if (bytes.length - length < more) {
                bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
            }
            payload.get(payload.position(), bytes, length, more);
            length += more;
        }

        ByteBuffer whole() {
            return ByteBuffer.wrap(bytes, 0, length);
        }
    }
}
