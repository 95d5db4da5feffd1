package io.eventrouter.examples;

import io.eventrouter.client.EventRouterClient;
import io.eventrouter.client.Payloads;
import io.eventrouter.protocol.Event;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The basics: one client subscribes to {@code task.*}, another publishes three task events,
 * the subscriber receives them in order.
 */
public final class BasicPubSub {
    static final String DEFAULT_URL = "ws://localhost:9090/";
    static final List<String> TOPICS = List.of("task.created", "task.started", "task.completed");

    private BasicPubSub() {}

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : DEFAULT_URL;
        for (Event event : run(url)) {
            System.out.printf("received %-15s payload=%s from %s%n", event.topic(), event.payload(), event.source());
        }
    }

    /** Publishes {@link #TOPICS} and returns the events as the subscriber received them. */
    public static List<Event> run(String url) throws InterruptedException, TimeoutException {
        List<Event> received = new CopyOnWriteArrayList<>();
        CountDownLatch allArrived = new CountDownLatch(TOPICS.size());
        try (EventRouterClient subscriber = EventRouterClient.connect(url);
                EventRouterClient publisher = EventRouterClient.connect(url)) {
            // Handlers run on a client thread, one event at a time per subscription.
            subscriber.on("task.*", event -> {
                received.add(event);
                allArrived.countDown();
            });

            for (String topic : TOPICS) {
                Event event = Event.builder(topic)
                        .type(topic) // the type defaults to "custom"; use the standard one
                        .payload(Payloads.toJson(Map.of("task_id", "42", "step", topic)))
                        .build();
                publisher.publish(event); // waits for the router's "published" reply
            }

            if (!allArrived.await(10, TimeUnit.SECONDS)) {
                throw new TimeoutException("Only " + received.size() + " of " + TOPICS.size() + " events arrived");
            }
        }
        return List.copyOf(received);
    }
}
