package io.eventrouter.server;

import static io.eventrouter.testing.RawFrameSocket.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.config.RouterConfig;
import io.eventrouter.testing.RawFrameSocket;
import io.eventrouter.testing.RouterTestBase;
import io.eventrouter.testing.WsClient;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** permessage-deflate is negotiated only when the configuration turns it on. */
class CompressionTest extends RouterTestBase {
    /** What Python's websockets client asks for by default. */
    private static final String OFFER = "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits";

    @Test
    void shouldDeclineCompressionByDefaultAndServePlainFrames() throws IOException {
        try (RawFrameSocket client = RawFrameSocket.connect(router.uri(), OFFER)) {
            assertThat(client.handshakeResponse()).startsWith("HTTP/1.1 101");
            assertThat(client.handshakeResponse().toLowerCase(Locale.ROOT)).doesNotContain("sec-websocket-extensions");

            assertThat(client.nextText()).contains("\"welcome\"");
            client.sendText(true, TEXT, "{\"type\":\"ping\"}");
            assertThat(WsClient.parse(client.nextText()).getString("type")).isEqualTo("pong");
        }
    }

    @Test
    void shouldNegotiateCompressionForConnectionsOpenedAfterItIsTurnedOn() throws IOException {
        RouterConfig current = router.server().router().config();
        router.server().router().reconfigure(current.toBuilder().permessageDeflate(true).build());

        try (RawFrameSocket client = RawFrameSocket.connect(router.uri(), OFFER)) {
            assertThat(client.handshakeResponse().toLowerCase(Locale.ROOT))
                    .contains("sec-websocket-extensions: permessage-deflate");
        }
    }
}
