package io.eventrouter.server;

import static io.eventrouter.testing.Messages.payload;
import static io.eventrouter.testing.Messages.publish;
import static io.eventrouter.testing.Messages.subscribe;
import static io.eventrouter.testing.Messages.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.config.RouterConfig;
import io.eventrouter.testing.RunningRouter;
import io.eventrouter.testing.WsClient;
import jakarta.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets an error frame naming the problem, and the connection keeps working. */
class BadInputTest {
    private static final int MAX_FRAME = 64 * 1024;
    private static RunningRouter router;

    @BeforeAll
    static void start() {
        router = RunningRouter.start(RouterConfig.builder().maxFrameSize(MAX_FRAME));
    }

    @AfterAll
    static void stop() {
        router.close();
    }

    static Stream<Arguments> badFrames() {
        return Stream.of(
                Arguments.of("not JSON at all", "invalid_json", "Invalid JSON"),
                Arguments.of("{\"type\":\"ping\"", "invalid_json", "Invalid JSON"),
                Arguments.of("[1,2,3]", "invalid_message", "JSON object"),
                Arguments.of("42", "invalid_message", "JSON object"),
                Arguments.of("{}", "missing_type", "'type'"),
                Arguments.of("{\"echo\":1}", "missing_type", "'type'"),
                Arguments.of("{\"type\":\"teleport\"}", "unknown_type", "Unknown message type: teleport"),
                Arguments.of("{\"type\":7}", "invalid_field", "'type'"),
                Arguments.of("{\"type\":\"publish\"}", "invalid_message", "'event'"),
                Arguments.of("{\"type\":\"publish\",\"event\":\"x\"}", "invalid_field", "'event'"),
                Arguments.of("{\"type\":\"publish\",\"event\":{\"topic\":\"a\",\"priority\":\"high\"}}", "invalid_priority", "event.priority"),
                Arguments.of("{\"type\":\"publish\",\"event\":{\"topic\":\"a\",\"priority\":11}}", "invalid_priority", "event.priority"),
                Arguments.of("{\"type\":\"publish\",\"event\":{\"topic\":\"a\",\"priority\":0}}", "invalid_priority", "event.priority"),
                Arguments.of("{\"type\":\"publish\",\"event\":{\"topic\":\"a\",\"priority\":4.5}}", "invalid_priority", "event.priority"),
                Arguments.of("{\"type\":\"publish\",\"event\":{\"topic\":\"\"}}", "invalid_topic", "event.topic"),
                Arguments.of("{\"type\":\"publish\",\"event\":{}}", "invalid_topic", "event.topic"),
                Arguments.of("{\"type\":\"publish\",\"event\":{\"topic\":\"a..b\"}}", "invalid_topic", "empty segment"),
                Arguments.of("{\"type\":\"publish\",\"event\":{\"topic\":\"a.*\"}}", "invalid_topic", "wildcards"),
                Arguments.of("{\"type\":\"publish\",\"event\":{\"topic\":7}}", "invalid_field", "event.topic"),
                Arguments.of("{\"type\":\"publish\",\"event\":{\"topic\":\"a\",\"payload\":[1]}}", "invalid_field", "event.payload"),
                Arguments.of("{\"type\":\"publish\",\"event\":{\"topic\":\"a\",\"metadata\":{\"tags\":{\"k\":1}}}}", "invalid_field", "event.metadata.tags.k"),
                Arguments.of("{\"type\":\"publish\",\"event\":{\"topic\":\"a\",\"timestamp\":\"yesterday\"}}", "invalid_field", "event.timestamp"),
                Arguments.of("{\"type\":\"subscribe\",\"subscription\":{\"topics\":\"a.b\"}}", "invalid_field", "subscription.topics"),
                Arguments.of("{\"type\":\"subscribe\",\"subscription\":{\"topics\":[\"a..b\"]}}", "invalid_pattern", "empty segment"),
                Arguments.of("{\"type\":\"subscribe\",\"subscription\":{\"topics\":[\"\"]}}", "invalid_pattern", "non-empty"),
                Arguments.of("{\"type\":\"subscribe\",\"subscription\":{\"topics\":[\"ta*\"]}}", "invalid_pattern", "whole segment"),
                Arguments.of("{\"type\":\"subscribe\",\"subscription\":{\"topics\":[1]}}", "invalid_field", "subscription.topics[0]"),
                Arguments.of("{\"type\":\"subscribe\",\"subscription\":{\"priorities\":[11]}}", "invalid_priority", "subscription.priorities"),
                Arguments.of("{\"type\":\"subscribe\",\"subscription\":\"all\"}", "invalid_field", "'subscription'"),
                Arguments.of("{\"type\":\"unsubscribe\"}", "invalid_field", "subscription_id"),
                Arguments.of("{\"type\":\"identify\",\"client_name\":\"\"}", "invalid_field", "client_name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFrames")
    void shouldAnswerBadInputWithAnErrorAndStayUsable(String frame, String code, String mention) {
        try (WsClient client = router.client()) {
            client.send(frame);
            JsonObject error = client.next();
            assertThat(error.getString("type")).isEqualTo("error");
            assertThat(error.getString("code")).isEqualTo(code);
            assertThat(error.getString("error")).contains(mention);
            assertThat(error.getString("timestamp")).endsWith("+00:00");
            assertUsable(client);
        }
    }

    @Test
    void shouldEchoTheRequestIdOnErrors() {
        try (WsClient client = router.client()) {
            client.send("{\"type\":\"teleport\",\"request_id\":\"abc\"}");
            JsonObject error = client.next();
            assertThat(error.getString("request_id")).isEqualTo("abc");
        }
    }

    @Test
    void shouldRejectBinaryFramesWithAnError() {
        try (WsClient client = router.client()) {
            client.sendBinary(new byte[] {1, 2, 3});
            JsonObject error = client.next();
            assertThat(error.getString("code")).isEqualTo("invalid_message");
            assertUsable(client);
        }
    }

    @Test
    void shouldAcceptAFrameJustUnderTheLimit() {
        try (WsClient subscriber = router.client(); WsClient publisher = router.client()) {
            subscriber.request(subscribe("big"));
            String filler = "x".repeat(MAX_FRAME - 200);
            JsonObject published = publisher.request(publish("big", 5,
                    jakarta.json.Json.createObjectBuilder().add("s", filler).build()));
            assertThat(published.getString("status")).isEqualTo("queued");
            JsonObject event = subscriber.await(frame -> frame.getString("type").equals("event"));
            assertThat(event.getJsonObject("event").getJsonObject("payload").getString("s")).hasSize(filler.length());
        }
    }

    @Test
    void shouldCloseWith1009WhenAFrameIsTooLarge() {
        try (WsClient client = router.client(); WsClient bystander = router.client()) {
            client.send("{\"type\":\"ping\",\"echo\":\"" + "y".repeat(MAX_FRAME + 10) + "\"}");
            assertThat(client.awaitClose()).isEqualTo(1009);
            assertUsable(bystander);
        }
    }

    private static void assertUsable(WsClient client) {
        assertThat(client.request(type("ping")).getString("type")).isEqualTo("pong");
        JsonObject subscribed = client.request(subscribe("still.works"));
        assertThat(subscribed.getString("type")).isEqualTo("subscribed");
        JsonObject published = client.request(publish("still.works", 5, payload("n", 1)));
        assertThat(published.getString("status")).isEqualTo("queued");
        JsonObject event = client.await(frame -> frame.getString("type").equals("event"));
        assertThat(event.getJsonObject("event").getString("topic")).isEqualTo("still.works");
    }
}
