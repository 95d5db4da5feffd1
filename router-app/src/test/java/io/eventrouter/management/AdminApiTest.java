package io.eventrouter.management;

import static io.eventrouter.testing.Messages.payload;
import static io.eventrouter.testing.Messages.publish;
import static io.eventrouter.testing.Messages.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.config.RouterConfig;
import io.eventrouter.testing.AdminHttp;
import io.eventrouter.testing.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The read-only admin API endpoints, the client disconnect, and the API's error answers. */
class AdminApiTest extends AdminRouterTestBase {

    @Test
    void shouldServeTheHealthObjectWithTheV2Keys() {
        try (WsClient client = router.client()) {
            assertThat(client.clientId()).isNotBlank();

            JsonObject health = http.getJson("/admin/api/health");

            assertThat(health.keySet()).containsExactlyInAnyOrder("status", "uptime", "events_processed",
                    "events_failed", "events_in_queue", "active_subscriptions", "connected_clients", "last_event_at",
                    "errors");
            assertThat(health.getString("status")).isEqualTo("healthy");
            assertThat(health.getInt("connected_clients")).isEqualTo(1);
            assertThat(health.get("last_event_at")).isEqualTo(JsonValue.NULL);
        }
    }

    @Test
    void shouldReportTotalsQueueDepthByPriorityAndRatesInStats() {
        try (WsClient subscriber = router.client(); WsClient publisher = router.client()) {
            subscriber.request(subscribe("stats.*"));
            for (int i = 0; i < 5; i++) {
                publisher.request(publish("stats.tick", 7, payload("i", i)));
            }
            subscriber.collect("event", 5);

            JsonObject stats = http.getJson("/admin/api/stats");

            assertThat(stats.getJsonObject("events").getJsonNumber("published").longValue()).isEqualTo(5);
            JsonObject queue = stats.getJsonObject("queue");
            assertThat(queue.getJsonObject("depth_by_priority").keySet())
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
            assertThat(queue.getInt("capacity")).isEqualTo(RouterConfig.DEFAULT_MAX_QUEUE_SIZE);
            JsonObject rates = stats.getJsonObject("rates");
            assertThat(rates.getJsonNumber("window_seconds").doubleValue()).isPositive();
            assertThat(rates.getJsonNumber("published_per_second").doubleValue()).isPositive();
            assertThat(rates.getJsonNumber("delivered_per_second").doubleValue()).isNotNegative();
            assertThat(stats.getJsonObject("dropped").keySet())
                    .containsExactlyInAnyOrder("queue_full", "evicted", "slow_consumer", "disconnected", "send_failed");
            assertThat(stats.getJsonObject("dropped").getJsonObject("queue_full").getInt("total")).isZero();
            assertThat(stats.getInt("clients")).isEqualTo(2);
            assertThat(stats.getInt("subscriptions")).isEqualTo(1);
        }
    }

    @Test
    void shouldListAConnectedClientWithItsSubscriptionsAndOutboundQueueDepth() {
        try (WsClient client = WsClient.connectWelcomed(router.uri("/?client_name=watcher"))) {
            client.request(subscribe(Json.createObjectBuilder().add("id", "mine")
                    .add("topics", Json.createArrayBuilder().add("orders.#"))));
            client.request(subscribe("alerts.*"));

            JsonObject clients = http.getJson("/admin/api/clients");

            assertThat(clients.getInt("count")).isEqualTo(1);
            JsonObject listed = clients.getJsonArray("clients").getJsonObject(0);
            assertThat(listed.getString("id")).isEqualTo(client.clientId());
            assertThat(listed.getString("name")).isEqualTo("watcher");
            assertThat(listed.getString("address")).startsWith("127.0.0.1:");
            assertThat(listed.getString("connected_since")).isNotBlank();
            assertThat(listed.getJsonArray("subscriptions").getValuesAs(jakarta.json.JsonString::getString))
                    .containsExactly("mine", client.clientId() + "-1");
            assertThat(listed.getInt("outbound_queue_depth")).isZero();
            assertThat(http.getJson("/admin/api/clients/" + client.clientId())).isEqualTo(listed);
        }
    }

    @Test
    void shouldListSubscriptionsWithTheirTopicsAndFilters() {
        try (WsClient client = router.client()) {
            client.request(subscribe(Json.createObjectBuilder()
                    .add("topics", Json.createArrayBuilder().add("task.*").add("job.#"))
                    .add("types", Json.createArrayBuilder().add("task.created"))
                    .add("priorities", Json.createArrayBuilder().add(8))));

            JsonObject subscriptions = http.getJson("/admin/api/subscriptions");

            assertThat(subscriptions.getInt("count")).isEqualTo(1);
            JsonObject listed = subscriptions.getJsonArray("subscriptions").getJsonObject(0);
            assertThat(listed.getString("id")).isEqualTo(client.clientId() + "-1");
            assertThat(listed.getString("client_id")).isEqualTo(client.clientId());
            assertThat(listed.get("client_name")).isEqualTo(JsonValue.NULL);
            assertThat(listed.getJsonArray("topics").toString()).isEqualTo("[\"task.*\",\"job.#\"]");
            assertThat(listed.getJsonArray("types").toString()).isEqualTo("[\"task.created\"]");
            assertThat(listed.getJsonArray("priorities").toString()).isEqualTo("[8]");
            assertThat(listed.getJsonArray("sources")).isEmpty();
        }
    }

    @Test
    void shouldDisconnectAClientWithPolicyViolationAndForgetIt() {
        try (WsClient doomed = router.client(); WsClient other = router.client()) {
            HttpResponse<String> response = http.delete("/admin/api/clients/" + doomed.clientId());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(AdminHttp.json(response).getString("disconnected")).isEqualTo(doomed.clientId());
            assertThat(doomed.awaitClose()).isEqualTo(1008);
            assertThat(http.getJson("/admin/api/clients").getJsonArray("clients"))
                    .extracting(client -> client.asJsonObject().getString("id"))
                    .containsExactly(other.clientId());
            assertThat(http.delete("/admin/api/clients/" + doomed.clientId()).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void shouldAnswer404WithAJsonErrorForAnUnknownClient() {
        HttpResponse<String> deleted = http.delete("/admin/api/clients/no-such-client");
        HttpResponse<String> fetched = http.get("/admin/api/clients/no-such-client");

        for (HttpResponse<String> response : java.util.List.of(deleted, fetched)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            JsonObject error = AdminHttp.json(response);
            assertThat(error.getString("error")).contains("no-such-client");
            assertThat(error.getInt("status")).isEqualTo(404);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "POST,   /admin/api/stats,          GET",
        "DELETE, /admin/api/health,         GET",
        "PUT,    /admin/api/clients,        GET",
        "POST,   /admin/api/subscriptions,  GET",
        "DELETE, /admin/api/config,         'GET, PUT'",
        "POST,   /admin/api/clients/abc,    'GET, DELETE'",
        "POST,   /health/ready,             GET",
        "DELETE, /metrics,                  GET",
    })
    void shouldAnswer405NamingTheAllowedMethods(String method, String path, String allowed) {
        HttpResponse<String> response = http.send(method, path);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue(allowed);
        JsonObject error = AdminHttp.json(response);
        assertThat(error.getInt("status")).isEqualTo(405);
        assertThat(error.getString("error")).contains(method).contains(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/admin/api/nothing", "/admin/api", "/admin/api/clients/a/b", "/health/sick"})
    void shouldAnswer404WithAJsonErrorForAnUnknownPath(String path) {
        HttpResponse<String> response = http.get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(AdminHttp.json(response).getInt("status")).isEqualTo(404);
    }

    @Test
    void shouldServeTheAdminPageAndRedirectToItsFolder() {
        HttpResponse<String> page = http.get("/admin/");
        HttpResponse<String> bare = http.get("/admin");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("Event Router admin").contains("href=\"api/health\"");
        assertThat(http.get("/admin/index.html").body()).isEqualTo(page.body());
        assertThat(bare.statusCode()).isBetween(301, 308);
        assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/admin/"));
        assertThat(http.get("/admin/missing.html").statusCode()).isEqualTo(404);
        // The page's ES modules must come with a JavaScript type, or browsers refuse them.
        for (String module : List.of("admin.js", "api.js", "live.js", "chart.js")) {
            HttpResponse<String> script = http.get("/admin/" + module);
            assertThat(script.statusCode()).as(module).isEqualTo(200);
            assertThat(script.headers().firstValue("Content-Type")).as(module).hasValueSatisfying(
                    type -> assertThat(type).contains("javascript"));
        }
        assertThat(http.get("/admin/admin.css").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    }
}
