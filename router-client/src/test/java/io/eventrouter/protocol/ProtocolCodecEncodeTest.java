package io.eventrouter.protocol;

import static io.eventrouter.protocol.Frames.json;
import static io.eventrouter.protocol.Frames.parse;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the router writes inside {@code event}: exactly the V2 keys (Python clients build
 * dataclasses with {@code **data}), offset timestamps with microseconds, bare integers.
 */
class ProtocolCodecEncodeTest {
    private static final String[] EVENT_KEYS = {"id", "topic", "type", "priority", "source", "target", "payload",
        "metadata", "timestamp", "version", "delivery_status", "delivery_attempts", "last_delivery_attempt",
        "delivery_error"};
    private static final String[] METADATA_KEYS = {"created_at", "correlation_id", "causation_id", "user_id",
        "session_id", "trace_id", "span_id", "tags", "headers"};
    private static final String MICROS_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+00:00";

    static Stream<Event> events() {
        Instant at = Instant.parse("2026-11-27T04:10:41.123456Z");
        Event minimal = Event.builder("task.created").timestamp(at).build();
        Event full = new Event("e1", "task.failed", "task.failed", 9, "agent-1", "agent-2",
                Json.createObjectBuilder().add("n", 1).build(),
                new EventMetadata(at, "c1", "c0", "u1", "s1", "t1", "sp1", Map.of("env", "prod"), Map.of("h", "v")),
                at, "1.0", DeliveryStatus.DEAD_LETTER, 3, at.plusSeconds(1), "timed out");
        Event noMetadataTime = Event.builder("a").timestamp(at)
                .metadata(new EventMetadata(null, null, null, null, null, null, null, null, null)).build();
        return Stream.of(minimal, full, noMetadataTime);
    }

    @ParameterizedTest
    @MethodSource("events")
    void shouldWriteExactlyTheV2EventKeys(Event event) {
        JsonObject written = parse(ProtocolCodec.encodeEvent(event));

        assertThat(written.keySet()).containsExactlyInAnyOrder(EVENT_KEYS);
        assertThat(written.getJsonObject("metadata").keySet()).containsExactlyInAnyOrder(METADATA_KEYS);
    }

    @ParameterizedTest
    @MethodSource("events")
    void shouldWriteExactlyTheV2KeysInsideEveryEventEnvelope(Event event) {
        JsonObject delivery = parse(ProtocolCodec.encode(new ServerMessage.EventDelivery("sub-1", event)));
        JsonObject publish = parse(ProtocolCodec.encode(new ClientMessage.Publish(event, "r1")));

        assertThat(delivery.keySet()).containsExactlyInAnyOrder("type", "subscription_id", "event");
        assertThat(delivery.getJsonObject("event").keySet()).containsExactlyInAnyOrder(EVENT_KEYS);
        assertThat(delivery.getJsonObject("event").getJsonObject("metadata").keySet())
                .containsExactlyInAnyOrder(METADATA_KEYS);
        assertThat(publish.getJsonObject("event").keySet()).containsExactlyInAnyOrder(EVENT_KEYS);
    }

    @Test
    void shouldWriteEveryFieldOfAFullEvent() {
        Instant at = Instant.parse("2026-11-27T04:10:41.123456Z");
        Event event = new Event("e1", "task.failed", "task.failed", 9, "agent-1", "agent-2",
                Json.createObjectBuilder().add("n", 1).build(),
                new EventMetadata(at, "c1", "c0", "u1", "s1", "t1", "sp1", Map.of("env", "prod"), Map.of("h", "v")),
                at, "1.0", DeliveryStatus.DEAD_LETTER, 3, at.plusSeconds(1), "timed out");

        JsonObject written = parse(ProtocolCodec.encodeEvent(event));

        assertThat(written).isEqualTo(parse(json("{'id':'e1','topic':'task.failed','type':'task.failed','priority':9,"
                + "'source':'agent-1','target':'agent-2','payload':{'n':1},'metadata':{"
                + "'created_at':'2026-11-27T04:10:41.123456+00:00','correlation_id':'c1','causation_id':'c0',"
                + "'user_id':'u1','session_id':'s1','trace_id':'t1','span_id':'sp1','tags':{'env':'prod'},"
                + "'headers':{'h':'v'}},'timestamp':'2026-11-27T04:10:41.123456+00:00','version':'1.0',"
                + "'delivery_status':'dead_letter','delivery_attempts':3,"
                + "'last_delivery_attempt':'2026-11-27T04:10:42.123456+00:00','delivery_error':'timed out'}")));
    }

    @Test
    void shouldWriteAbsentOptionalFieldsAsJsonNull() {
        Event event = Event.builder("a").timestamp(Instant.parse("2026-01-01T00:00:00Z")).build();

        JsonObject written = parse(ProtocolCodec.encodeEvent(event));

        assertThat(written.get("target")).isEqualTo(JsonValue.NULL);
        assertThat(written.get("last_delivery_attempt")).isEqualTo(JsonValue.NULL);
        assertThat(written.get("delivery_error")).isEqualTo(JsonValue.NULL);
        assertThat(written.getString("source")).isEmpty();
        assertThat(written.getJsonObject("metadata").get("trace_id")).isEqualTo(JsonValue.NULL);
        assertThat(written.getJsonObject("metadata").getJsonObject("tags")).isEmpty();
        assertThat(written.getJsonObject("metadata").getJsonObject("headers")).isEmpty();
    }

    @Test
    void shouldWriteTimestampsInUtcWithMicrosecondsAndExplicitOffset() {
        Instant wholeSecond = Instant.parse("2026-01-01T00:00:00Z");
        Instant withNanos = Instant.parse("2026-11-27T04:10:41.123456789Z");
        Event event = new Event("e", "a", "custom", 5, "", null, null, EventMetadata.createdAt(wholeSecond),
                withNanos, null, DeliveryStatus.FAILED, 1, wholeSecond, null);

        JsonObject written = parse(ProtocolCodec.encodeEvent(event));

        assertThat(written.getString("timestamp")).matches(MICROS_UTC).isEqualTo("2026-11-27T04:10:41.123456+00:00");
        assertThat(written.getJsonObject("metadata").getString("created_at")).matches(MICROS_UTC)
                .isEqualTo("2026-01-01T00:00:00.000000+00:00");
        assertThat(written.getString("last_delivery_attempt")).matches(MICROS_UTC);
    }

    @Test
    void shouldWriteServerTimestampsWithExplicitOffset() {
        Instant at = Instant.parse("2026-11-27T04:10:41.5Z");

        JsonObject welcome = parse(ProtocolCodec.encode(new ServerMessage.Welcome("c1", at, null)));
        JsonObject pong = parse(ProtocolCodec.encode(new ServerMessage.Pong(at, JsonValue.NULL, null)));
        JsonObject error = parse(ProtocolCodec.encode(
                new ServerMessage.Error("bad", ErrorCode.INVALID_FIELD, null, at, null)));

        assertThat(welcome.getString("server_time")).isEqualTo("2026-11-27T04:10:41.500000+00:00");
        assertThat(pong.getString("timestamp")).isEqualTo("2026-11-27T04:10:41.500000+00:00");
        assertThat(error.getString("timestamp")).isEqualTo("2026-11-27T04:10:41.500000+00:00");
    }

    @Test
    void shouldWritePriorityAsABareInteger() {
        Event event = Event.builder("a").priority(7).build();

        String text = ProtocolCodec.encodeEvent(event);

        assertThat(text).contains("\"priority\":7,");
        assertThat(parse(text).get("priority").getValueType()).isEqualTo(JsonValue.ValueType.NUMBER);
        assertThat(parse(text).getJsonNumber("priority").isIntegral()).isTrue();
    }

    @Test
    void shouldRoundTripPayloadNumbersExactly() throws ProtocolException {
        String frame = json("{'type':'publish','event':{'topic':'a','payload':{'big':12345678901234567890,"
                + "'tenth':0.1,'negative':-42,'precise':3.14159265358979323846264338327950288,"
                + "'nested':{'list':[0.1,12345678901234567890]}}}}");
        Event event = ((ClientMessage.Publish) ProtocolCodec.decodeClientMessage(frame)).event();

        String text = ProtocolCodec.encodeEvent(event);

        assertThat(text).contains("\"big\":12345678901234567890", "\"tenth\":0.1", "\"negative\":-42",
                "\"precise\":3.14159265358979323846264338327950288", "\"list\":[0.1,12345678901234567890]");
        JsonObject payload = parse(text).getJsonObject("payload");
        assertThat(payload.getJsonNumber("big").bigIntegerValueExact()).isEqualTo(new BigInteger("12345678901234567890"));
        assertThat(payload.getJsonNumber("tenth").bigDecimalValue()).isEqualTo(new BigDecimal("0.1"));
        assertThat(payload).isEqualTo(event.payload());
    }

    @Test
    void shouldQuoteAndEscapeStrings() {
        assertThat(ProtocolCodec.quote("plain")).isEqualTo("\"plain\"");
        assertThat(ProtocolCodec.quote("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\nd\"");
        assertThat(parse("{\"k\":" + ProtocolCodec.quote("ü\u0001\"") + "}").getString("k")).isEqualTo("ü\u0001\"");
    }
}
