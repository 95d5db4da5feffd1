package io.eventrouter.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A raw WebSocket test client (the JDK's {@link WebSocket}): sends any text, records every frame
 * the router sends, and can stop reading to play a stalled subscriber.
 */
public final class WsClient implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(20);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final AtomicInteger requestIds = new AtomicInteger();
    private final ArrayDeque<JsonObject> heldFrames = new ArrayDeque<>();
    private WebSocket socket;

    private WsClient() {}

    /** Connects and returns once the socket is open (the welcome frame is left in the queue). */
    public static WsClient connect(URI uri) {
        WsClient client = new WsClient();
        client.socket = HTTP.newWebSocketBuilder()
                .connectTimeout(WAIT)
                .buildAsync(uri, client.new Listener())
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();
        return client;
    }

    /** Connects and consumes the welcome frame, returning the client with its id known. */
    public static WsClient connectWelcomed(URI uri) {
        WsClient client = connect(uri);
        JsonObject welcome = client.next();
        if (!"welcome".equals(welcome.getString("type"))) {
            throw new AssertionError("expected welcome first, got " + welcome);
        }
        client.clientId = welcome.getString("client_id");
        return client;
    }

    private String clientId;

    public String clientId() {
        return clientId;
    }

    public void send(String text) {
        socket.sendText(text, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public void sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public void send(JsonObject message) {
        send(message.toString());
    }

    /** Sends {@code message} with a fresh request_id and returns the reply echoing it. */
    public JsonObject request(JsonObject message) {
        String id = "r" + requestIds.incrementAndGet();
        send(Json.createObjectBuilder(message).add("request_id", id).build());
        return await(frame -> id.equals(frame.getString("request_id", null)));
    }

    /** The next frame, failing the test after {@link #WAIT}. */
    public JsonObject next() {
        JsonObject held = held().pollFirst();
        return held != null ? held : parse(nextRaw());
    }

    public String nextRaw() {
        try {
            String frame = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within " + WAIT);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The raw text of the first newly arriving frame containing {@code fragment}. */
    public String nextRawMatching(String fragment) {
        while (true) {
            String raw = nextRaw();
            if (raw.contains(fragment)) {
                return raw;
            }
            held().addLast(parse(raw));
        }
    }

    /**
     * The first frame, in arrival order, that matches; frames passed over stay available to
     * later calls. Fails after {@link #WAIT}.
     */
    public JsonObject await(Predicate<JsonObject> condition) {
        for (Iterator<JsonObject> it = held().iterator(); it.hasNext(); ) {
            JsonObject frame = it.next();
            if (condition.test(frame)) {
                it.remove();
                return frame;
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String raw = frames.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
                if (raw == null) {
                    break;
                }
                JsonObject frame = parse(raw);
                if (condition.test(frame)) {
                    return frame;
                }
                held().addLast(frame);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("no matching frame within " + WAIT + "; passed over " + held());
    }

    /** Collects {@code count} frames of {@code type}, in arrival order, leaving others. */
    public List<JsonObject> collect(String type, int count) {
        List<JsonObject> result = new ArrayList<>(count);
        while (result.size() < count) {
            result.add(await(frame -> type.equals(frame.getString("type"))));
        }
        return result;
    }

    /** Frames received and not yet taken, without waiting. */
    public List<JsonObject> drain() {
        List<String> raw = new ArrayList<>();
        frames.drainTo(raw);
        List<JsonObject> result = new ArrayList<>(held());
        held().clear();
        raw.stream().map(WsClient::parse).forEach(result::add);
        return result;
    }

    private ArrayDeque<JsonObject> held() {
        return heldFrames;
    }

    /** Stops reading from the socket, so the server's writes back up as for a stalled peer. */
    public void stopReading() {
        reading.set(false);
    }

    /** Resumes reading after {@link #stopReading()}. */
    public void resumeReading() {
        if (reading.compareAndSet(false, true)) {
            socket.request(1);
        }
    }

    /** The close code the server sent, waiting up to {@link #WAIT}. */
    public int awaitClose() {
        return closeCode.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public CompletableFuture<Integer> closeFuture() {
        return closeCode;
    }

    public boolean isOpen() {
        return !socket.isOutputClosed() && !socket.isInputClosed() && !closeCode.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    public static JsonObject parse(String frame) {
        try (var reader = Json.createReader(new StringReader(frame))) {
            return reader.readObject();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            if (reading.get()) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }
}
