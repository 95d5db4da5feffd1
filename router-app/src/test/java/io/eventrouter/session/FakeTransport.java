package io.eventrouter.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * A socket that records every frame handed to it. By default a send completes inline, before
 * {@code send} returns (a fast socket); after {@link #hold()} sends stay in flight (a stalled
 * peer) until {@link #releaseOne()} or {@link #failOne(Throwable)} completes the oldest.
 */
final class FakeTransport implements Transport {
    private final List<String> written = new ArrayList<>();
    private final List<Boolean> flushes = new ArrayList<>();
    private final int maxInFlight;
    private final Deque<Consumer<Throwable>> inFlight = new ArrayDeque<>();
    private boolean holding;
    private RuntimeException throwOnSend;
    private int closeCode = -1;
    private String closeReason;
    private int aborts;
    private String connectionId;

    FakeTransport() {
        this(1);
    }

    /** A transport that accepts {@code maxInFlight} frames before the first completes. */
    FakeTransport(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    @Override
    public int maxInFlight() {
        return maxInFlight;
    }

    /** The flush flag of every frame, in send order. */
    synchronized List<Boolean> flushes() {
        return new ArrayList<>(flushes);
    }

    @Override
    public void send(ByteBuffer bytes, boolean flush, Consumer<Throwable> done) {
        Consumer<Throwable> completion;
        synchronized (this) {
            if (throwOnSend != null) {
                throw throwOnSend;
            }
            written.add(StandardCharsets.UTF_8.decode(bytes.duplicate()).toString());
            flushes.add(flush);
            if (holding) {
                inFlight.addLast(done);
                return;
            }
            completion = done;
        }
        completion.accept(null);
    }

    /** Keeps later sends in flight until released. */
    synchronized void hold() {
        holding = true;
    }

    /** Completes later sends inline again; sends already held stay held. */
    synchronized void completeInline() {
        holding = false;
    }

    /** Makes {@code send} throw instead of sending. */
    synchronized void throwOnSend(RuntimeException failure) {
        throwOnSend = failure;
    }

    /** Completes the oldest held send successfully, on the calling thread. */
    void releaseOne() {
        complete(null);
    }

    /** Completes the oldest held send with a failure, on the calling thread. */
    void failOne(Throwable failure) {
        complete(failure);
    }

    private void complete(Throwable failure) {
        Consumer<Throwable> done;
        synchronized (this) {
            done = inFlight.pollFirst();
        }
        if (done == null) {
            throw new IllegalStateException("no send in flight");
        }
        done.accept(failure);
    }

    synchronized int inFlight() {
        return inFlight.size();
    }

    /** Every frame passed to send, in order (including the ones still in flight). */
    synchronized List<String> written() {
        return new ArrayList<>(written);
    }

    @Override
    public synchronized void close(int code, String reason) {
        closeCode = code;
        closeReason = reason;
    }

    synchronized int closeCode() {
        return closeCode;
    }

    synchronized String closeReason() {
        return closeReason;
    }

    @Override
    public synchronized void abort() {
        aborts++;
    }

    synchronized int aborts() {
        return aborts;
    }

    @Override
    public String remoteAddress() {
        return "127.0.0.1:50000";
    }

    /** Offers {@code id} as the connection's id, as Jetty's transport offers its session id. */
    FakeTransport withConnectionId(String id) {
        connectionId = id;
        return this;
    }

    @Override
    public String connectionId() {
        return connectionId;
    }
}
