package io.eventrouter.server;

import static io.eventrouter.testing.Messages.publish;
import static io.eventrouter.testing.Messages.subscribe;
import static io.eventrouter.testing.Messages.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.config.RouterConfig;
import io.eventrouter.testing.RunningRouter;
import io.eventrouter.testing.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A subscriber that stops reading fills only its own queue and is cut off; others carry on. */
class SlowConsumerTest {
    private static final int EVENTS = 3_000;
    private static final int BATCH = 100;
    private static final String PAYLOAD = "z".repeat(32 * 1024);
    private RunningRouter router;

    @BeforeEach
    void start() {
        router = RunningRouter.start(RouterConfig.builder().clientQueueSize(500).slowConsumerDropLimit(50));
    }

    @AfterEach
    void stop() {
        router.close();
    }

    @Test
    void shouldDisconnectAStalledSubscriberWithoutDelayingTheOthers() {
        try (WsClient stalled = router.client(); WsClient healthy = router.client();
                WsClient publisher = router.client(); WsClient observer = router.client()) {
            stalled.request(subscribe("flood"));
            healthy.request(subscribe("flood"));
            stalled.stopReading();

            // Paced by the healthy subscriber (batches of 100) so only the stalled one falls behind.
            List<JsonObject> received = new ArrayList<>();
            for (int batch = 0; batch < EVENTS / BATCH; batch++) {
                for (int i = 0; i < BATCH; i++) {
                    int seq = batch * BATCH + i;
                    publisher.send(publish(Json.createObjectBuilder().add("topic", "flood").add("priority", 5)
                            .add("payload", Json.createObjectBuilder().add("seq", seq).add("pad", PAYLOAD))));
                }
                assertThat(publisher.collect("published", BATCH))
                        .allMatch(ack -> ack.getString("status").equals("queued"));
                received.addAll(healthy.collect("event", BATCH));
            }
            for (int seq = 0; seq < EVENTS; seq++) {
                assertThat(received.get(seq).getJsonObject("event").getJsonObject("payload").getInt("seq")).isEqualTo(seq);
            }

            Awaitility.await().atMost(WsClient.WAIT).until(() ->
                    observer.request(type("get_health")).getInt("slow_consumer_disconnects") == 1);
            JsonObject health = observer.request(type("get_health"));
            assertThat(health.getJsonObject("health").getInt("connected_clients")).isEqualTo(3);
            assertThat(health.getJsonObject("dropped").getInt("slow_consumer")).isGreaterThan(50);
            assertThat(healthy.request(type("ping")).getString("type")).isEqualTo("pong");
        }
    }
}
