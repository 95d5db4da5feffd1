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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Event frames are built in arrays reused once their frames are written: however the writes of
 * many events of many sizes interleave, every subscriber gets every event exactly as published,
 * including one that stalls, so that frames wait in the server's write queue meanwhile.
 */
class ReusedFrameArraysTest extends RouterTestBase {

    /** Payload sizes on both sides of every array size, and one too large to be kept. */
    private static final int[] SIZES = {10, 500, 520, 1_000, 1_100, 3_000, 5_000, 9_000, 16_000, 17_000, 40_000};
    /** About 6 MB to each subscriber: more than the stalled one's socket buffers hold. */
    private static final int ROUNDS = 60;

    /**
     * With the stalled subscriber alone, the publisher's thread writes each event as it routes
     * it and completes those writes itself, so it reuses arrays at once; with others, the
     * writes are spread over the writer threads.
     */
    @ParameterizedTest(name = "{0} other subscribers")
    @ValueSource(ints = {0, 2})
    void shouldDeliverEveryEventIntactToEverySubscriber(int others) throws IOException {
        List<WsClient> subscribers = new ArrayList<>();
        try (RawFrameSocket publisher = RawFrameSocket.connect(router.uri());
                RawFrameSocket stalled = RawFrameSocket.connect(router.uri())) {
            stalled.nextText();
            stalled.sendTextsInOneWrite(List.of("{\"type\":\"subscribe\",\"subscription\":{\"topics\":[\"reuse.#\"]}}"));
            assertThat(WsClient.parse(stalled.nextText()).getString("type")).isEqualTo("subscribed");
            for (int i = 0; i < others; i++) {
                WsClient subscriber = router.client();
                subscribers.add(subscriber);
                subscriber.request(subscribe("reuse.#"));
            }
            publisher.nextText();

            int events = ROUNDS * SIZES.length;
            // One write per round: its events are routed, written and given back together.
            for (int round = 0; round < ROUNDS; round++) {
                int first = round * SIZES.length;
                publisher.sendTextsInOneWrite(IntStream.range(first, first + SIZES.length)
                        .mapToObj(ReusedFrameArraysTest::publish).toList());
            }
            for (int n = 0; n < events; n++) {
                publisher.nextText(); // every event published (and so routed) before the stall ends
            }
            for (int n = 0; n < events; n++) {
                assertIntact(WsClient.parse(stalled.nextText()), n);
            }

            for (WsClient subscriber : subscribers) {
                List<JsonObject> received = subscriber.collect("event", events);
                for (int n = 0; n < events; n++) {
                    assertIntact(received.get(n), n);
                }
            }
        } finally {
            subscribers.forEach(WsClient::close);
        }
    }

    private static void assertIntact(JsonObject frame, int n) {
        JsonObject event = frame.getJsonObject("event");
        assertThat(event.getString("id")).isEqualTo("reuse-" + n);
        // Compared without printing: a payload runs to 40 kB.
        assertThat(event.getJsonObject("payload").getString("text").equals(text(n)))
                .as("the payload of event %d arrived as published", n).isTrue();
    }

    private static String publish(int n) {
        return "{\"type\":\"publish\",\"event\":{\"id\":\"reuse-" + n + "\",\"topic\":\"reuse.t" + n % 2
                + "\",\"priority\":5,\"payload\":{\"text\":\"" + text(n) + "\"}}}";
    }

    /** Text of event {@code n}'s size, different from every other event's at each position. */
    private static String text(int n) {
        int size = SIZES[n % SIZES.length];
        StringBuilder text = new StringBuilder(size);
        for (int i = 0; i < size; i++) {
            text.append((char) ('a' + (i + n) % 26));
        }
        return text.toString();
    }
}
