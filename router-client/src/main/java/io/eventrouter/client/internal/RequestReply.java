package io.eventrouter.client.internal;

import io.eventrouter.client.EventRouterClient;
import io.eventrouter.client.Payloads;
import io.eventrouter.client.Responder;
import io.eventrouter.client.RouterException;
import io.eventrouter.client.RouterTimeoutException;
import io.eventrouter.client.SubscriptionHandle;
import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.EventMetadata;
import io.eventrouter.protocol.SubscriptionSpec;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Request/response over publish/subscribe. A request carries a fresh {@code correlation_id}
 * and, in {@code metadata.headers.reply_to}, this client's private inbox topic; a responder
 * publishes its answer to that topic with the same correlation id.
 */
public final class RequestReply {
    /** Header naming the topic a reply goes to. */
    public static final String REPLY_TO = "reply_to";

    private final EventRouterClient client;
    private final String inboxTopic = "_inbox." + UUID.randomUUID();
    private final Map<String, CompletableFuture<Event>> waiting = new ConcurrentHashMap<>();
    private volatile SubscriptionHandle inbox;

    public RequestReply(EventRouterClient client) {
        this.client = client;
    }

    public CompletableFuture<Event> request(Event.Builder builder, Duration timeout) {
        ensureInbox();
        String correlationId = UUID.randomUUID().toString();
        Event request = builder.metadata(EventMetadata.builder().correlationId(correlationId)
                .header(REPLY_TO, inboxTopic).build()).build();
        CompletableFuture<Event> reply = new CompletableFuture<>();
        waiting.put(correlationId, reply);
        client.publishAsync(request).whenComplete((result, failure) -> {
            if (failure != null) {
                fail(correlationId, failure instanceof RouterException ? failure
                        : new RouterException("Request on " + request.topic() + " failed: " + failure.getMessage(), failure));
            } else if (!result.queued()) {
                fail(correlationId, new io.eventrouter.client.RouterRejectedException(result.reason(),
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
            Object answer = responder.respond(request);
            if (answer == null) {
                return;
            }
            client.publishAsync(Event.builder(replyTo)
                    .type(request.type())
                    .priority(request.priority())
                    .payload(Payloads.toJson(answer))
                    .metadata(EventMetadata.builder().correlationId(request.metadata().correlationId())
                            .causationId(request.id()).traceId(request.metadata().traceId()).build())
                    .build());
        });
    }

    private void fail(String correlationId, Throwable failure) {
        CompletableFuture<Event> reply = waiting.remove(correlationId);
        if (reply != null) {
            reply.completeExceptionally(failure);
        }
    }

    private void ensureInbox() {
        if (inbox != null) {
            return;
        }
        synchronized (this) {
            if (inbox == null) {
                inbox = client.subscribe(SubscriptionSpec.builder().id(inboxTopic).topics(inboxTopic).build(), event -> {
                    CompletableFuture<Event> reply = waiting.remove(String.valueOf(event.metadata().correlationId()));
                    if (reply != null) {
                        reply.complete(event);
                    }
                });
            }
        }
    }
}
