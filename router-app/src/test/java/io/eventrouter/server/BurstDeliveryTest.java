package io.eventrouter.server;

import static io.eventrouter.testing.Messages.publish;
import static io.eventrouter.testing.Messages.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.config.RouterConfig;
import io.eventrouter.testing.RunningRouter;
import io.eventrouter.testing.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bursts and concurrent publishers: nothing lost, nothing duplicated, order kept, no stall. */
class BurstDeliveryTest {
    private static final int[] PRIORITIES = {1, 2, 3, 5, 7, 9, 10};
    private RunningRouter router;

    @BeforeEach
    void start() {
        router = RunningRouter.start(RouterConfig.builder().maxQueueSize(20_000).clientQueueSize(20_000)
                .slowConsumerDropLimit(20_000));
    }

    @AfterEach
    void stop() {
        router.close();
    }

    @Test
    void shouldDeliverABurstOfTenThousandMixedPriorityEventsToTenSubscribers() throws Exception {
        int events = 10_000;
        List<WsClient> subscribers = new ArrayList<>();
        try (WsClient publisher = router.client()) {
            for (int i = 0; i < 10; i++) {
                WsClient subscriber = router.client();
                subscribers.add(subscriber);
                subscriber.request(subscribe("burst.#"));
            }
            for (int seq = 0; seq < events; seq++) {
                int priority = PRIORITIES[seq % PRIORITIES.length];
                publisher.send(publish(Json.createObjectBuilder().add("topic", "burst.p" + priority)
                        .add("priority", priority)
                        .add("payload", Json.createObjectBuilder().add("seq", seq))));
            }
            List<JsonObject> acks = publisher.collect("published", events);
            assertThat(acks).allMatch(ack -> ack.getString("status").equals("queued"));

            ExecutorService readers = Executors.newFixedThreadPool(subscribers.size());
            try {
                List<Future<List<JsonObject>>> received = new ArrayList<>();
                for (WsClient subscriber : subscribers) {
                    received.add(readers.submit(() -> subscriber.collect("event", events)));
                }
                for (Future<List<JsonObject>> future : received) {
                    assertCompleteAndOrdered(future.get(), events, Map.of());
                }
            } finally {
                readers.shutdownNow();
            }
        } finally {
            subscribers.forEach(WsClient::close);
        }
    }

    @Test
    void shouldNeverStallWithEightConcurrentPublishers() throws Exception {
        int publishers = 8;
        int perPublisher = 1_500;
        try (WsClient subscriber = router.client()) {
            subscriber.request(subscribe("*"));
            ExecutorService pool = Executors.newFixedThreadPool(publishers);
            List<WsClient> clients = new ArrayList<>();
            try {
                List<Future<List<JsonObject>>> acks = new ArrayList<>();
                for (int p = 0; p < publishers; p++) {
                    WsClient publisher = router.client();
                    clients.add(publisher);
                    String name = "pub" + p;
                    acks.add(pool.submit(() -> {
                        for (int seq = 0; seq < perPublisher; seq++) {
                            int priority = PRIORITIES[seq % PRIORITIES.length];
                            publisher.send(publish(Json.createObjectBuilder().add("topic", "conc." + name)
                                    .add("priority", priority).add("source", name)
                                    .add("payload", Json.createObjectBuilder().add("seq", seq))));
                        }
                        return publisher.collect("published", perPublisher);
                    }));
                }
                for (Future<List<JsonObject>> future : acks) {
                    assertThat(future.get()).allMatch(ack -> ack.getString("status").equals("queued"));
                }
                List<JsonObject> received = subscriber.collect("event", publishers * perPublisher);
                Map<String, List<JsonObject>> bySource = new HashMap<>();
                for (JsonObject frame : received) {
                    bySource.computeIfAbsent(frame.getJsonObject("event").getString("source"), k -> new ArrayList<>())
                            .add(frame);
                }
                assertThat(bySource).hasSize(publishers);
                bySource.values().forEach(frames -> assertCompleteAndOrdered(frames, perPublisher, Map.of()));
            } finally {
                pool.shutdownNow();
                clients.forEach(WsClient::close);
            }
        }
    }

    /** Every seq exactly once, and increasing within each priority (FIFO per priority). */
    private static void assertCompleteAndOrdered(List<JsonObject> frames, int expected, Map<String, Object> ignored) {
        assertThat(frames).hasSize(expected);
        Set<Integer> seen = new HashSet<>();
        Map<Integer, Integer> lastSeqByPriority = new HashMap<>();
        for (JsonObject frame : frames) {
            JsonObject event = frame.getJsonObject("event");
            int seq = event.getJsonObject("payload").getInt("seq");
            int priority = event.getInt("priority");
            assertThat(seen.add(seq)).as("duplicate seq %d", seq).isTrue();
            Integer last = lastSeqByPriority.put(priority, seq);
            if (last != null) {
                assertThat(seq).as("FIFO within priority %d", priority).isGreaterThan(last);
            }
        }
        assertThat(seen).hasSize(expected);
    }
}
