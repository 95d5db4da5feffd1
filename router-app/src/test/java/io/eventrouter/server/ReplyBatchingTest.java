package io.eventrouter.server;

import static io.eventrouter.testing.Messages.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.testing.RawFrameSocket;
import io.eventrouter.testing.RouterTestBase;
import io.eventrouter.testing.WsClient;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The answers to what one read brought in are written together, after the last of its
 * messages: none is held back, none is reordered, and an event for the publisher's own
 * connection still follows the answer to its publish.
 */
class ReplyBatchingTest extends RouterTestBase {
    private static final int PIPELINED = 60;

    @Test
    void shouldAnswerEveryPublishOfOneReadInOrderAndDeliverEachEventOnce() throws IOException {
        try (WsClient subscriber = router.client(); RawFrameSocket publisher = RawFrameSocket.connect(router.uri())) {
            subscriber.request(subscribe("batched.#"));
            assertThat(publisher.nextText()).contains("\"welcome\"");
            publisher.sendTextsInOneWrite(List.of(
                    "{\"type\":\"subscribe\",\"subscription\":{\"id\":\"own\",\"topics\":[\"batched.#\"]}}"));
            assertThat(WsClient.parse(publisher.nextText()).getString("type")).isEqualTo("subscribed");

            publisher.sendTextsInOneWrite(IntStream.range(0, PIPELINED).mapToObj(ReplyBatchingTest::publish).toList());

            List<JsonObject> frames = new ArrayList<>();
            for (int i = 0; i < 2 * PIPELINED; i++) {
                frames.add(WsClient.parse(publisher.nextText()));
            }
            List<String> answered = new ArrayList<>();
            List<String> delivered = new ArrayList<>();
            for (JsonObject frame : frames) {
                if (frame.getString("type").equals("published")) {
                    answered.add(frame.getString("event_id"));
                } else {
                    assertThat(frame.getString("type")).isEqualTo("event");
                    String id = frame.getJsonObject("event").getString("id");
                    assertThat(answered).as("the answer to %s comes before its event", id).contains(id);
                    delivered.add(id);
                }
            }
            List<String> expected = IntStream.range(0, PIPELINED).mapToObj(ReplyBatchingTest::id).toList();
            assertThat(answered).containsExactlyElementsOf(expected);
            assertThat(delivered).containsExactlyElementsOf(expected);
            assertThat(subscriber.collect("event", PIPELINED))
                    .extracting(event -> event.getJsonObject("event").getString("id"))
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void shouldAnswerALoneMessageWithoutWaitingForAnother() throws IOException {
        try (RawFrameSocket publisher = RawFrameSocket.connect(router.uri())) {
            assertThat(publisher.nextText()).contains("\"welcome\"");

            publisher.sendTextsInOneWrite(List.of(publish(0)));

            JsonObject answer = WsClient.parse(publisher.nextText());
            assertThat(answer.getString("type")).isEqualTo("published");
            assertThat(answer.getString("event_id")).isEqualTo(id(0));
        }
    }

    @Test
    void shouldAnswerMessagesOfOneReadUpToABadOneAndTheBadOneWithAnError() throws IOException {
        try (RawFrameSocket publisher = RawFrameSocket.connect(router.uri())) {
            assertThat(publisher.nextText()).contains("\"welcome\"");

            publisher.sendTextsInOneWrite(List.of(publish(1), "{\"type\":\"publish\",\"event\":", publish(2)));

            assertThat(WsClient.parse(publisher.nextText()).getString("event_id")).isEqualTo(id(1));
            assertThat(WsClient.parse(publisher.nextText()).getString("type")).isEqualTo("error");
            assertThat(WsClient.parse(publisher.nextText()).getString("event_id")).isEqualTo(id(2));
        }
    }

    private static String publish(int n) {
        return "{\"type\":\"publish\",\"event\":{\"id\":\"" + id(n) + "\",\"topic\":\"batched.t" + n % 3
                + "\",\"priority\":5,\"payload\":{\"n\":" + n + "}}}";
    }

    private static String id(int n) {
        return "batched-" + n;
    }
}
