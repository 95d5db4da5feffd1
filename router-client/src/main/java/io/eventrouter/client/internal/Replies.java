package io.eventrouter.client.internal;

import io.eventrouter.client.RouterConnectException;
import io.eventrouter.client.RouterTimeoutException;
import io.eventrouter.protocol.ServerMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Requests awaiting the reply that echoes their {@code request_id}, each with a timeout. */
final class Replies {
    private final Map<String, CompletableFuture<ServerMessage>> pending = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private final String prefix;
    private final ScheduledExecutorService scheduler;

    Replies(String prefix, ScheduledExecutorService scheduler) {
        this.prefix = prefix;
        this.scheduler = scheduler;
    }

    String nextId() {
        return prefix + counter.incrementAndGet();
    }

    /** Registers a request; it fails with a timeout unless answered within {@code timeout}. */
    CompletableFuture<ServerMessage> expect(String requestId, Duration timeout, String what) {
        CompletableFuture<ServerMessage> reply = new CompletableFuture<>();
        pending.put(requestId, reply);
        scheduler.schedule(() -> {
            if (pending.remove(requestId, reply)) {
                reply.completeExceptionally(new RouterTimeoutException(
                        "No reply to " + what + " within " + timeout.toMillis() + " ms"));
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        return reply;
    }

    /** Completes the request a reply belongs to; false when nobody waits for it. */
    boolean complete(String requestId, ServerMessage reply) {
        CompletableFuture<ServerMessage> waiting = requestId == null ? null : pending.remove(requestId);
        if (waiting == null) {
            return false;
        }
        waiting.complete(reply);
        return true;
    }

    void fail(String requestId, Throwable failure) {
        CompletableFuture<ServerMessage> waiting = pending.remove(requestId);
        if (waiting != null) {
            waiting.completeExceptionally(failure);
        }
    }

    /** The connection is gone: nothing sent on it will be answered. */
    void failAll(String why) {
        List<String> ids = new ArrayList<>(pending.keySet());
        for (String id : ids) {
            fail(id, new RouterConnectException(why));
        }
    }
}
