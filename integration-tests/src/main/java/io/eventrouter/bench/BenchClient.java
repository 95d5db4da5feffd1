package io.eventrouter.bench;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.client.CoreClientUpgradeRequest;
import org.eclipse.jetty.websocket.core.client.WebSocketCoreClient;

/**
 * The generator's WebSocket client: Jetty 12's core client, the same for both servers, on one
 * thread pool. With {@code sourceAddresses > 1} connections are spread over 127.0.0.2,
 * 127.0.0.3, … so that many connections to one port do not run out of ephemeral ports on a
 * single source address.
 */
final class BenchClient implements AutoCloseable {
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);
    private static final long CONNECT_TIMEOUT_MILLIS = 30_000;

    private final QueuedThreadPool threads = new QueuedThreadPool();
    private final ByteBufferPool buffers = new ArrayByteBufferPool();
    private final List<WebSocketCoreClient> clients = new ArrayList<>();
    private final Configuration.ConfigurationCustomizer configuration = new Configuration.ConfigurationCustomizer();
    private int next;

    BenchClient(int sourceAddresses) throws Exception {
        threads.setName("loadgen-client");
        threads.start();
        configuration.setIdleTimeout(IDLE_TIMEOUT);
        configuration.setMaxTextMessageSize(16 * 1024 * 1024);
        configuration.setMaxFrameSize(16 * 1024 * 1024);
        try {
            for (int i = 0; i < sourceAddresses; i++) {
                HttpClient http = new HttpClient();
                http.setExecutor(threads);
                http.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
                http.setIdleTimeout(IDLE_TIMEOUT.toMillis());
                http.setMaxConnectionsPerDestination(Integer.MAX_VALUE);
                http.setMaxRequestsQueuedPerDestination(Integer.MAX_VALUE);
                if (sourceAddresses > 1) {
                    http.setBindAddress(new InetSocketAddress("127.0.0." + (2 + i), 0));
                }
                http.setByteBufferPool(buffers);
                WebSocketCoreClient client = new WebSocketCoreClient(http,
                        new WebSocketComponents(null, null, buffers, null, null, threads));
                client.start();
                clients.add(client);
            }
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** Starts connecting; the future completes when the WebSocket is open (not yet ready). */
    CompletableFuture<Connection> connect(URI uri, Connection connection) {
        WebSocketCoreClient client = clients.get(next++ % clients.size());
        CoreClientUpgradeRequest request = CoreClientUpgradeRequest.from(client, uri, connection);
        request.setConfiguration(configuration);
        request.timeout(CONNECT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        try {
            return client.connect(request).thenApply(session -> connection);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Connects all {@code connections}, at most {@code concurrency} handshakes at a time, and
     * waits until each is ready or failed. Returns how many became ready.
     */
    int connectAll(URI uri, List<? extends Connection> connections, int concurrency, long deadlineNanos)
            throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        List<CompletableFuture<Connection>> pending = new ArrayList<>(connections.size());
        for (Connection connection : connections) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0 || !slots.tryAcquire(remaining, TimeUnit.NANOSECONDS)) {
                connection.ready.completeExceptionally(new IllegalStateException("not started before the deadline"));
                pending.add(connection.ready);
                continue;
            }
            connect(uri, connection).whenComplete((opened, failure) -> {
                if (failure != null) {
                    connection.ready.completeExceptionally(failure);
                }
            });
            CompletableFuture<Connection> ready = connection.ready.whenComplete((done, failure) -> slots.release());
            pending.add(ready);
        }
        int ok = 0;
        for (CompletableFuture<Connection> ready : pending) {
            long remaining = Math.max(0, deadlineNanos - System.nanoTime());
            try {
                ready.get(remaining, TimeUnit.NANOSECONDS);
                ok++;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException failed) {
                // counted by the caller through the connection's own state
            }
        }
        return ok;
    }

    @Override
    public void close() {
        for (WebSocketCoreClient client : clients) {
            try {
                client.stop();
                client.getHttpClient().stop();
            } catch (Exception e) {
                // best effort: the run is over
            }
        }
        try {
            threads.stop();
        } catch (Exception e) {
            // best effort
        }
    }
}
