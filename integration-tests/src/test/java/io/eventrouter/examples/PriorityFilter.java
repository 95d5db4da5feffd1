package io.eventrouter.examples;

import io.eventrouter.client.EventRouterClient;
import io.eventrouter.client.Payloads;
import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.Priority;
import io.eventrouter.protocol.SubscriptionSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A priority filter: the subscriber asks for {@code alerts.*} at {@link Priority#HIGH} or above
 * and, out of a mixed batch, receives only the HIGH and CRITICAL alerts. The router applies the
 * filter, so the other alerts never reach this client.
 */
public final class PriorityFilter {
    static final String DEFAULT_URL = "ws://localhost:9090/";

    /** One alert of the batch. */
    public record Alert(String topic, int priority, String message) {}

    static final List<Alert> BATCH = List.of(
            new Alert("alerts.disk", Priority.LOW, "disk 70% full"),
            new Alert("alerts.disk", Priority.HIGH, "disk 95% full"),
            new Alert("alerts.cpu", Priority.NORMAL, "cpu at 80%"),
            new Alert("alerts.db", Priority.CRITICAL, "database unreachable"),
            new Alert("alerts.cpu", Priority.LOWEST, "cpu back to normal"));

    private PriorityFilter() {}

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : DEFAULT_URL;
        for (Event alert : run(url)) {
            System.out.printf("priority %d on %s: %s%n", alert.priority(), alert.topic(), alert.payload().getString("message"));
        }
    }

    /** Publishes {@link #BATCH}; returns the alerts the filtered subscription received. */
    public static List<Event> run(String url) throws InterruptedException, TimeoutException {
        int expected = (int) BATCH.stream().filter(alert -> alert.priority() >= Priority.HIGH).count();
        List<Event> received = new CopyOnWriteArrayList<>();
        CountDownLatch urgentArrived = new CountDownLatch(expected);
        try (EventRouterClient oncall = EventRouterClient.connect(url);
                EventRouterClient monitor = EventRouterClient.connect(url)) {
            SubscriptionSpec urgent = SubscriptionSpec.builder()
                    .topics("alerts.*")
                    .minPriority(Priority.HIGH) // HIGH (7) and above: also CRITICAL (9), SYSTEM (10)
                    .build();
            oncall.subscribe(urgent, alert -> {
                received.add(alert);
                urgentArrived.countDown();
            });

            for (Alert alert : BATCH) {
                monitor.publish(alert.topic(), Map.of("message", alert.message()), alert.priority());
            }

            if (!urgentArrived.await(10, TimeUnit.SECONDS)) {
                throw new TimeoutException("Only " + received.size() + " of " + expected + " urgent alerts arrived");
            }
        }
        return List.copyOf(received);
    }
}
