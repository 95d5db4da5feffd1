package io.eventrouter.it.war;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** A bare WebSocket connection that only waits to hear how the server closes it. */
public final class CloseWatcher implements WebSocket.Listener {
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

    private CloseWatcher() {}

    /**
     * Connects to {@code url} (failing if that takes longer than {@code timeout}) and returns the
     * close code the server will send.
     */
    public static CompletableFuture<Integer> connect(String url, Duration timeout) throws Exception {
        CloseWatcher watcher = new CloseWatcher();
        HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), watcher)
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return watcher.closeCode;
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
