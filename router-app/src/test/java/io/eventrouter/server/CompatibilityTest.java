package io.eventrouter.server;

import static io.eventrouter.testing.Messages.subscribe;
import static io.eventrouter.testing.Messages.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.testing.RouterTestBase;
import io.eventrouter.testing.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The raw frames the server sends obey PROTOCOL.md's compatibility rules, which original V2
 * Python clients depend on: only the V2 keys inside {@code event} and {@code metadata},
 * {@code +00:00} timestamps, integer priorities.
 */
class CompatibilityTest extends RouterTestBase {
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00");
    private static final String[] EVENT_KEYS = {"id", "topic", "type", "priority", "source", "target", "payload",
            "metadata", "timestamp", "version", "delivery_status", "delivery_attempts", "last_delivery_attempt",
            "delivery_error"};
    private static final String[] METADATA_KEYS = {"created_at", "correlation_id", "causation_id", "user_id",
            "session_id", "trace_id", "span_id", "tags", "headers"};


    @Test
    void shouldSendOnlyV2KeysWithOffsetTimestampsAndIntegerPriority() {
        try (WsClient subscriber = router.client(); WsClient publisher = router.client()) {
            subscriber.request(subscribe("compat.*"));
            // Extra keys and other timestamp spellings on input must not leak into the output.
            publisher.send("{\"type\":\"publish\",\"event\":{\"topic\":\"compat.check\",\"type\":\"task.created\","
                    + "\"priority\":9,\"payload\":{\"big\":12345678901234567890,\"f\":0.1},"
                    + "\"timestamp\":\"2026-11-27T04:10:41Z\",\"offset\":3,\"extra\":true,"
                    + "\"metadata\":{\"created_at\":\"2026-11-27T04:10:41.5\",\"trace_id\":\"t-1\","
                    + "\"tags\":{\"team\":\"a\"},\"unknown_meta\":1}}}");

            String raw = subscriber.nextRawMatching("\"type\":\"event\"");
            JsonObject frame = WsClient.parse(raw);
            JsonObject event = frame.getJsonObject("event");
            assertThat(event.keySet()).containsExactlyInAnyOrder(EVENT_KEYS);
            JsonObject metadata = event.getJsonObject("metadata");
            assertThat(metadata.keySet()).containsExactlyInAnyOrder(METADATA_KEYS);

            assertThat(event.get("priority")).isInstanceOfSatisfying(JsonNumber.class,
                    number -> assertThat(number.isIntegral()).isTrue());
            assertThat(raw).contains("\"priority\":9");
            assertThat(event.getString("timestamp")).matches(TIMESTAMP).isEqualTo("2026-11-27T04:10:41.000000+00:00");
            assertThat(metadata.getString("created_at")).matches(TIMESTAMP).isEqualTo("2026-11-27T04:10:41.500000+00:00");
            assertThat(metadata.getString("trace_id")).isEqualTo("t-1");
            assertThat(metadata.getJsonObject("tags").getString("team")).isEqualTo("a");
            assertThat(metadata.get("correlation_id")).isEqualTo(JsonValue.NULL);
            assertThat(event.get("target")).isEqualTo(JsonValue.NULL);
            assertThat(event.get("last_delivery_attempt")).isEqualTo(JsonValue.NULL);
            assertThat(event.getString("version")).isEqualTo("1.0");
            assertThat(event.getString("delivery_status")).isEqualTo("pending");
            assertThat(event.getInt("delivery_attempts")).isZero();
            assertThat(raw).contains("\"big\":12345678901234567890").contains("\"f\":0.1");
            assertThat(frame.keySet()).containsExactlyInAnyOrder("type", "subscription_id", "event");
        }
    }

    @Test
    void shouldFillInServerDefaultsForAMinimalEvent() {
        try (WsClient subscriber = router.client(); WsClient publisher = router.client()) {
            subscriber.request(subscribe("*"));
            publisher.send(Json.createObjectBuilder().add("type", "publish")
                    .add("event", Json.createObjectBuilder().add("topic", "min")).build());
            JsonObject event = subscriber.await(f -> f.getString("type").equals("event")).getJsonObject("event");
            assertThat(event.getString("id")).isNotBlank();
            assertThat(event.getString("type")).isEqualTo("custom");
            assertThat(event.getInt("priority")).isEqualTo(5);
            assertThat(event.getString("source")).isEqualTo(publisher.clientId());
            assertThat(event.getString("timestamp")).matches(TIMESTAMP);
            assertThat(event.getJsonObject("metadata").getString("created_at")).matches(TIMESTAMP);
            assertThat(event.getJsonObject("payload")).isEmpty();
        }
    }

    @Test
    void shouldKeepUnknownEventTypesAsSent() {
        try (WsClient subscriber = router.client(); WsClient publisher = router.client()) {
            subscriber.request(subscribe("*"));
            publisher.request(Json.createObjectBuilder().add("type", "publish").add("event",
                    Json.createObjectBuilder().add("topic", "x").add("type", "billing.invoice_paid")).build());
            JsonObject event = subscriber.await(f -> f.getString("type").equals("event")).getJsonObject("event");
            assertThat(event.getString("type")).isEqualTo("billing.invoice_paid");
        }
    }

    @Test
    void shouldShapeRepliesAsV2ClientsExpect() {
        try (WsClient client = WsClient.connect(router.uri())) {
            JsonObject welcome = client.next();
            assertThat(welcome.keySet()).containsExactlyInAnyOrder("type", "client_id", "server_time");
            client.send(type("ping"));
            JsonObject pong = client.next();
            assertThat(pong.keySet()).containsExactlyInAnyOrder("type", "timestamp", "echo");
            client.send(Json.createObjectBuilder().add("type", "subscribe").build());
            JsonObject subscribed = client.next();
            assertThat(subscribed.keySet()).containsExactlyInAnyOrder("type", "subscription_id", "topics");
            client.send(Json.createObjectBuilder().add("type", "publish")
                    .add("event", Json.createObjectBuilder().add("topic", "t")).build());
            JsonObject published = client.await(f -> f.getString("type").equals("published"));
            assertThat(published.keySet()).containsExactlyInAnyOrder("type", "event_id", "status");
        }
    }
}
