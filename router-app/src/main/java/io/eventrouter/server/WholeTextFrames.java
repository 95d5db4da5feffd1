package io.eventrouter.server;

import io.eventrouter.endpoint.FlushBeforeReadEndPoint;
import io.eventrouter.endpoint.RouterEndpoint;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketFrameHandler;
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
 * Jetty's Jakarta frame handler for one router connection, except that messages are read here
 * and handed straight to the connection's {@link RouterEndpoint}: a text message in a single
 * frame (what clients send for messages of ordinary size) is decoded in place, one in several
 * frames is gathered first, and a binary message gets its error once its last frame is in.
 * Control frames, and the Jakarta session's opening and closing, go through Jetty's handler.
 * The endpoint the embedded server registers ({@code EmbeddedRouterEndpoint}) has no message
 * handlers of its own, so nothing else would read the messages.
 *
 * <p>The endpoint also hears of opening, closing and errors from here rather than through
 * Jetty: its metadata declares no such methods (see {@link DetachedFrameHandlers}), so Jetty
 * binds no method handles to each connection for them (about 220 bytes per connection).
 * The endpoint is told once Jetty has made the session, when a close frame arrives or the
 * connection ends, and of each error, which Jetty would otherwise log as unhandled.
 *
 * <p>Why: Jetty's Jakarta layer assembles every text message in a new {@code Utf8StringBuilder}
 * of the session's input buffer size (4 kB), decoding byte by byte; profiles of pipelined
 * publishing put a fifth of the reading thread's time and a third of the router's garbage
 * there. The endpoint receives the same text either way; a message over the text message
 * limit closes the connection with 1009 and one that is not UTF-8 with 1007, as with Jetty.
 *
 * <p>Frames often arrive in pieces: with auto-fragmentation (which must stay on, or Jetty would
 * refuse to send an event frame larger than the incoming frame limit) Jetty passes on the part
 * of a frame its read buffer holds as a fragment, and a pipelining client's frames straddle
 * reads all the time.
 */
final class WholeTextFrames implements FrameHandler {
    private final JakartaWebSocketFrameHandler jakarta;
    private final RouterEndpoint endpoint;
    /** The kind of message under way (text, binary, or none), which its continuation frames extend. */
    private byte continuing = OpCode.UNDEFINED;
    /** The fragments so far of a text message; null between messages. */
    private byte[] gathered;
    private int gatheredLength;

    WholeTextFrames(JakartaWebSocketFrameHandler jakarta, RouterEndpoint endpoint) {
        this.jakarta = jakarta;
        this.endpoint = endpoint;
    }

    @Override
    public void onOpen(CoreSession coreSession, Callback callback) {
        // Jetty completes its callback once the Jakarta session exists and before it reads a frame.
        jakarta.onOpen(coreSession, Callback.from(() -> {
            try {
                endpoint.onOpen(jakarta.getSession());
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
        if (opCode == OpCode.TEXT || opCode == OpCode.CONTINUATION && continuing == OpCode.TEXT) {
            onText(frame, callback);
        } else if (opCode == OpCode.BINARY || opCode == OpCode.CONTINUATION) {
            onBinary(frame, callback);
        } else {
            if (opCode == OpCode.CLOSE) {
                stopDeferring();
                endpoint.handleClosed();
            }
            jakarta.onFrame(frame, callback);
        }
    }

    /** The router takes no binary messages: their bytes are skipped, and the last frame answered. */
    private void onBinary(Frame frame, Callback callback) {
        continuing = frame.isFin() ? OpCode.UNDEFINED : OpCode.BINARY;
        if (frame.isFin()) {
            try {
                endpoint.handleBinary();
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
            text = frame.isFin() && gathered == null ? StrictUtf8.decode(payload(frame)) : gather(frame);
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

    /** Hands a whole message to the endpoint; what that writes may wait for the rest of this read. */
    private void handle(CharSequence text, CoreSession core) {
        FlushBeforeReadEndPoint socket = FlushBeforeReadEndPoint.of(core);
        if (socket == null) {
            endpoint.handleText(text);
            return;
        }
        socket.handling();
        try {
            endpoint.handleText(text);
        } finally {
            socket.handled();
        }
    }

    /**
     * This connection will read no more: frames its reading thread left waiting (for it or for
     * other connections) go out now rather than at a read that will not come.
     */
    private void stopDeferring() {
        if (jakarta.getSession() == null) {
            return; // never opened: nothing was read, so nothing waits
        }
        FlushBeforeReadEndPoint socket = FlushBeforeReadEndPoint.of(core());
        if (socket != null) {
            socket.stopDeferring();
        }
    }

    /** Jetty's session, reached through its Jakarta one rather than kept in a field of its own. */
    private CoreSession core() {
        return jakarta.getSession().getCoreSession();
    }

    /** Adds a fragment; the whole message once its last fragment is in, else null. */
    private CharSequence gather(Frame frame) throws CharacterCodingException {
        ByteBuffer payload = payload(frame);
        int length = payload.remaining();
        long limit = core().getMaxTextMessageSize();
        if (limit > 0 && (long) gatheredLength + length > limit) {
            throw new MessageTooLargeException("Text message too large: more than " + limit + " bytes");
        }
        if (gathered == null) {
            gathered = new byte[Math.max(length * 2, 256)];
        } else if (gathered.length - gatheredLength < length) {
            gathered = Arrays.copyOf(gathered, Math.max(gatheredLength + length, gathered.length * 2));
        }
        payload.get(payload.position(), gathered, gatheredLength, length);
        gatheredLength += length;
        if (!frame.isFin()) {
            continuing = OpCode.TEXT;
            return null;
        }
        byte[] message = gathered;
        int messageLength = gatheredLength;
        reset();
        return StrictUtf8.decode(ByteBuffer.wrap(message, 0, messageLength));
    }

    private static ByteBuffer payload(Frame frame) {
        return frame.hasPayload() ? frame.getPayload() : BufferUtil.EMPTY_BUFFER;
    }

    private void reset() {
        gathered = null;
        gatheredLength = 0;
        continuing = OpCode.UNDEFINED;
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        stopDeferring();
        try {
            endpoint.onError(jakarta.getSession(), cause);
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
            endpoint.handleClosed();
        } finally {
            jakarta.onClosed(closeStatus, callback);
        }
    }
}
