package io.eventrouter.it.arquillian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eventrouter.client.ClientOptions;
import io.eventrouter.client.ConnectionEvent;
import io.eventrouter.client.EventRouterClient;
import io.eventrouter.client.RouterProtocolException;
import io.eventrouter.client.SubscriptionHandle;
import io.eventrouter.it.war.DeployedRouter;
import io.eventrouter.protocol.ErrorCode;
import io.eventrouter.protocol.Health;
import io.eventrouter.protocol.SubscriptionSpec;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Health probes, the {@code get_health} message, the admin API and metrics of the servlet WAR on Jetty. */
class AdminAndHealthIT extends DeployedWarTest {
    private static final String JSON = "application/json";

    @Test
    void shouldReportLiveAndReadyWhileDeployed() {
        for (String probe : new String[] {"health/live", "health/ready"}) {
            HttpResponse<String> response = router.get(probe);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(DeployedRouter.json(response).getString("status")).as(probe).isEqualTo("UP");
        }
    }

    @Test
    void shouldReportTheSameHealthOverWebSocketAndTheAdminApi() {
        try (EventRouterClient client = router.connect()) {
            client.on(root + ".*", event -> { });

            Health overWebSocket = client.health().health();
            JsonObject overHttp = DeployedRouter.json(router.get("admin/api/health"));

            assertThat(overWebSocket.status()).isEqualTo(Health.HEALTHY);
            assertThat(overWebSocket.connectedClients()).as("this client at least").isPositive();
            assertThat(overWebSocket.activeSubscriptions()).as("this client's subscription at least").isPositive();
            assertThat(overHttp.getString("status")).isEqualTo(Health.HEALTHY);
            assertThat(overHttp.keySet()).contains("uptime", "events_processed", "events_failed", "events_in_queue",
                    "active_subscriptions", "connected_clients", "last_event_at", "errors");
        }
    }

    @Test
    void shouldListAClientWithItsSubscriptionAndDisconnectItOnRequest() throws Exception {
        String name = "admin-it-" + root;
        CountDownLatch disconnected = new CountDownLatch(1);
        try (EventRouterClient client = router.connect(ClientOptions.builder().url(router.websocketUrl())
                .clientName(name).autoReconnect(false))) {
            client.addConnectionListener(event -> {
                if (event == ConnectionEvent.DISCONNECTED) {
                    disconnected.countDown();
                }
            });
            SubscriptionHandle subscription = client.on(root + ".*", event -> { });

            JsonObject listed = DeployedRouter.json(router.get("admin/api/clients/" + client.clientId()));
            assertThat(listed.getString("name")).isEqualTo(name);
            assertThat(listed.getJsonArray("subscriptions")).hasSize(1);
            assertThat(listed.getJsonArray("subscriptions").getString(0)).isEqualTo(subscription.id());
            JsonObject subscriptions = DeployedRouter.json(router.get("admin/api/subscriptions"));
            assertThat(subscriptions.getJsonArray("subscriptions").getValuesAs(JsonObject.class))
                    .filteredOn(s -> s.getString("id").equals(subscription.id()))
                    .singleElement()
                    .satisfies(s -> assertThat(s.getString("client_name")).isEqualTo(name))
                    .satisfies(s -> assertThat(s.getJsonArray("topics").getString(0)).isEqualTo(root + ".*"));

            HttpResponse<String> deleted = router.delete("admin/api/clients/" + client.clientId());

            assertThat(deleted.statusCode()).isEqualTo(200);
            assertThat(disconnected.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("client told of the disconnect").isTrue();
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(router.get("admin/api/clients/" + client.clientId()).statusCode()).isEqualTo(404));
        }
    }

    @Test
    void shouldAnswerBadAdminRequestsWithJsonErrors() {
        HttpResponse<String> unknownClient = router.delete("admin/api/clients/no-such-client");
        assertError(unknownClient, 404, "no-such-client");

        HttpResponse<String> invalidValue = router.put("admin/api/config", JSON, "{\"max_clients\": -1}");
        assertError(invalidValue, 400, "max_clients");

        HttpResponse<String> unknownKey = router.put("admin/api/config", JSON, "{\"colour\": \"blue\"}");
        assertError(unknownKey, 400, "colour");

        HttpResponse<String> notJson = router.put("admin/api/config", "text/plain", "max_clients=5");
        assertError(notJson, 415, "application/json");

        HttpResponse<String> wrongMethod = router.post("health/ready", JSON, "{}");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void shouldApplyASubscriptionLimitChangedThroughTheAdminApiAtOnce() {
        int before = DeployedRouter.json(router.get("admin/api/config")).getJsonObject("settings")
                .getInt("max_subscriptions_per_client");
        try (EventRouterClient client = router.connect()) {
            HttpResponse<String> changed = router.put("admin/api/config", JSON, "{\"max_subscriptions_per_client\": 2}");
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            assertThat(DeployedRouter.json(changed).getJsonArray("applied").getString(0))
                    .isEqualTo("max_subscriptions_per_client");

            client.on(root + ".a", event -> { });
            client.on(root + ".b", event -> { });

            assertThatThrownBy(() -> client.subscribe(SubscriptionSpec.of(root + ".c"), event -> { }))
                    .isInstanceOfSatisfying(RouterProtocolException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_SUBSCRIPTIONS));
        } finally {
            HttpResponse<String> restored = router.put("admin/api/config", JSON,
                    "{\"max_subscriptions_per_client\": " + before + "}");
            assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        }
    }

    @Test
    void shouldServePrometheusMetricsAndTheAdminPage() {
        try (EventRouterClient client = router.connect()) {
            client.publish(root + ".counted", Map.of("n", 1));
        }
        HttpResponse<String> metrics = router.get("metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(metrics.body()).contains("router_events_published_total", "router_clients");

        HttpResponse<String> page = router.get("admin/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("<html");
    }

    private static void assertError(HttpResponse<String> response, int status, String mentioned) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonObject error = DeployedRouter.json(response);
        assertThat(error.getInt("status")).isEqualTo(status);
        assertThat(error.getString("error")).contains(mentioned);
    }
}
