package io.eventrouter.server;

import static io.eventrouter.testing.Messages.subscribe;
import static io.eventrouter.testing.RawFrameSocket.CLOSE;
import static io.eventrouter.testing.RawFrameSocket.TEXT;
import static io.eventrouter.testing.RawFrameSocket.maskedFrame;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.testing.RawFrameSocket;
import io.eventrouter.testing.RouterTestBase;
import io.eventrouter.testing.WsClient;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What handling one read writes goes out together after the last of its messages: nothing is
 * held back, reordered or lost, including when the publisher's connection reads no more after
 * that read (a close frame or a bad frame in it, or the socket shut right after it), and an event
 * for the publisher's own connection still follows the answer to its publish.
 */
class FlushBeforeReadTest extends RouterTestBase {
    private static final int PIPELINED = 60;
    /** Few enough to arrive in one read, and for their frames to fit in one batch. */
    private static final int IN_ONE_READ = 3;

    @Test
    void shouldAnswerEveryPublishOfOneReadInOrderAndDeliverEachEventOnce() throws IOException {
        try (WsClient subscriber = router.client(); RawFrameSocket publisher = RawFrameSocket.connect(router.uri())) {
            subscriber.request(subscribe("batched.#"));
            assertThat(publisher.nextText()).contains("\"welcome\"");
            publisher.sendTextsInOneWrite(List.of(
                    "{\"type\":\"subscribe\",\"subscription\":{\"id\":\"own\",\"topics\":[\"batched.#\"]}}"));
            assertThat(WsClient.parse(publisher.nextText()).getString("type")).isEqualTo("subscribed");

            publisher.sendTextsInOneWrite(publishes(0, PIPELINED));

            List<String> answered = new ArrayList<>();
            List<String> delivered = new ArrayList<>();
            for (int i = 0; i < 2 * PIPELINED; i++) {
                JsonObject frame = WsClient.parse(publisher.nextText());
                if (frame.getString("type").equals("published")) {
                    answered.add(frame.getString("event_id"));
                } else {
                    assertThat(frame.getString("type")).isEqualTo("event");
                    String id = frame.getJsonObject("event").getString("id");
                    assertThat(answered).as("the answer to %s comes before its event", id).contains(id);
                    delivered.add(id);
                }
            }
            assertThat(answered).containsExactlyElementsOf(ids(0, PIPELINED));
            assertThat(delivered).containsExactlyElementsOf(ids(0, PIPELINED));
            assertThat(eventIds(subscriber, PIPELINED)).containsExactlyElementsOf(ids(0, PIPELINED));
        }
    }

    @Test
    void shouldAnswerALoneMessageWithoutWaitingForAnother() throws IOException {
        try (WsClient subscriber = router.client(); RawFrameSocket publisher = RawFrameSocket.connect(router.uri())) {
            subscriber.request(subscribe("batched.#"));
            assertThat(publisher.nextText()).contains("\"welcome\"");

            publisher.sendTextsInOneWrite(publishes(0, 1));

            JsonObject answer = WsClient.parse(publisher.nextText());
            assertThat(answer.getString("type")).isEqualTo("published");
            assertThat(answer.getString("event_id")).isEqualTo(id(0));
            assertThat(eventIds(subscriber, 1)).containsExactly(id(0));
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

    @Test
    void shouldDeliverEveryEventOfAReadThatEndsWithAClose() throws IOException {
        try (WsClient subscriber = router.client(); RawFrameSocket publisher = RawFrameSocket.connect(router.uri())) {
            subscriber.request(subscribe("batched.#"));
            publisher.nextText();

            publisher.sendInOneWrite(Stream.concat(textFrames(publishes(0, IN_ONE_READ)),
                    Stream.of(maskedFrame(true, CLOSE, new byte[] {0x03, (byte) 0xE8}))).toArray(byte[][]::new));

            assertThat(eventIds(subscriber, IN_ONE_READ)).containsExactlyElementsOf(ids(0, IN_ONE_READ));
            assertThat(publisher.awaitCloseCode()).isEqualTo(1000);
        }
    }

    @Test
    void shouldDeliverEveryEventOfAReadThatEndsWithABadFrame() throws IOException {
        try (WsClient subscriber = router.client(); RawFrameSocket publisher = RawFrameSocket.connect(router.uri())) {
            subscriber.request(subscribe("batched.#"));
            publisher.nextText();
            int reservedOpCode = 0x3;

            publisher.sendInOneWrite(Stream.concat(textFrames(publishes(0, IN_ONE_READ)),
                    Stream.of(maskedFrame(true, reservedOpCode, new byte[] {1}))).toArray(byte[][]::new));

            assertThat(eventIds(subscriber, IN_ONE_READ)).containsExactlyElementsOf(ids(0, IN_ONE_READ));
            assertThat(publisher.awaitCloseCode()).isEqualTo(1002);
        }
    }

    @Test
    void shouldDeliverEveryEventOfAReadAfterWhichThePublisherVanished() throws IOException {
        try (WsClient subscriber = router.client()) {
            subscriber.request(subscribe("batched.#"));
            try (RawFrameSocket publisher = RawFrameSocket.connect(router.uri())) {
                publisher.nextText();
                publisher.sendTextsInOneWrite(publishes(0, IN_ONE_READ));
            }

            assertThat(eventIds(subscriber, IN_ONE_READ)).containsExactlyElementsOf(ids(0, IN_ONE_READ));
        }
    }

    @Test
    void shouldDeliverEveryEventOfAReadThatReachesMoreConnectionsThanItDefers() throws IOException {
        int subscribers = 20; // more than the end point keeps waiting: the rest are written at once
        List<WsClient> clients = new ArrayList<>();
        try (RawFrameSocket publisher = RawFrameSocket.connect(router.uri())) {
            for (int i = 0; i < subscribers; i++) {
                WsClient client = router.client();
                clients.add(client);
                client.request(subscribe("batched.t" + i));
            }
            publisher.nextText();

            publisher.sendTextsInOneWrite(
                    IntStream.range(0, subscribers).mapToObj(n -> publish(n, "batched.t" + n)).toList());

            for (int i = 0; i < subscribers; i++) {
                assertThat(eventIds(clients.get(i), 1)).containsExactly(id(i));
            }
        } finally {
            clients.forEach(WsClient::close);
        }
    }

    private static List<String> eventIds(WsClient subscriber, int count) {
        return subscriber.collect("event", count).stream()
                .map(event -> event.getJsonObject("event").getString("id"))
                .toList();
    }

    private static Stream<byte[]> textFrames(List<String> texts) {
        return texts.stream().map(text -> maskedFrame(true, TEXT, text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> publishes(int from, int to) {
        return IntStream.range(from, to).mapToObj(FlushBeforeReadTest::publish).toList();
    }

    private static List<String> ids(int from, int to) {
        return IntStream.range(from, to).mapToObj(FlushBeforeReadTest::id).toList();
    }

    /** Event {@code n} on one of three topics. */
    private static String publish(int n) {
        return publish(n, "batched.t" + n % 3);
    }

    private static String publish(int n, String topic) {
        return "{\"type\":\"publish\",\"event\":{\"id\":\"" + id(n) + "\",\"topic\":\"" + topic
                + "\",\"priority\":5,\"payload\":{\"n\":" + n + "}}}";
    }

    private static String id(int n) {
        return "batched-" + n;
    }
}
