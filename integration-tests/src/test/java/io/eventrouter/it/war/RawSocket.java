package io.eventrouter.it.war;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bare WebSocket connection (the JDK's client) for sending frames the Java client would never
 * send, such as malformed JSON, and reading the router's replies as JSON objects.
 */
public final class RawSocket implements AutoCloseable {
    private final WebSocket socket;
    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();

    private RawSocket(URI url) throws Exception {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(url, new Collector()).get(10, TimeUnit.SECONDS);
    }

    public static RawSocket open(String url) throws Exception {
        return new RawSocket(URI.create(url));
    }

    public void send(String frame) throws Exception {
        socket.sendText(frame, true).get(10, TimeUnit.SECONDS);
    }

    /** The next frame from the router, failing after {@code timeout}. */
    public JsonObject next(Duration timeout) throws InterruptedException {
        JsonObject frame = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            throw new AssertionError("no frame from the router within " + timeout);
        }
        return frame;
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try (var reader = Json.createReader(new StringReader(partial.toString()))) {
                    received.add(reader.readObject());
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
