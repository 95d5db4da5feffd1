package io.eventrouter.cli;

import io.eventrouter.protocol.ClientMessage;
import io.eventrouter.protocol.ProtocolCodec;
import io.eventrouter.protocol.ProtocolException;
import io.eventrouter.protocol.ServerMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One connection to a router over the JDK's WebSocket client, speaking the protocol with
 * {@link ProtocolCodec}. The CLI uses this rather than {@code EventRouterClient} so the server
 * jar carries no second WebSocket implementation (Tyrus) beside Jetty's.
 */
final class RouterSocket implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** What arrives, in order: messages, then at most one end. */
    sealed interface Incoming {
        record Message(ServerMessage message) implements Incoming {}

        /** The router closed the connection. */
        record Closed(int code, String reason) implements Incoming {}

        /** The connection failed, or a frame could not be decoded. */
        record Failed(String reason) implements Incoming {}
    }

    private final BlockingQueue<Incoming> incoming = new LinkedBlockingQueue<>();
    private final Duration timeout;
    private WebSocket socket;

    private RouterSocket(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Connects to {@code uri}; a wildcard host ({@code 0.0.0.0}, {@code ::}) means the router
     * listens everywhere, so this connects to the loopback address.
     *
     * @throws IOException naming the URL and the reason when nothing answers within {@code timeout}
     */
    static RouterSocket connect(URI uri, Duration timeout) throws IOException, InterruptedException {
        RouterSocket connection = new RouterSocket(timeout);
        URI target = connectable(uri);
        try {
            connection.socket = HTTP.newWebSocketBuilder()
                    .connectTimeout(timeout)
                    .buildAsync(target, connection.new Listener())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot connect to " + target + ": " + Failures.describe(e), e);
        }
        return connection;
    }

    static URI connectable(URI uri) {
        String host = uri.getHost();
        if ("0.0.0.0".equals(host)) {
            return URI.create(uri.toString().replaceFirst("//0\\.0\\.0\\.0", "//127.0.0.1"));
        }
        if ("[::]".equals(host) || "::".equals(host)) {
            return URI.create(uri.toString().replaceFirst("//\\[::]", "//[::1]"));
        }
        return uri;
    }

    void send(ClientMessage message) throws IOException, InterruptedException {
        try {
            socket.sendText(ProtocolCodec.encode(message), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot send " + message.type() + ": " + Failures.describe(e), e);
        }
    }

    /** The next thing that arrives, or null if nothing does within {@code wait}. */
    Incoming next(Duration wait) throws InterruptedException {
        return incoming.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A normal close, without waiting for the router's reply: the CLI is about to exit. */
    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                try {
                    incoming.add(new Incoming.Message(ProtocolCodec.decodeServerMessage(frame)));
                } catch (ProtocolException e) {
                    incoming.add(new Incoming.Failed("undecodable frame from the router: " + e.getMessage()));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            incoming.add(new Incoming.Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            incoming.add(new Incoming.Failed(Failures.describe(error)));
        }
    }
}
