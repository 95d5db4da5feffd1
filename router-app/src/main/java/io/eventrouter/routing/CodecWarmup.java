package io.eventrouter.routing;

import io.eventrouter.protocol.ClientMessage;
import io.eventrouter.protocol.EncodedEvent;
import io.eventrouter.protocol.Health;
import io.eventrouter.protocol.ProtocolCodec;
import io.eventrouter.protocol.ProtocolException;
import io.eventrouter.protocol.ServerMessage;
import io.eventrouter.subscription.TopicIndex;
import java.time.Instant;
import java.util.List;

/**
 * Runs the protocol codec once over every kind of message as the router starts, so the first
 * client does not wait while the JVM loads and links it: on a fresh router on a 2-core machine
 * the first {@code subscribed} came 48 ms after its {@code subscribe}, 12 ms with this (2 ms
 * once warm). The same work would otherwise run on the first client's thread. Nothing built
 * here is kept, and the router's sessions, subscriptions and counters are not touched.
 */
final class CodecWarmup {
    /** A frame of each kind a client sends, in the shapes agents use, then two the router rejects. */
    static final List<String> FRAMES = List.of(
            "{\"type\":\"subscribe\",\"subscription\":{\"topics\":[\"warm.up\",\"warm.*\",\"warm.#\"],"
                    + "\"types\":[\"warm\"],\"min_priority\":1},\"request_id\":\"w\"}",
            "{\"type\":\"publish\",\"event\":{\"topic\":\"warm.up\",\"type\":\"warm\",\"priority\":5,"
                    + "\"payload\":{\"n\":1,\"list\":[true,null,\"s\"]},"
                    + "\"metadata\":{\"correlation_id\":\"c\",\"tags\":{\"k\":\"v\"}},"
                    + "\"timestamp\":\"2026-01-01T00:00:00.000001+00:00\"},\"request_id\":\"w\"}",
            "{\"type\":\"unsubscribe\",\"subscription_id\":\"w-1\",\"request_id\":\"w\"}",
            "{\"type\":\"ping\",\"request_id\":\"w\"}",
            "{\"type\":\"get_health\"}",
            "{\"type\":\"identify\",\"client_name\":\"w\"}",
            "{\"type\":\"no_such_message\"}",
            "{");

    private CodecWarmup() {}

    /**
     * Decodes every frame of {@link #FRAMES} and encodes a reply to each as the router would
     * (an event frame too, for the publish), after a welcome.
     *
     * @throws IllegalArgumentException if a frame is of a kind this has no reply for
     */
    static void run() {
        ProtocolCodec.encode(new ServerMessage.Welcome("warm-up", Instant.now(), "warm-up"));
        for (String frame : FRAMES) {
            ServerMessage reply;
            try {
                reply = replyTo(ProtocolCodec.decodeClientMessage(frame));
            } catch (ProtocolException problem) {
                reply = ServerMessage.Error.of(problem);
            }
            ProtocolCodec.encode(reply);
        }
    }

    private static ServerMessage replyTo(ClientMessage message) {
        if (message instanceof ClientMessage.Publish publish) {
            new EncodedEvent().encode(publish.event());
            return ServerMessage.Published.queued(publish.event().id(), message.requestId());
        }
        if (message instanceof ClientMessage.Subscribe subscribe) {
            TopicIndex<String> index = new TopicIndex<>();
            for (String pattern : subscribe.subscription().topics()) {
                index.add(pattern, pattern);
            }
            index.match("warm.up", match -> { });
            return new ServerMessage.Subscribed("w-1", subscribe.subscription().topics(), message.requestId());
        }
        if (message instanceof ClientMessage.Unsubscribe unsubscribe) {
            return new ServerMessage.Unsubscribed(unsubscribe.subscriptionId(), message.requestId());
        }
        if (message instanceof ClientMessage.Ping ping) {
            return new ServerMessage.Pong(Instant.now(), ping.echo(), message.requestId());
        }
        if (message instanceof ClientMessage.Identify identify) {
            return new ServerMessage.Identified("warm-up", identify.clientName(), message.requestId());
        }
        if (message instanceof ClientMessage.GetHealth) {
            Health health = new Health(Health.HEALTHY, 0, 0, 0, 0, 0, 0, Instant.now(), List.of());
            return new ServerMessage.HealthReport(health, null, message.requestId());
        }
        throw new IllegalArgumentException("No warm-up reply to a " + message.type() + " message");
    }
}
