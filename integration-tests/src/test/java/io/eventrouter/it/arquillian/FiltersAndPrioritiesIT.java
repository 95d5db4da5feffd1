package io.eventrouter.it.arquillian;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.client.EventRouterClient;
import io.eventrouter.client.Payloads;
import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.Priority;
import io.eventrouter.protocol.SubscriptionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Type, source and priority filters of a subscription, and the order of delivery, through the
 * servlet WAR on Jetty.
 *
 * <p>Proving that an event was <em>not</em> delivered needs no waiting: the subscriber also
 * holds an unfiltered witness subscription, and after the unwanted events the test publishes a
 * marker at the lowest priority that only the witness accepts. The router takes a lowest-priority
 * event after everything queued before it, and a connection writes it after every frame queued
 * for it earlier; so once the witness has the marker, a wrongly delivered event would already be
 * first in the filtered subscription's queue. The wanted events are published after that.
 */
class FiltersAndPrioritiesIT extends DeployedWarTest {
    private static final String MARKER_TYPE = "test.marker";

    @Test
    void shouldDeliverOnlyEventsOfTheListedTypes() throws Exception {
        try (EventRouterClient subscriber = router.connect(); EventRouterClient publisher = router.connect()) {
            BlockingQueue<Event> witness = witness(subscriber);
            BlockingQueue<Event> completed = new LinkedBlockingQueue<>();
            subscriber.subscribe(SubscriptionSpec.builder().topics(root + ".*").types("task.completed").build(),
                    completed::add);

            publisher.publish(event("task.created", Priority.NORMAL).build());
            publisher.publish(event("task.failed", Priority.NORMAL).build());
            awaitMarker(publisher, witness);
            Event wanted = event("task.completed", Priority.NORMAL).build();
            publisher.publish(wanted);

            assertThat(next(completed).id()).isEqualTo(wanted.id());
        }
    }

    @Test
    void shouldDeliverOnlyEventsFromTheListedSources() throws Exception {
        try (EventRouterClient subscriber = router.connect(); EventRouterClient trusted = router.connect();
                EventRouterClient other = router.connect()) {
            BlockingQueue<Event> witness = witness(subscriber);
            BlockingQueue<Event> fromTrusted = new LinkedBlockingQueue<>();
            subscriber.subscribe(SubscriptionSpec.builder().topics(root + ".*").sources(trusted.clientId()).build(),
                    fromTrusted::add);

            other.publish(event("custom", Priority.NORMAL).build());
            awaitMarker(other, witness);
            Event wanted = event("custom", Priority.NORMAL).build();
            trusted.publish(wanted);

            Event received = next(fromTrusted);
            assertThat(received.id()).isEqualTo(wanted.id());
            assertThat(received.source()).isEqualTo(trusted.clientId());
        }
    }

    @Test
    void shouldDeliverOnlyEventsAtOrAboveTheMinimumPriority() throws Exception {
        try (EventRouterClient subscriber = router.connect(); EventRouterClient publisher = router.connect()) {
            BlockingQueue<Event> witness = witness(subscriber);
            BlockingQueue<Event> urgent = new LinkedBlockingQueue<>();
            subscriber.subscribe(SubscriptionSpec.builder().topics(root + ".*").minPriority(Priority.HIGH).build(),
                    urgent::add);

            publisher.publish(event("system.alert", Priority.LOW).build());
            publisher.publish(event("system.alert", Priority.NORMAL).build());
            awaitMarker(publisher, witness);
            publisher.publish(event("system.alert", Priority.HIGH).build());
            publisher.publish(event("system.alert", Priority.CRITICAL).build());

            List<Integer> priorities = List.of(next(urgent).priority(), next(urgent).priority());
            assertThat(priorities).containsExactlyInAnyOrder(Priority.HIGH, Priority.CRITICAL);
        }
    }

    /**
     * Events of one priority from one publisher keep their publish order, whatever other
     * priorities are interleaved with them. Which priority overtakes which depends on what is
     * waiting at the moment, so across priorities only the priorities themselves are checked
     * here; the ordering rules are tested in-process (EventQueueTest, OutboxTest).
     */
    @Test
    void shouldKeepPublishOrderWithinEachPriorityAndCarryPriorities() throws Exception {
        int[] cycle = {Priority.LOW, Priority.NORMAL, Priority.HIGH, Priority.CRITICAL};
        int count = 40;
        try (EventRouterClient subscriber = router.connect(); EventRouterClient publisher = router.connect()) {
            BlockingQueue<Event> received = new LinkedBlockingQueue<>();
            subscriber.on(root + ".*", received::add);

            for (int seq = 0; seq < count; seq++) {
                int priority = cycle[seq % cycle.length];
                publisher.publish(root + ".seq", Map.of("seq", seq, "priority", priority), priority);
            }

            List<Event> events = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                events.add(next(received));
            }
            for (int priority : cycle) {
                List<Integer> sequence = events.stream().filter(e -> e.priority() == priority)
                        .map(e -> e.payload().getInt("seq")).toList();
                assertThat(sequence).as("publish order at priority %d", priority).hasSize(count / cycle.length)
                        .isSorted();
            }
            assertThat(events).allSatisfy(e -> assertThat(e.priority()).isEqualTo(e.payload().getInt("priority")));
        }
    }

    private BlockingQueue<Event> witness(EventRouterClient subscriber) {
        BlockingQueue<Event> witness = new LinkedBlockingQueue<>();
        subscriber.on(root + ".*", witness::add);
        return witness;
    }

    /** See the class comment: afterwards, every event published before is in its subscriber's queue. */
    private void awaitMarker(EventRouterClient publisher, BlockingQueue<Event> witness) throws InterruptedException {
        Event marker = event(MARKER_TYPE, Priority.LOWEST).build();
        publisher.publish(marker);
        Event seen;
        do {
            seen = next(witness);
        } while (!seen.id().equals(marker.id()));
    }

    private Event.Builder event(String type, int priority) {
        return Event.builder(root + ".event").type(type).priority(priority)
                .id(UUID.randomUUID().toString()).payload(Payloads.toJson(Map.of("type", type)));
    }

    private static Event next(BlockingQueue<Event> queue) throws InterruptedException {
        Event event = queue.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(event).as("an event within %s", WAIT).isNotNull();
        return event;
    }
}
