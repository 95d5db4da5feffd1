package io.eventrouter.server;

import static io.eventrouter.testing.Messages.subscribe;
import static io.eventrouter.testing.Messages.type;
import static io.eventrouter.testing.RawFrameSocket.BINARY;
import static io.eventrouter.testing.RawFrameSocket.CONTINUATION;
import static io.eventrouter.testing.RawFrameSocket.PING;
import static io.eventrouter.testing.RawFrameSocket.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.config.RouterConfig;
import io.eventrouter.testing.RawFrameSocket;
import io.eventrouter.testing.RouterTestBase;
import io.eventrouter.testing.WsClient;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text messages reach the router whole or in fragments; text that is not UTF-8 closes the
 * connection with 1007 and a message over the limit with 1009, either way.
 */
class TextFramesTest extends RouterTestBase {
    private static final int MAX_FRAME = 256 * 1024;

    private static final String PUBLISH =
            "{\"type\":\"publish\",\"event\":{\"topic\":\"text.frames\",\"priority\":6,\"payload\":{\"word\":\"%s\"}}}";

    @Override
    protected RouterConfig.Builder config() {
        return RouterConfig.builder().maxFrameSize(MAX_FRAME);
    }

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

    static Stream<Arguments> wordsInOneFrame() {
        return Stream.of(
                Arguments.of("multi-byte text and a genuine U+FFFD", "grüße \uFFFD \uD83D\uDE80 日本"),
                Arguments.of("200 kB: fifty reads of 4 kB", "ü".repeat(100_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wordsInOneFrame")
    void shouldDeliverTextPublishedInOneFrameUnchanged(String description, String word) throws IOException {
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

    @Test
    void shouldCloseWith1009WhenFragmentsAddUpToMoreThanTheLimit() throws IOException {
        try (WsClient bystander = router.client(); RawFrameSocket client = RawFrameSocket.connect(router.uri())) {
            client.nextText();

            client.sendText(false, TEXT, "{\"type\":\"ping\",\"echo\":\"");
            byte[] piece = "y".repeat(MAX_FRAME / 2).getBytes(StandardCharsets.US_ASCII);
            client.sendFrame(false, CONTINUATION, piece);
            client.sendFrame(false, CONTINUATION, piece);

            assertThat(client.awaitCloseCode()).isEqualTo(1009);
            assertThat(bystander.request(type("ping")).getString("type")).isEqualTo("pong");
        }
    }

    @Test
    void shouldReadAFragmentedMessageAfterAFragmentedOneWasRefused() throws IOException {
        try (RawFrameSocket client = RawFrameSocket.connect(router.uri())) {
            client.nextText();
            client.sendText(false, TEXT, "{\"type\":");
            client.sendText(true, CONTINUATION, "\"ping\"}");
            assertThat(WsClient.parse(client.nextText()).getString("type")).isEqualTo("pong");

            client.sendText(false, TEXT, "{\"type\":");
            client.sendText(true, CONTINUATION, "\"teleport\"}");
            assertThat(WsClient.parse(client.nextText()).getString("code")).isEqualTo("unknown_type");

            client.sendText(false, TEXT, "{\"type\"");
            client.sendText(false, CONTINUATION, ":\"pi");
            client.sendText(true, CONTINUATION, "ng\"}");
            assertThat(WsClient.parse(client.nextText()).getString("type")).isEqualTo("pong");
        }
    }

    @Test
    void shouldGatherAMultiByteCharacterSplitBetweenTwoFragments() throws IOException {
        try (RawFrameSocket client = RawFrameSocket.connect(router.uri())) {
            client.nextText();
            byte[] ping = "{\"type\":\"ping\",\"echo\":\"ü\"}".getBytes(StandardCharsets.UTF_8);
            int middleOfU = new String(ping, StandardCharsets.UTF_8).indexOf('ü') + 1;

            client.sendFrame(false, TEXT, Arrays.copyOfRange(ping, 0, middleOfU));
            client.sendFrame(true, CONTINUATION, Arrays.copyOfRange(ping, middleOfU, ping.length));

            JsonObject pong = WsClient.parse(client.nextText());
            assertThat(pong.getString("type")).isEqualTo("pong");
            assertThat(pong.getString("echo")).isEqualTo("ü");
        }
    }

    @Test
    void shouldAnswerABinaryMessageOnceItsLastFragmentIsInAndKeepReadingText() throws IOException {
        try (RawFrameSocket client = RawFrameSocket.connect(router.uri())) {
            client.nextText();

            client.sendFrame(false, BINARY, new byte[] {1, 2});
            client.sendFrame(true, PING, new byte[0]);
            client.sendFrame(true, CONTINUATION, new byte[] {3});
            client.sendText(true, TEXT, "{\"type\":\"ping\"}");

            assertThat(WsClient.parse(client.nextText()).getString("code")).isEqualTo("invalid_message");
            assertThat(WsClient.parse(client.nextText()).getString("type")).isEqualTo("pong");
        }
    }

    /**
     * A new message may not start while one is unfinished; the connection closes with 1002
     * whatever kind of message was under way, and another connection's fragmented message,
     * gathered at the same time, still arrives whole.
     */
    @ParameterizedTest(name = "after an unfinished {0} message")
    @MethodSource("unfinishedMessages")
    void shouldCloseWith1002WhenATextFrameStartsBeforeTheMessageUnderWayEnded(String kind, int opCode, byte[] start)
            throws IOException {
        try (RawFrameSocket other = RawFrameSocket.connect(router.uri());
                RawFrameSocket client = RawFrameSocket.connect(router.uri())) {
            other.nextText();
            client.nextText();
            other.sendText(false, TEXT, "{\"type\":\"ping\",");

            client.sendFrame(false, opCode, start);
            client.sendText(true, TEXT, "{\"type\":\"ping\"}");

            assertThat(client.awaitCloseCode()).isEqualTo(1002);
            other.sendText(true, CONTINUATION, "\"echo\":\"whole\"}");
            JsonObject pong = WsClient.parse(other.nextText());
            assertThat(pong.getString("type")).isEqualTo("pong");
            assertThat(pong.getString("echo")).isEqualTo("whole");
        }
    }

    static Stream<Arguments> unfinishedMessages() {
        return Stream.of(
                Arguments.of("binary", BINARY, new byte[] {1, 2, 3}),
                Arguments.of("text", TEXT, "{\"type\":".getBytes(StandardCharsets.US_ASCII)));
    }

    /** {@code {"type":"ping"}} with a lone continuation byte (0x80) where a letter should be. */
    private static byte[] invalidUtf8Ping() {
        byte[] bytes = "{\"type\":\"p?ng\"}".getBytes(StandardCharsets.US_ASCII);
        bytes[10] = (byte) 0x80;
        return bytes;
    }
}
