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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The weighted fair queue routes like the strict one: everything once, FIFO per priority. */
class MultiQueueTest {

    @Test
    void shouldDeliverEverythingInFifoOrderPerPriorityWithWeightedFairLanes() {
        try (RunningRouter router = RunningRouter.start(RouterConfig.builder().useMultiQueue(true));
                WsClient subscriber = router.client(); WsClient publisher = router.client()) {
            subscriber.request(subscribe("mq.*"));
            int events = 2_000;
            for (int seq = 0; seq < events; seq++) {
                int priority = seq % 10 + 1;
                publisher.send(publish(Json.createObjectBuilder().add("topic", "mq.p" + priority).add("priority", priority)
                        .add("payload", Json.createObjectBuilder().add("seq", seq))));
            }
            List<JsonObject> received = subscriber.collect("event", events);
            Map<Integer, Integer> last = new HashMap<>();
            for (JsonObject frame : received) {
                JsonObject event = frame.getJsonObject("event");
                Integer previous = last.put(event.getInt("priority"), event.getJsonObject("payload").getInt("seq"));
                if (previous != null) {
                    assertThat(event.getJsonObject("payload").getInt("seq")).isGreaterThan(previous);
                }
            }
            assertThat(received.stream().map(f -> f.getJsonObject("event").getString("id")).distinct()).hasSize(events);
            assertThat(subscriber.request(type("get_health")).getString("queue_mode")).isEqualTo("weighted_fair");
        }
    }
}
