package io.eventrouter.protocol;

import static io.eventrouter.protocol.Frames.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever one side encodes, the other decodes to an equal message. */
class ProtocolCodecRoundTripTest {
    /** Timestamps on the wire carry microseconds, so the instants here do too. */
    private static final Instant AT = Instant.parse("2026-11-27T04:10:41.123456Z");

    private static Event fullEvent() {
        return new Event("e1", "task.failed", "task.failed", 9, "agent-1", "agent-2",
                Json.createObjectBuilder().add("n", 1).add("tenth", 0.1).add("text", "h\u00e9llo \"quoted\"")
                        .add("list", Json.createArrayBuilder().add(true).addNull()).build(),
                new EventMetadata(AT.minusSeconds(5), "c1", "c0", "u1", "s1", "t1", "sp1",
                        Map.of("env", "prod", "team", "core"), Map.of("h", "v")),
                AT, "1.0", DeliveryStatus.RETRYING, 2, AT.plusMillis(1), "connection reset");
    }

    private static Event minimalEvent() {
        return Event.builder("a").timestamp(AT).build();
    }

    static Stream<Arguments> clientMessages() {
        JsonObject echo = Json.createObjectBuilder().add("seq", 1).add("note", "any json").build();
        return Stream.of(
                arguments("publish (full event)", new ClientMessage.Publish(fullEvent(), "r1")),
                arguments("publish (minimal event)", new ClientMessage.Publish(minimalEvent(), null)),
                arguments("subscribe (every filter)", new ClientMessage.Subscribe(new SubscriptionSpec("mine",
                        List.of("task.*", "#.failed", "a.#.z"), List.of("task.failed"), List.of(3, 7),
                        List.of("agent-1")), "r2")),
                arguments("subscribe (defaults)", new ClientMessage.Subscribe(SubscriptionSpec.of(), null)),
                arguments("unsubscribe", new ClientMessage.Unsubscribe("sub-1", "r3")),
                arguments("unsubscribe (no request id)", new ClientMessage.Unsubscribe("sub-1", null)),
                arguments("ping (object echo)", new ClientMessage.Ping(echo, "r4")),
                arguments("ping (string echo)", new ClientMessage.Ping(Json.createValue("x"), null)),
                arguments("ping (no echo)", new ClientMessage.Ping(JsonValue.NULL, null)),
                arguments("get_health", new ClientMessage.GetHealth("r5")),
                arguments("get_health (no request id)", new ClientMessage.GetHealth(null)),
                arguments("identify", new ClientMessage.Identify("worker-7", "r6")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientMessages")
    void shouldDecodeWhatTheClientEncodes(String name, ClientMessage message) throws ProtocolException {
        String frame = ProtocolCodec.encode(message);

        assertThat(ProtocolCodec.decodeClientMessage(frame)).isEqualTo(message);
        assertThat(parse(frame).getString("type")).isEqualTo(message.type());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientMessages")
    void shouldWriteRequestIdOnlyWhenPresent(String name, ClientMessage message) {
        JsonObject frame = parse(ProtocolCodec.encode(message));

        if (message.requestId() == null) {
            assertThat(frame).doesNotContainKey("request_id");
        } else {
            assertThat(frame.getString("request_id")).isEqualTo(message.requestId());
        }
    }

    static Stream<Arguments> serverMessages() {
        Health health = new Health(Health.DEGRADED, 12.5, 100, 2, 7, 3, 4, AT, List.of("queue 90% full"));
        Health fresh = new Health(Health.HEALTHY, 0.0, 0, 0, 0, 0, 0, null, List.of());
        JsonObject details = Json.createObjectBuilder()
                .add("queue_by_priority", Json.createArrayBuilder().add(1).add(0).add(6))
                .add("dropped", 5).build();
        return Stream.of(
                arguments("welcome", new ServerMessage.Welcome("client-1", AT, null)),
                arguments("welcome (named)", new ServerMessage.Welcome("client-1", AT, "worker-7")),
                arguments("event", new ServerMessage.EventDelivery("sub-1", fullEvent())),
                arguments("event (minimal)", new ServerMessage.EventDelivery("sub-1", minimalEvent())),
                arguments("event (no subscription)", new ServerMessage.EventDelivery(null, minimalEvent())),
                arguments("published (queued)", ServerMessage.Published.queued("e1", "r1")),
                arguments("published (dropped)", ServerMessage.Published.dropped("e1", "queue_full", "r1")),
                arguments("published (no request id)", ServerMessage.Published.queued("e1", null)),
                arguments("subscribed", new ServerMessage.Subscribed("sub-1", List.of("task.*", "#"), "r2")),
                arguments("unsubscribed", new ServerMessage.Unsubscribed("sub-1", "r3")),
                arguments("pong", new ServerMessage.Pong(AT, Json.createObjectBuilder().add("seq", 1).build(), "r4")),
                arguments("pong (no echo)", new ServerMessage.Pong(AT, JsonValue.NULL, null)),
                arguments("health", new ServerMessage.HealthReport(health, details, "r5")),
                arguments("health (fresh)", new ServerMessage.HealthReport(fresh, null, null)),
                arguments("identified", new ServerMessage.Identified("client-1", "worker-7", "r6")),
                arguments("error", new ServerMessage.Error("Field 'event.priority' must be ...",
                        ErrorCode.INVALID_PRIORITY, null, AT, "r7")),
                arguments("error (max clients)", new ServerMessage.Error("max_clients_reached",
                        ErrorCode.MAX_CLIENTS_REACHED, "Server is full (1000 clients)", AT, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverMessages")
    void shouldDecodeWhatTheServerEncodes(String name, ServerMessage message) throws ProtocolException {
        String frame = ProtocolCodec.encode(message);

        assertThat(ProtocolCodec.decodeServerMessage(frame)).isEqualTo(message);
        assertThat(parse(frame).getString("type")).isEqualTo(message.type());
    }

    static Stream<Arguments> replies() {
        Health health = new Health(Health.HEALTHY, 1.0, 0, 0, 0, 0, 0, null, List.of());
        return Stream.of(
                arguments("published", ServerMessage.Published.queued("e1", "req-9")),
                arguments("subscribed", new ServerMessage.Subscribed("sub-1", List.of("*"), "req-9")),
                arguments("unsubscribed", new ServerMessage.Unsubscribed("sub-1", "req-9")),
                arguments("pong", new ServerMessage.Pong(AT, JsonValue.NULL, "req-9")),
                arguments("health", new ServerMessage.HealthReport(health, null, "req-9")),
                arguments("identified", new ServerMessage.Identified("c", "n", "req-9")),
                arguments("error", new ServerMessage.Error("bad", ErrorCode.INVALID_FIELD, null, AT, "req-9")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void shouldEchoRequestIdOnTheReplyEnvelope(String name, ServerMessage reply) {
        JsonObject frame = parse(ProtocolCodec.encode(reply));

        assertThat(frame.getString("request_id")).isEqualTo("req-9");
    }

    @Test
    void shouldWriteHealthDetailsOnTheEnvelopeAndOnlyV2KeysInsideHealth() {
        Health health = new Health(Health.HEALTHY, 1.0, 0, 0, 0, 0, 0, null, List.of());
        JsonObject details = Json.createObjectBuilder().add("dropped", 5).build();

        JsonObject frame = parse(ProtocolCodec.encode(new ServerMessage.HealthReport(health, details, null)));

        assertThat(frame.keySet()).containsExactlyInAnyOrder("type", "health", "dropped");
        assertThat(frame.getJsonObject("health").keySet()).containsExactlyInAnyOrder("status", "uptime",
                "events_processed", "events_failed", "events_in_queue", "active_subscriptions",
                "connected_clients", "last_event_at", "errors");
    }
}
