package io.eventrouter.examples;

import io.eventrouter.client.EventRouterClient;
import io.eventrouter.client.Payloads;
import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.Health;
import io.eventrouter.protocol.Priority;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A first check of a router: connect, subscribe to {@code demo.#}, publish a few events of
 * different types and priorities, print each one as it comes back, then ask the router for a
 * ping and its health. A client receives the events it publishes itself when its subscriptions
 * match them, so one connection is enough.
 */
public final class TestClient {
    static final String DEFAULT_URL = "ws://localhost:9090/";

    /** One event the client sends: its topic, standard type, priority and a message. */
    public record Sample(String topic, String type, int priority, String message) {}

    static final List<Sample> SAMPLES = List.of(
            new Sample("demo.info", "system.info", Priority.LOW, "hello from the test client"),
            new Sample("demo.tasks.created", "task.created", Priority.NORMAL, "a task was created"),
            new Sample("demo.tasks.progress", "task.progress", Priority.NORMAL, "the task is half done"),
            new Sample("demo.alert", "system.alert", Priority.CRITICAL, "something needs attention"));

    /**
     * What the client saw.
     *
     * @param clientId the id the router gave this connection in its welcome
     * @param received the events that came back, in arrival order
     * @param roundTrip how long a ping took there and back
     * @param health the router's health report after the events went through
     */
    public record Report(String clientId, List<Event> received, Duration roundTrip, Health health) {}

    private TestClient() {}

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : DEFAULT_URL;
        System.out.println("connecting to " + url);
        Report report = run(url, event -> System.out.printf("received %-20s type=%-13s priority=%-2d %s%n",
                event.topic(), event.type(), event.priority(), event.payload()));
        Health health = report.health();
        System.out.printf("client id %s, ping %d ms%n", report.clientId(), report.roundTrip().toMillis());
        System.out.printf("router health: %s, %d clients, %d subscriptions, %d events processed, up %.1f s%n",
                health.status(), health.connectedClients(), health.activeSubscriptions(),
                health.eventsProcessed(), health.uptime());
    }

    /** Publishes {@link #SAMPLES}, hands each one to {@code onEvent} as it arrives, then checks health. */
    public static Report run(String url, Consumer<Event> onEvent)
            throws InterruptedException, TimeoutException {
        List<Event> received = new CopyOnWriteArrayList<>();
        CountDownLatch allBack = new CountDownLatch(SAMPLES.size());
        try (EventRouterClient client = EventRouterClient.connect(url)) {
            client.on("demo.#", event -> {
                received.add(event);
                onEvent.accept(event);
                allBack.countDown();
            });

            for (Sample sample : SAMPLES) {
                client.publish(Event.builder(sample.topic())
                        .type(sample.type())
                        .priority(sample.priority())
                        .payload(Payloads.toJson(Map.of("message", sample.message())))
                        .build());
            }
            if (!allBack.await(10, TimeUnit.SECONDS)) {
                throw new TimeoutException("Only " + received.size() + " of " + SAMPLES.size() + " events came back");
            }

            Duration roundTrip = client.ping();
            Health health = client.health().health();
            return new Report(client.clientId(), List.copyOf(received), roundTrip, health);
        }
    }
}
