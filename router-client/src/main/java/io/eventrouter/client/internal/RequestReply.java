package io.eventrouter.client.internal;

import io.eventrouter.client.EventRouterClient;
import io.eventrouter.client.Payloads;
import io.eventrouter.client.Responder;
import io.eventrouter.client.RouterException;
import io.eventrouter.client.RouterRejectedException;
import io.eventrouter.client.RouterTimeoutException;
import io.eventrouter.client.SubscriptionHandle;
import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.EventMetadata;
import io.eventrouter.protocol.ServerMessage;
import io.eventrouter.protocol.SubscriptionSpec;
import jakarta.json.Json;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Request/response over publish/subscribe. A request carries a {@code correlation_id} (the
 * caller's, or a fresh one) and, in {@code metadata.headers.reply_to}, this client's private
 * inbox topic; a responder publishes its answer to that topic with the same correlation id and
 * the request's id as {@code causation_id}. A responder that throws answers with the header
 * {@code error} set to its message.
 */
public final class RequestReply {
    /** Header naming the topic a reply goes to. */
    public static final String REPLY_TO = "reply_to";
    /** Header on a reply whose responder failed; the value is the failure message. */
    public static final String ERROR = "error";

    private final EventRouterClient client;
    private final RouterConnection connection;
    private final String inboxTopic = "_inbox." + UUID.randomUUID();
    private final Map<String, CompletableFuture<Event>> waiting = new ConcurrentHashMap<>();
    private volatile boolean inboxReady;

    public RequestReply(EventRouterClient client, RouterConnection connection) {
        this.client = client;
        this.connection = connection;
    }

    public CompletableFuture<Event> request(Event.Builder builder, Duration timeout) {
        ensureInbox();
        Event draft = builder.build();
        EventMetadata metadata = draft.metadata();
        String correlationId = metadata.correlationId() != null ? metadata.correlationId() : UUID.randomUUID().toString();
        Event request = draft.withMetadata(metadata.toBuilder().correlationId(correlationId)
                .header(REPLY_TO, inboxTopic).build());
        CompletableFuture<Event> reply = new CompletableFuture<>();
        if (waiting.putIfAbsent(correlationId, reply) != null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "A request with correlation_id '" + correlationId + "' is already waiting for its reply"));
        }
        client.publishAsync(request).whenComplete((result, failure) -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                fail(correlationId, cause instanceof RouterException ? cause
                        : new RouterException("Request on " + request.topic() + " failed: " + cause, cause));
            } else if (!result.queued()) {
                fail(correlationId, new RouterRejectedException(result.reason(),
                        "Request on " + request.topic() + " was dropped by the router: " + result.reason()));
            }
        });
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() ->
                fail(correlationId, new RouterTimeoutException("No response to the request on '" + request.topic()
                        + "' within " + timeout.toMillis() + " ms")));
        return reply;
    }

    public SubscriptionHandle respond(String pattern, Responder responder) {
        return client.on(pattern, request -> {
            String replyTo = request.metadata().headers().get(REPLY_TO);
            if (replyTo == null) {
                return;
            }
            EventMetadata.Builder metadata = EventMetadata.builder()
                    .correlationId(request.metadata().correlationId())
                    .causationId(request.id())
                    .traceId(request.metadata().traceId())
                    .tags(request.metadata().tags());
            Object answer;
            try {
                answer = responder.respond(request);
            } catch (Exception failure) {
                client.publishAsync(Event.builder(replyTo).type(request.type()).priority(request.priority())
                        .payload(Json.createObjectBuilder().add(ERROR, String.valueOf(failure.getMessage())).build())
                        .metadata(metadata.header(ERROR, String.valueOf(failure.getMessage())).build()).build());
                throw failure;
            }
            if (answer == null) {
                return;
            }
            client.publishAsync(Event.builder(replyTo).type(request.type()).priority(request.priority())
                    .payload(Payloads.toJson(answer)).metadata(metadata.build()).build());
        });
    }

    private void fail(String correlationId, Throwable failure) {
        CompletableFuture<Event> reply = waiting.remove(correlationId);
        if (reply != null) {
            reply.completeExceptionally(failure);
        }
    }

    private void ensureInbox() {
        if (inboxReady) {
            return;
        }
        synchronized (this) {
            if (inboxReady) {
                return;
            }
            ServerMessage answer = connection.await(connection.subscribeInternal(
                    SubscriptionSpec.builder().id(inboxTopic).topics(inboxTopic).build(), this::onReply),
                    "subscribe to the reply inbox");
            if (answer instanceof ServerMessage.Error error) {
                throw new io.eventrouter.client.RouterProtocolException(error.code(),
                        "Unable to subscribe to the reply inbox: " + error.error());
            }
            inboxReady = true;
        }
    }

    private void onReply(Event reply) {
        CompletableFuture<Event> waiter = waiting.remove(String.valueOf(reply.metadata().correlationId()));
        if (waiter == null) {
            return;
        }
        String error = reply.metadata().headers().get(ERROR);
        if (error != null) {
            waiter.completeExceptionally(new RouterException("The responder failed: " + error));
        } else {
            waiter.complete(reply);
        }
    }
}
