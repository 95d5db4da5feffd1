package io.eventrouter.it.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.client.ClientOptions;
import io.eventrouter.client.EventRouterClient;
import io.eventrouter.client.Payloads;
import io.eventrouter.client.PublishResult;
import io.eventrouter.it.TestRouter;
import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.EventMetadata;
import io.eventrouter.protocol.Priority;
import io.eventrouter.protocol.SubscriptionSpec;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientRoundTripTest {
    private TestRouter router;

    @BeforeEach
    void start() {
        router = TestRouter.start();
    }

    @AfterEach
    void stop() {
        router.close();
    }

    private EventRouterClient client() {
        return EventRouterClient.create(ClientOptions.builder().url(router.url()).build()).connect();
    }

    @Test
    void shouldRoundTripAThousandEventsWithEqualPayloads() throws Exception {
        int count = 1_000;
        try (EventRouterClient subscriber = client(); EventRouterClient publisher = client()) {
            BlockingQueue<Event> received = new LinkedBlockingQueue<>();
            subscriber.on("round.*", received::add);
            List<JsonObject> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                JsonObject payload = Json.createObjectBuilder().add("seq", i).add("text", "event " + i)
                        .add("nested", Json.createObjectBuilder().add("values", Json.createArrayBuilder().add(i).add(0.5)))
                        .build();
                sent.add(payload);
                PublishResult result = publisher.publish("round.trip", payload);
                assertThat(result.queued()).isTrue();
            }
            for (int i = 0; i < count; i++) {
                Event event = received.poll(20, TimeUnit.SECONDS);
                assertThat(event).as("event %d", i).isNotNull();
                assertThat(event.payload()).isEqualTo(sent.get(i));
                assertThat(event.source()).isEqualTo(publisher.clientId());
            }
        }
    }

    @Test
    void shouldPublishFromEightThreadsAtOnce() throws Exception {
        int threads = 8;
        int perThread = 250;
        try (EventRouterClient subscriber = client(); EventRouterClient publisher = client()) {
            Map<String, Event> received = new ConcurrentHashMap<>();
            CountDownLatch all = new CountDownLatch(threads * perThread);
            subscriber.on("mt.#", event -> {
                received.put(event.id(), event);
                all.countDown();
            });
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    work.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            assertThat(publisher.publish("mt." + thread, Map.of("i", i)).queued()).isTrue();
                        }
                    }));
                }
                for (Future<?> future : work) {
                    future.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(received).hasSize(threads * perThread);
        }
    }

    @Test
    void shouldFilterByPriorityAndCarryMetadata() throws Exception {
        try (EventRouterClient subscriber = client(); EventRouterClient publisher = client()) {
            BlockingQueue<Event> urgent = new LinkedBlockingQueue<>();
            subscriber.subscribe(SubscriptionSpec.builder().topics("alerts.*").minPriority(Priority.HIGH).build(), urgent::add);
            publisher.publish("alerts.disk", Map.of("level", "low"), Priority.LOW);
            publisher.publish(Event.builder("alerts.cpu").priority(Priority.CRITICAL).type("system.alert")
                    .payload(Payloads.toJson(Map.of("level", "high")))
                    .metadata(EventMetadata.builder().traceId("trace-7").tag("host", "db1").header("h", "v").build())
                    .build());
            Event event = urgent.poll(20, TimeUnit.SECONDS);
            assertThat(event).isNotNull();
            assertThat(event.topic()).isEqualTo("alerts.cpu");
            assertThat(event.type()).isEqualTo("system.alert");
            assertThat(event.metadata().traceId()).isEqualTo("trace-7");
            assertThat(event.metadata().tags()).containsEntry("host", "db1");
            assertThat(event.metadata().headers()).containsEntry("h", "v");
            assertThat(Payloads.fromJson(event.payload(), Level.class).level()).isEqualTo("high");
            // the LOW one was filtered out: the next thing to arrive is a later HIGH event
            publisher.publish("alerts.net", Map.of("level", "high"), Priority.HIGH);
            assertThat(urgent.poll(20, TimeUnit.SECONDS).topic()).isEqualTo("alerts.net");
        }
    }

    public record Level(String level) {
    }
}
