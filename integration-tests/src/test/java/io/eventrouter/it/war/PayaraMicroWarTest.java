package io.eventrouter.it.war;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventrouter.client.ClientOptions;
import io.eventrouter.client.EventRouterClient;
import io.eventrouter.client.PublishResult;
import io.eventrouter.protocol.Event;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WAR as an operator deploys it: router-app's {@code event-router.war}, unchanged, on Payara
 * Micro 6 (Jakarta EE 10) at {@code /router}, started as a separate process. The server supplies
 * CDI, WebSocket, Servlet and JSON; the router's settings come from {@code ROUTER_*} variables.
 * Stopping Payara (SIGTERM) must close connected clients with 1001.
 * Runs in the normal build (~20–60 s, most of it Payara starting); the Payara jar is copied into
 * {@code target/payara} by the dependency plugin.
 */
class PayaraMicroWarTest {
    private static final String CONTEXT = "/router";
    private static final Duration DEPLOY_DEADLINE = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path work;

    private static Process payara;
    private static Path log;
    private static int port;

    @BeforeAll
    static void deploy() throws Exception {
        Path jar = Path.of(System.getProperty("payara.micro.jar", "target/payara/payara-micro.jar"));
        Path war = Path.of(System.getProperty("router.war", "../router-app/target/event-router.war"));
        assertThat(jar).as("Payara Micro (copied by the dependency plugin)").isRegularFile();
        assertThat(war).as("the WAR (built by router-app)").isRegularFile();
        port = freePort();
        log = work.resolve("payara.log");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar", jar.toAbsolutePath().toString(),
                "--deploy", war.toAbsolutePath() + ":" + CONTEXT,
                "--port", Integer.toString(port),
                "--nocluster", "--nohazelcast",
                "--rootdir", work.resolve("payara-root").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ROUTER_"));
        // Configuration from the server's environment, and no saved file from the user's home.
        builder.environment().put("ROUTER_DATA_DIR", work.resolve("data").toString());
        builder.environment().put("ROUTER_MAX_CLIENTS", "17");
        payara = builder.start();

        try {
            await().atMost(DEPLOY_DEADLINE).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> {
                        if (!payara.isAlive()) {
                            throw new AssertionError("Payara Micro exited with " + payara.exitValue());
                        }
                        return get("/health/ready").statusCode() == 200;
                    });
        } catch (Throwable notReady) {
            throw new AssertionError("the WAR did not become ready on Payara Micro; log tail:\n" + logTail(), notReady);
        }
    }

    /** Undeploying on SIGTERM shuts the router down gracefully: connected clients get 1001. */
    @AfterAll
    static void stop() throws Exception {
        if (payara == null) {
            return;
        }
        CompletableFuture<Integer> closed = payara.isAlive()
                ? CloseWatcher.connect("ws://127.0.0.1:" + port + CONTEXT + "/", Duration.ofSeconds(20))
                : null;
        payara.destroy();
        try {
            if (closed != null) {
                assertThat(closed.get(60, TimeUnit.SECONDS)).as("close code on undeploy").isEqualTo(1001);
            }
            assertThat(payara.waitFor(60, TimeUnit.SECONDS)).as("Payara exits after SIGTERM").isTrue();
        } finally {
            if (payara.isAlive()) {
                payara.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void shouldRouteEventsBetweenJavaClientsAtTheContextRootAndWs() throws Exception {
        String base = "ws://127.0.0.1:" + port + CONTEXT;
        try (EventRouterClient subscriber = client(base + "/"); EventRouterClient publisher = client(base + "/ws")) {
            BlockingQueue<Event> received = new LinkedBlockingQueue<>();
            subscriber.on("war.*", received::add);
            JsonObject payload = Json.createObjectBuilder().add("server", "payara").add("n", 1).build();

            PublishResult result = publisher.publish("war.smoke", payload);

            assertThat(result.queued()).isTrue();
            Event event = received.poll(30, TimeUnit.SECONDS);
            assertThat(event).as("event delivered through the WAR").isNotNull();
            assertThat(event.topic()).isEqualTo("war.smoke");
            assertThat(event.payload()).isEqualTo(payload);
            assertThat(event.source()).isEqualTo(publisher.clientId());
        }
    }

    @Test
    void shouldServeTheAdminApiProbesMetricsAndPage() throws Exception {
        HttpResponse<String> health = get("/admin/api/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).as(() -> "health; Payara log tail:\n" + logTail()).contains("\"status\":\"healthy\"");

        HttpResponse<String> config = get("/admin/api/config");
        assertThat(config.statusCode()).isEqualTo(200);
        JsonObject settings = Json.createReader(new java.io.StringReader(config.body())).readObject()
                .getJsonObject("settings");
        assertThat(settings.getJsonNumber("max_clients").intValue())
                .as("ROUTER_MAX_CLIENTS from the server's environment").isEqualTo(17);

        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE");
        HttpResponse<String> page = get("/admin/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("<html");
    }

    /** Connects, or fails with the server's log, which the temporary directory takes with it. */
    private static EventRouterClient client(String url) {
        try {
            return EventRouterClient.create(ClientOptions.builder().url(url).build()).connect();
        } catch (RuntimeException notConnected) {
            throw new AssertionError("could not connect to " + url + "; Payara log tail:\n" + logTail(), notConnected);
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + CONTEXT + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
