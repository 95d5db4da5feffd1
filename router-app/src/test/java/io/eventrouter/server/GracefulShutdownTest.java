package io.eventrouter.server;

import static io.eventrouter.testing.Messages.publish;
import static io.eventrouter.testing.Messages.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.config.RouterConfig;
import io.eventrouter.testing.RunningRouter;
import io.eventrouter.testing.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {
    private static final int EVENTS = 2_000;
    private static final String PAYLOAD = "q".repeat(8 * 1024);

    @Test
    void shouldDeliverQueuedEventsThenCloseClientsWith1001() {
        RunningRouter router = RunningRouter.start(RouterConfig.builder().clientQueueSize(EVENTS * 2)
                .shutdownTimeout(Duration.ofSeconds(60)));
        CompletableFuture<Void> stopping = null;
        try (WsClient subscriber = router.client(); WsClient publisher = router.client()) {
            subscriber.request(subscribe("backlog"));
            subscriber.stopReading();
            for (int seq = 0; seq < EVENTS; seq++) {
                publisher.send(publish(Json.createObjectBuilder().add("topic", "backlog")
                        .add("payload", Json.createObjectBuilder().add("seq", seq).add("pad", PAYLOAD))));
            }
            assertThat(publisher.collect("published", EVENTS))
                    .allMatch(ack -> ack.getString("status").equals("queued"));

            // Stop while the subscriber's backlog is still unwritten, then let it read.
            stopping = CompletableFuture.runAsync(router::close);
            subscriber.resumeReading();

            List<JsonObject> received = subscriber.collect("event", EVENTS);
            for (int seq = 0; seq < EVENTS; seq++) {
                assertThat(received.get(seq).getJsonObject("event").getJsonObject("payload").getInt("seq")).isEqualTo(seq);
            }
            assertThat(subscriber.awaitClose()).isEqualTo(1001);
            assertThat(publisher.awaitClose()).isEqualTo(1001);
            stopping.join();
        } finally {
            if (stopping == null) {
                router.close();
            }
        }
    }

    @Test
    void shouldStopPromptlyWhenIdle() {
        RunningRouter router = RunningRouter.start();
        try (WsClient client = router.client()) {
            router.close();
            assertThat(client.awaitClose()).isEqualTo(1001);
        }
    }
}
