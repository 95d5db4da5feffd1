package io.eventrouter.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.testing.AdminHttp;
import io.eventrouter.testing.WsClient;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthProbeTest extends AdminRouterTestBase {

    @Test
    void shouldBeLiveAndReadyWhileServing() {
        assertUp(http.get("/health/live"));
        assertUp(http.get("/health/ready"));
    }

    @Test
    void shouldStayLiveButTurnNotReadyOnceShutdownBegan() {
        try (WsClient client = router.client()) {
            // The router's own shutdown, without stopping Jetty: what a load balancer sees meanwhile.
            router.server().router().shutdown(Duration.ZERO);
            assertThat(client.awaitClose()).isEqualTo(1001);

            HttpResponse<String> ready = http.get("/health/ready");

            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(AdminHttp.json(ready).getString("status")).isEqualTo("DOWN");
            assertUp(http.get("/health/live"));
        }
    }

    private static void assertUp(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = AdminHttp.json(response);
        assertThat(body.getString("status")).isEqualTo("UP");
    }
}
