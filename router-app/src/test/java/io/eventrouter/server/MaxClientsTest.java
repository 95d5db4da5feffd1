package io.eventrouter.server;

import static io.eventrouter.testing.Messages.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.config.RouterConfig;
import io.eventrouter.testing.RunningRouter;
import io.eventrouter.testing.WsClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MaxClientsTest {
    private RunningRouter router;

    @BeforeEach
    void start() {
        router = RunningRouter.start(RouterConfig.builder().maxClients(2));
    }

    @AfterEach
    void stop() {
        router.close();
    }

    @Test
    void shouldRefuseTheClientBeyondTheLimitWithAnErrorThenAClose() {
        try (WsClient first = router.client(); WsClient second = router.client();
                WsClient third = WsClient.connect(router.uri())) {
            JsonObject error = third.next();
            assertThat(error.getString("type")).isEqualTo("error");
            assertThat(error.getString("error")).isEqualTo("max_clients_reached");
            assertThat(error.getString("code")).isEqualTo("max_clients_reached");
            assertThat(error.getString("message")).contains("2");
            assertThat(third.awaitClose()).isEqualTo(1013);

            assertThat(first.request(type("ping")).getString("type")).isEqualTo("pong");
            assertThat(second.request(type("get_health")).getJsonObject("health").getInt("connected_clients"))
                    .isEqualTo(2);
        }
    }

    @Test
    void shouldAdmitANewClientOnceAPlaceIsFree() {
        try (WsClient first = router.client()) {
            WsClient second = router.client();
            second.close();
            // The place frees when the router sees the close; a fresh client then gets a welcome.
            org.awaitility.Awaitility.await().atMost(WsClient.WAIT).until(() ->
                    first.request(type("get_health")).getJsonObject("health").getInt("connected_clients") == 1);
            try (WsClient again = WsClient.connect(router.uri())) {
                assertThat(again.next().getString("type")).isEqualTo("welcome");
            }
        }
    }
}
