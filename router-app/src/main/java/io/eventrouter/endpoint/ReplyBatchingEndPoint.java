package io.eventrouter.endpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.WebSocketConnection;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;

/**
 * A socket end point whose connection's answers to what it read are written together, just
 * before it reads again.
 *
 * <p>A pipelining publisher's frames arrive many to a read, and each is answered ({@code
 * published}). Written one by one, every answer costs a system call, which on a small machine
 * is most of what publishing costs. Instead, frames sent to this connection by the thread
 * handling a message read here ({@link #handling}) are batched by Jetty, and the batch is
 * flushed once that thread has handled everything the read brought in: the next {@link #fill}
 * flushes before it reads. An answer thus waits at most for the rest of one read's messages,
 * and a lone message is answered as soon as it is handled, since the thread reads again right
 * after it.
 *
 * <p>Frames sent by any other thread, or to any other connection, are written as before: only
 * this connection's own reading thread flushes here, and it always reads again unless the
 * connection is closing (when Jetty's close frame flushes the batch).
 */
public final class ReplyBatchingEndPoint extends SocketChannelEndPoint {
    /**
     * The thread handling a message read here, while it does; else null. Plain, not volatile:
     * other threads only compare it with themselves, and a thread always sees its own writes.
     */
    private Thread handler;
    /** The session whose batched frames the next read must flush first; only {@link #handler} sets it. */
    private CoreSession flushBeforeRead;

    public ReplyBatchingEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler) {
        super(channel, selector, key, scheduler);
    }

    /** The end point under {@code session} if it is one of these, else null. */
    public static ReplyBatchingEndPoint of(CoreSession session) {
        if (session instanceof WebSocketCoreSession core) {
            WebSocketConnection connection = core.getConnection();
            if (connection != null && connection.getEndPoint() instanceof ReplyBatchingEndPoint batching) {
                return batching;
            }
        }
        return null;
    }

    /** The calling thread starts handling a message read here. */
    public void handling() {
        handler = Thread.currentThread();
    }

    /** The calling thread is done handling the message. */
    public void handled() {
        handler = null;
    }

    /**
     * Whether a frame to send through {@code session} (this end point's) may wait in Jetty's
     * batch: true when the calling thread is handling a message read here, which then flushes
     * the batch before it reads again.
     */
    boolean deferFlush(CoreSession session) {
        if (handler != Thread.currentThread()) {
            return false;
        }
        flushBeforeRead = session;
        return true;
    }

    @Override
    public int fill(ByteBuffer buffer) throws IOException {
        CoreSession pending = flushBeforeRead;
        if (pending != null) {
            flushBeforeRead = null;
            pending.flush(Callback.NOOP);
        }
        return super.fill(buffer);
    }
}
