package io.eventrouter.server;

import static io.eventrouter.testing.Messages.subscribe;
import static io.eventrouter.testing.Messages.type;
import static io.eventrouter.testing.RawFrameSocket.CONTINUATION;
import static io.eventrouter.testing.RawFrameSocket.PING;
import static io.eventrouter.testing.RawFrameSocket.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.testing.RawFrameSocket;
import io.eventrouter.testing.RouterTestBase;
import io.eventrouter.testing.WsClient;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Text messages reach the router whole or in fragments, and text that is not UTF-8 closes the
 * connection with 1007 either way: single-frame messages take the router's own reading path,
 * fragmented ones Jetty's.
 */
class TextFramesTest extends RouterTestBase {
    private static final String PUBLISH =
            "{\"type\":\"publish\",\"event\":{\"topic\":\"text.frames\",\"priority\":6,\"payload\":{\"word\":\"%s\"}}}";

    @Test
    void shouldReadAMessageSentInFragmentsWithAPingBetweenThem() throws IOException {
        try (WsClient subscriber = router.client(); RawFrameSocket publisher = RawFrameSocket.connect(router.uri())) {
            subscriber.request(subscribe("text.*"));
            assertThat(publisher.nextText()).contains("\"welcome\"");
            String publish = PUBLISH.formatted("fragmented");

            publisher.sendText(false, TEXT, publish.substring(0, 10));
            publisher.sendText(false, CONTINUATION, publish.substring(10, 40));
            publisher.sendFrame(true, PING, new byte[] {1, 2});
            publisher.sendText(true, CONTINUATION, publish.substring(40));

            assertThat(WsClient.parse(publisher.nextText()).getString("type")).isEqualTo("published");
            JsonObject delivery = subscriber.await(frame -> frame.getString("type").equals("event"));
            assertThat(delivery.getJsonObject("event").getJsonObject("payload").getString("word")).isEqualTo("fragmented");

            publisher.sendText(true, TEXT, "{\"type\":\"ping\"}");
            assertThat(WsClient.parse(publisher.nextText()).getString("type")).isEqualTo("pong");
        }
    }

    @Test
    void shouldCarryMultiByteTextAndAGenuineReplacementCharacterUnchanged() throws IOException {
        String word = "grüße \uFFFD \uD83D\uDE80 日本";
        try (WsClient subscriber = router.client(); RawFrameSocket publisher = RawFrameSocket.connect(router.uri())) {
            subscriber.request(subscribe("text.*"));
            publisher.nextText();

            publisher.sendText(true, TEXT, PUBLISH.formatted(word));

            assertThat(WsClient.parse(publisher.nextText()).getString("type")).isEqualTo("published");
            JsonObject delivery = subscriber.await(frame -> frame.getString("type").equals("event"));
            assertThat(delivery.getJsonObject("event").getJsonObject("payload").getString("word")).isEqualTo(word);
        }
    }

    @Test
    void shouldReadAFrameFarLargerThanOneReadOfTheSocket() throws IOException {
        String word = "ü".repeat(100_000);
        try (WsClient subscriber = router.client(); RawFrameSocket publisher = RawFrameSocket.connect(router.uri())) {
            subscriber.request(subscribe("text.*"));
            publisher.nextText();

            publisher.sendText(true, TEXT, PUBLISH.formatted(word));

            assertThat(WsClient.parse(publisher.nextText()).getString("type")).isEqualTo("published");
            JsonObject delivery = subscriber.await(frame -> frame.getString("type").equals("event"));
            assertThat(delivery.getJsonObject("event").getJsonObject("payload").getString("word")).isEqualTo(word);
        }
    }

    @Test
    void shouldCloseWith1007WhenAWholeTextFrameIsNotUtf8() throws IOException {
        try (RawFrameSocket client = RawFrameSocket.connect(router.uri())) {
            client.nextText();

            client.sendFrame(true, TEXT, invalidUtf8Ping());

            assertThat(client.awaitCloseCode()).isEqualTo(1007);
        }
    }

    @Test
    void shouldCloseWith1007WhenAFragmentedTextMessageIsNotUtf8() throws IOException {
        try (RawFrameSocket client = RawFrameSocket.connect(router.uri())) {
            client.nextText();

            client.sendText(false, TEXT, "{\"type\":");
            client.sendFrame(true, CONTINUATION, invalidUtf8Ping());

            assertThat(client.awaitCloseCode()).isEqualTo(1007);
        }
    }

    @Test
    void shouldKeepOtherConnectionsWorkingAfterClosingOneForBadUtf8() throws IOException {
        try (WsClient bystander = router.client(); RawFrameSocket client = RawFrameSocket.connect(router.uri())) {
            client.nextText();
            client.sendFrame(true, TEXT, invalidUtf8Ping());
            assertThat(client.awaitCloseCode()).isEqualTo(1007);

            assertThat(bystander.request(type("ping")).getString("type")).isEqualTo("pong");
        }
    }

    /** {@code {"type":"ping"}} with a lone continuation byte (0x80) where a letter should be. */
    private static byte[] invalidUtf8Ping() {
        byte[] bytes = "{\"type\":\"p?ng\"}".getBytes(StandardCharsets.US_ASCII);
        bytes[10] = (byte) 0x80;
        return bytes;
    }
}
