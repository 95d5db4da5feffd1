package io.eventrouter.endpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.WebSocketConnection;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;

/**
 * A socket end point that writes out together whatever was sent while handling the messages
 * of one of its reads, just before it reads again.
 *
 * <p>A pipelining publisher's frames arrive many to a read. Each is answered ({@code
 * published}) and usually delivered to a subscriber or two, so written one by one every frame
 * costs a system call, which on a small machine is most of what routing costs. Instead,
 * frames sent by the thread handling a message read here ({@link #handling}), to this
 * connection or any other, are batched by Jetty, and those connections are flushed once that
 * thread has handled everything the read brought in: the next {@link #fill} flushes them before
 * it reads. A frame thus waits at most for the rest of one read's messages; a lone message's
 * frames go out as soon as it is handled, since the thread reads again right after it. The
 * busier a publisher, the more each write carries.
 *
 * <p>If this connection stops reading instead (its peer closed it, a frame was bad), the frames
 * still waiting are flushed when the router hears of it ({@link #stopDeferring}); from then on
 * nothing is deferred here. Frames sent by any other thread are written as before.
 */
public final class FlushBeforeReadEndPoint extends SocketChannelEndPoint {
    /** The end point whose message the current thread is handling, if any. */
    private static final ThreadLocal<FlushBeforeReadEndPoint> HANDLING = new ThreadLocal<>();
    /** Connections one read may leave waiting; frames to more are written at once. */
    private static final int MAX_WAITING = 16;
    /** {@link #waiting} once this connection reads no more: nothing is deferred then. */
    private static final CoreSession[] STOPPED = {};

    /**
     * The connections with frames waiting for {@link #fill}, up to the first null; null when
     * none, {@link #STOPPED} once stopped. One field, since every connection has one of these
     * and most never defer anything. Guarded by {@code this}.
     */
    private CoreSession[] waiting;

    public FlushBeforeReadEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key,
            Scheduler scheduler) {
        super(channel, selector, key, scheduler);
    }

    /** The end point under {@code session} if it is one of these, else null. */
    public static FlushBeforeReadEndPoint of(CoreSession session) {
        if (session instanceof WebSocketCoreSession core) {
            WebSocketConnection connection = core.getConnection();
            if (connection != null && connection.getEndPoint() instanceof FlushBeforeReadEndPoint endPoint) {
                return endPoint;
            }
        }
        return null;
    }

    /** The calling thread starts handling a message read here. */
    public void handling() {
        HANDLING.set(this);
    }

    /** The calling thread is done handling the message. */
    public void handled() {
        HANDLING.set(null);
    }

    /**
     * Whether a frame to send through {@code session} may wait in Jetty's batch: true when the
     * calling thread is handling a message read by one of these end points, which then flushes
     * {@code session} before it reads again.
     */
    static boolean deferFlush(CoreSession session) {
        FlushBeforeReadEndPoint reading = HANDLING.get();
        return reading != null && reading.flushBeforeRead(session);
    }

    private synchronized boolean flushBeforeRead(CoreSession session) {
        if (waiting == STOPPED) {
            return false;
        }
        if (waiting == null) {
            waiting = new CoreSession[2];
        }
        int count = 0;
        while (count < waiting.length && waiting[count] != null) {
            if (waiting[count++] == session) {
                return true;
            }
        }
        if (count == waiting.length) {
            if (count == MAX_WAITING) {
                return false;
            }
            waiting = Arrays.copyOf(waiting, count * 2);
        }
        waiting[count] = session;
        return true;
    }

    @Override
    public int fill(ByteBuffer buffer) throws IOException {
        // Read without the lock first, as most reads find nothing waiting: only the thread
        // that reads here defers frames here, so it sees every one it deferred.
        if (waiting != null) {
            flushWaiting(false);
        }
        return super.fill(buffer);
    }

    /**
     * This connection will not read again (a close frame came, it failed or it closed): flushes
     * what waits and defers nothing from now on. Any thread may call it, more than once.
     */
    public void stopDeferring() {
        flushWaiting(true);
    }

    private void flushWaiting(boolean stop) {
        CoreSession[] flush;
        synchronized (this) {
            flush = waiting;
            // Handed over whole: flushing runs outside the lock (it can call back into a
            // connection's outbox), while the reading thread may already defer new frames.
            if (flush != STOPPED) {
                waiting = stop ? STOPPED : null;
            }
        }
        if (flush == null || flush == STOPPED) {
            return;
        }
        // Other connections first: their frames are events a subscriber waits for, while this
        // connection's are mostly answers to a publisher that keeps sending meanwhile.
        CoreSession own = null;
        for (int i = 0; i < flush.length && flush[i] != null; i++) {
            if (own == null && of(flush[i]) == this) {
                own = flush[i];
            } else {
                flush[i].flush(Callback.NOOP);
            }
        }
        if (own != null) {
            own.flush(Callback.NOOP);
        }
    }
}
