package io.eventrouter.cli;

import io.eventrouter.protocol.ClientMessage;
import io.eventrouter.protocol.ServerMessage;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** Asks a router one question over a short-lived connection: does it answer, how healthy is it. */
final class RouterProbe {
    private final Duration timeout;

    RouterProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /** True when the router at {@code uri} answers a {@code ping} within the timeout. */
    boolean answersPing(URI uri) throws InterruptedException {
        try {
            ask(uri, new ClientMessage.Ping(JsonValue.NULL, "probe"), ServerMessage.Pong.class);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The router's {@code get_health} reply; the exception says why there is none. */
    ServerMessage.HealthReport health(URI uri) throws IOException, InterruptedException {
        return ask(uri, new ClientMessage.GetHealth("probe"), ServerMessage.HealthReport.class);
    }

    private <T extends ServerMessage> T ask(URI uri, ClientMessage question, Class<T> answer)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        try (RouterSocket socket = RouterSocket.connect(uri, timeout)) {
            socket.send(question);
            while (true) {
                Duration left = Duration.between(Instant.now(), deadline);
                RouterSocket.Incoming incoming = left.isNegative() ? null : socket.next(left);
                if (incoming == null) {
                    throw new IOException("no " + answer.getSimpleName() + " reply from " + uri + " within "
                            + timeout.toSeconds() + " s");
                }
                if (incoming instanceof RouterSocket.Incoming.Message message && answer.isInstance(message.message())) {
                    return answer.cast(message.message());
                }
                if (incoming instanceof RouterSocket.Incoming.Message message
                        && message.message() instanceof ServerMessage.Error error) {
                    throw new IOException("the router refused: " + error.error());
                }
                if (incoming instanceof RouterSocket.Incoming.Closed closed) {
                    throw new IOException("the router closed the connection (" + closed.code() + " " + closed.reason() + ")");
                }
                if (incoming instanceof RouterSocket.Incoming.Failed failed) {
                    throw new IOException(failed.reason());
                }
                // Anything else (the welcome frame) comes before the reply; keep reading.
            }
        }
    }
}
