package io.eventrouter.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.eventrouter.protocol.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventQueueTest {

    @Test
    void shouldTakeHighestPriorityFirstAndFifoWithinOnePriority() throws InterruptedException {
        EventQueue queue = EventQueue.strict(100);
        for (String id : List.of("5a", "1a", "9a", "5b", "10a", "1b", "9b", "5c", "3a")) {
            assertThat(queue.offer(event(id)).accepted()).isTrue();
        }

        assertThat(ids(drainAll(queue))).containsExactly("10a", "9a", "9b", "5a", "5b", "5c", "3a", "1a", "1b");
        assertThat(queue.size()).isZero();
    }

    @Test
    void shouldQueueWithoutEvictingWhileBelowCapacity() {
        EventQueue queue = EventQueue.strict(2);

        OfferResult first = queue.offer(event("1a"));
        OfferResult second = queue.offer(event("10a"));

        assertThat(first).isEqualTo(new OfferResult(true, null));
        assertThat(second).isEqualTo(new OfferResult(true, null));
        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.capacity()).isEqualTo(2);
    }

    @ParameterizedTest(name = "offered priority {0}")
    @ValueSource(ints = {4, 5, 7, 10})
    void shouldEvictNewestLowestPriorityWhenFullAndOfferIsHigher(int priority) throws InterruptedException {
        EventQueue queue = fullQueueOfThree();
        Event offered = event(priority + "x");

        OfferResult result = queue.offer(offered);

        assertThat(result.accepted()).isTrue();
        assertThat(result.evicted()).isNotNull();
        assertThat(result.evicted().id()).isEqualTo("3b");
        assertThat(queue.size()).isEqualTo(3);
        assertThat(ids(drainAll(queue))).containsExactlyInAnyOrder("3a", "9a", priority + "x");
    }

    @ParameterizedTest(name = "offered priority {0}")
    @ValueSource(ints = {1, 2, 3})
    void shouldRefuseEqualOrLowerPriorityWhenFull(int priority) throws InterruptedException {
        EventQueue queue = fullQueueOfThree();

        OfferResult result = queue.offer(event(priority + "x"));

        assertThat(result).isEqualTo(new OfferResult(false, null));
        assertThat(ids(drainAll(queue))).containsExactly("9a", "3a", "3b");
    }

    @Test
    void shouldEvictFromTheLowestLaneEvenWhenAHigherLaneIsNewer() {
        EventQueue queue = EventQueue.strict(3);
        queue.offer(event("2a"));
        queue.offer(event("2b"));
        queue.offer(event("4a"));

        assertThat(queue.offer(event("5a")).evicted().id()).isEqualTo("2b");
        assertThat(queue.offer(event("5b")).evicted().id()).isEqualTo("2a");
        assertThat(queue.offer(event("5c")).evicted().id()).isEqualTo("4a");
        assertThat(queue.offer(event("5d")).accepted()).isFalse();
        assertThat(queue.sizesByPriority()).containsExactly(0, 0, 0, 0, 3, 0, 0, 0, 0, 0);
    }

    @Test
    void shouldCountWaitingEventsPerPriority() throws InterruptedException {
        EventQueue queue = EventQueue.strict(100);
        for (String id : List.of("1a", "1b", "5a", "10a", "10b", "10c", "7a")) {
            queue.offer(event(id));
        }

        assertThat(queue.sizesByPriority()).containsExactly(2, 0, 0, 0, 1, 0, 1, 0, 0, 3);

        queue.drainTo(new ArrayList<>(), 4, 0, TimeUnit.SECONDS);

        assertThat(queue.sizesByPriority()).containsExactly(2, 0, 0, 0, 1, 0, 0, 0, 0, 0);
    }

    @Test
    void shouldReturnACopyOfTheSizes() {
        EventQueue queue = EventQueue.strict(10);
        queue.offer(event("5a"));

        queue.sizesByPriority()[4] = 99;

        assertThat(queue.sizesByPriority()[4]).isEqualTo(1);
    }

    @Test
    void shouldDrainAtMostMaxEvents() throws InterruptedException {
        EventQueue queue = EventQueue.strict(100);
        for (String id : List.of("1a", "2a", "3a", "4a", "5a")) {
            queue.offer(event(id));
        }
        List<Event> sink = new ArrayList<>();

        assertThat(queue.drainTo(sink, 2, 0, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(ids(sink)).containsExactly("5a", "4a");
        assertThat(queue.size()).isEqualTo(3);

        assertThat(queue.drainTo(sink, 10, 0, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(ids(sink)).containsExactly("5a", "4a", "3a", "2a", "1a");
        assertThat(queue.size()).isZero();
    }

    @Test
    void shouldReturnZeroWhenEmptyAndTheTimeoutIsZero() throws InterruptedException {
        EventQueue queue = EventQueue.strict(10);
        List<Event> sink = new ArrayList<>();

        assertThat(queue.drainTo(sink, 10, 0, TimeUnit.NANOSECONDS)).isZero();
        assertThat(sink).isEmpty();
    }

    @Test
    void shouldHandAnEventToADrainerThatIsWaiting() throws Exception {
        EventQueue queue = EventQueue.strict(10);
        List<Event> sink = new ArrayList<>();
        CompletableFuture<Integer> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.drainTo(sink, 10, 1, TimeUnit.HOURS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });

        queue.offer(event("5a"));

        assertThat(drained.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(ids(sink)).containsExactly("5a");
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, -1})
    void shouldRejectNonPositiveCapacity(int capacity) {
        assertThatIllegalArgumentException().isThrownBy(() -> EventQueue.strict(capacity))
                .withMessageContaining(String.valueOf(capacity));
        assertThatIllegalArgumentException().isThrownBy(() -> EventQueue.weightedFair(capacity));
    }

    @Test
    void shouldServeTheLowLaneEarlyUnderWeightedFairSharing() throws InterruptedException {
        EventQueue queue = EventQueue.weightedFair(2_000);
        for (int i = 0; i < 1_000; i++) {
            queue.offer(event("10-" + i, 10));
        }
        for (int i = 0; i < 10; i++) {
            queue.offer(event("1-" + i, 1));
        }

        List<Event> taken = new ArrayList<>();
        for (int i = 0; i < 1_010; i++) {
            assertThat(queue.drainTo(taken, 1, 0, TimeUnit.SECONDS)).isEqualTo(1);
        }

        List<Integer> lowPositions = new ArrayList<>();
        for (int i = 0; i < taken.size(); i++) {
            if (taken.get(i).priority() == 1) {
                lowPositions.add(i);
            }
        }
        assertThat(lowPositions).hasSize(10);
        // weight 1 against weight 10: one turn in every 11 takes, so all ten by take ~110
        assertThat(lowPositions.get(9)).isLessThan(200);
        assertThat(ids(ofPriority(taken, 1))).containsExactly(expectedIds(1, 10));
        assertThat(ids(ofPriority(taken, 10))).containsExactly(expectedIds(10, 1_000));
    }

    @Test
    void shouldShareTakesInProportionToPriorityOverOneRoundOfWeights() throws InterruptedException {
        EventQueue queue = EventQueue.weightedFair(1_000);
        for (int i = 0; i < 100; i++) {
            for (int priority = 1; priority <= 10; priority++) {
                queue.offer(event(priority + "-" + i, priority));
            }
        }
        int round = 55; // 1 + 2 + ... + 10

        for (int r = 0; r < 3; r++) {
            List<Event> taken = new ArrayList<>();
            assertThat(queue.drainTo(taken, round, 0, TimeUnit.SECONDS)).isEqualTo(round);

            int[] perPriority = new int[10];
            taken.forEach(event -> perPriority[event.priority() - 1]++);
            assertThat(perPriority).as("takes per priority in round %d", r)
                    .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        }
    }

    @Test
    void shouldKeepFifoWithinEachLaneUnderWeightedFairSharing() throws InterruptedException {
        EventQueue queue = EventQueue.weightedFair(1_000);
        for (int i = 0; i < 50; i++) {
            queue.offer(event("3-" + i, 3));
            queue.offer(event("7-" + i, 7));
            queue.offer(event("9-" + i, 9));
        }

        List<Event> taken = drainAll(queue);

        assertThat(taken).hasSize(150);
        for (int priority : new int[] {3, 7, 9}) {
            assertThat(ids(ofPriority(taken, priority))).containsExactly(expectedIds(priority, 50));
        }
    }

    @Test
    void shouldTakeTheOnlyNonEmptyLaneUnderWeightedFairSharing() throws InterruptedException {
        EventQueue queue = EventQueue.weightedFair(10);
        queue.offer(event("2a"));
        queue.offer(event("2b"));
        queue.offer(event("2c"));

        assertThat(ids(drainAll(queue))).containsExactly("2a", "2b", "2c");
    }

    @Test
    void shouldEvictByPriorityUnderWeightedFairSharingToo() {
        EventQueue queue = EventQueue.weightedFair(2);
        queue.offer(event("4a"));
        queue.offer(event("4b"));

        assertThat(queue.offer(event("6a")).evicted().id()).isEqualTo("4b");
        assertThat(queue.offer(event("4c")).accepted()).isFalse();
    }

    private static EventQueue fullQueueOfThree() {
        EventQueue queue = EventQueue.strict(3);
        queue.offer(event("3a"));
        queue.offer(event("9a"));
        queue.offer(event("3b"));
        return queue;
    }

    /** An event whose id starts with its priority, e.g. {@code 5b} has priority 5. */
    private static Event event(String id) {
        int priority = Integer.parseInt(id.replaceAll("\\D.*$", ""));
        return event(id, priority);
    }

    private static Event event(String id, int priority) {
        return Event.builder("test.topic").id(id).priority(priority).build();
    }

    private static List<Event> drainAll(EventQueue queue) throws InterruptedException {
        List<Event> sink = new ArrayList<>();
        queue.drainTo(sink, Integer.MAX_VALUE, 0, TimeUnit.SECONDS);
        return sink;
    }

    private static List<Event> ofPriority(List<Event> events, int priority) {
        return events.stream().filter(event -> event.priority() == priority).toList();
    }

    private static List<String> ids(List<Event> events) {
        return events.stream().map(Event::id).toList();
    }

    /** {@code priority-0 .. priority-(count-1)}, the ids in the order they were offered. */
    private static String[] expectedIds(int priority, int count) {
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = priority + "-" + i;
        }
        return ids;
    }
}
