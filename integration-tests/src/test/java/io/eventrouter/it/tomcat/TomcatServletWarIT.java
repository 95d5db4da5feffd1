package io.eventrouter.it.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.client.ClientOptions;
import io.eventrouter.client.EventRouterClient;
import io.eventrouter.client.PublishResult;
import io.eventrouter.it.war.CloseWatcher;
import io.eventrouter.it.war.DeployedRouter;
import io.eventrouter.protocol.Event;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The servlet WAR ({@code event-router-servlet.war}) on Tomcat 11, embedded: Tomcat supplies
 * Servlet and WebSocket, the WAR brings CDI (Weld Servlet) and JSON. A fresh Tomcat per test.
 */
class TomcatServletWarIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path work;

    private EmbeddedTomcat tomcat;
    private DeployedRouter router;

    @BeforeEach
    void start() throws Exception {
        Path war = Path.of(System.getProperty("router.servlet.war", "../router-app/target/event-router-servlet.war"));
        assertThat(war).as("the servlet WAR (built by router-app)").isRegularFile();
        tomcat = EmbeddedTomcat.start(war, work);
        router = tomcat.router();
    }

    @AfterEach
    void stop() throws Exception {
        tomcat.close();
    }

    @Test
    void shouldRouteEventsAndRequestsBetweenClientsAtTheContextRootAndWs() throws Exception {
        try (EventRouterClient subscriber = router.connect();
                EventRouterClient publisher = router.connect(ClientOptions.builder().url(router.websocketUrlAtWs()))) {
            BlockingQueue<Event> received = new LinkedBlockingQueue<>();
            subscriber.on("tomcat.*", received::add);
            subscriber.respond("tomcat.math.add", request -> Map.of("sum",
                    request.payload().getInt("a") + request.payload().getInt("b")));
            JsonObject payload = Json.createObjectBuilder().add("server", "tomcat").build();

            PublishResult result = publisher.publish("tomcat.smoke", payload);
            Event reply = publisher.request("tomcat.math.add", Map.of("a", 2, "b", 3), WAIT)
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(result.queued()).isTrue();
            Event event = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(event).as("event delivered").isNotNull();
            assertThat(event.payload()).isEqualTo(payload);
            assertThat(event.source()).isEqualTo(publisher.clientId());
            assertThat(reply.payload().getInt("sum")).isEqualTo(5);
        }
    }

    @Test
    void shouldServeProbesHealthAdminApiMetricsAndPage() {
        try (EventRouterClient client = router.connect()) {
            assertThat(client.health().health().connectedClients()).isPositive();
        }
        assertThat(router.get("health/live").statusCode()).isEqualTo(200);
        assertThat(router.get("health/ready").statusCode()).isEqualTo(200);
        assertThat(DeployedRouter.json(router.get("admin/api/health")).getString("status")).isEqualTo("healthy");
        assertThat(router.get("admin/api/config").statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = router.get("metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("router_clients");
        HttpResponse<String> page = router.get("admin/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("<html");
    }

    /** Undeploying shuts the router down while CDI still runs: connected clients get 1001. */
    @Test
    void shouldCloseConnectedClientsWithGoingAwayWhenUndeployed() throws Exception {
        CompletableFuture<Integer> closeCode = CloseWatcher.connect(router.websocketUrl(), WAIT);

        tomcat.undeploy();

        assertThat(closeCode.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1001);
    }
}
