package io.eventrouter.jmh;

import io.eventrouter.protocol.Event;
import io.eventrouter.queue.EventQueue;
import io.eventrouter.queue.OfferResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link EventQueue} offer and drainTo with events of mixed priorities, under both take
 * policies.
 *
 * <ul>
 *   <li>{@code offerThenDrain}: one thread offers a batch of {@value #BATCH} events and drains
 *       them again, as the dispatcher drains; the score is events per second through the queue.
 *   <li>{@code producerConsumer}: the router's shape, one publishing thread offering while the
 *       dispatcher thread drains batches concurrently. The primary score counts calls, which
 *       mean little (a drain of an empty queue is a call); read the counters (events/s):
 *       {@code accepted} offers, of which {@code evicting} pushed out a queued lower-priority
 *       event, {@code refused} offers, and {@code drained} events. Two threads fit the two cores
 *       this runs on; for more publishers use {@code -tg 2,1} on a larger machine.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class QueueBenchmark {
    static final int BATCH = 256;
    private static final int EVENTS = 4096;
    private static final int CAPACITY = 10_000;

    /** One queue per benchmark thread, for the single-threaded round trip. */
    @State(Scope.Thread)
    public static class Local {
        @Param({"strict", "weightedFair"})
        String policy;

        EventQueue queue;
        Event[] events;
        final List<Event> sink = new ArrayList<>(BATCH);
        int next;

        @Setup
        public void setUp() {
            queue = newQueue(policy);
            events = Workload.events(EVENTS, new Random(Workload.SEED));
        }
    }

    /** One queue shared by the producer and the consumer of a group. */
    @State(Scope.Group)
    public static class Shared {
        @Param({"strict", "weightedFair"})
        String policy;

        EventQueue queue;
        Event[] events;

        @Setup
        public void setUp() {
            queue = newQueue(policy);
            events = Workload.events(EVENTS, new Random(Workload.SEED));
        }
    }

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class ProducerCounters {
        public long accepted;
        public long evicting;
        public long refused;
        int next;

        @Setup(Level.Iteration)
        public void reset() {
            accepted = 0;
            evicting = 0;
            refused = 0;
        }
    }

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class ConsumerCounters {
        public long drained;
        final List<Event> sink = new ArrayList<>(BATCH);

        @Setup(Level.Iteration)
        public void reset() {
            drained = 0;
        }
    }

    static EventQueue newQueue(String policy) {
        return switch (policy) {
            case "strict" -> EventQueue.strict(CAPACITY);
            case "weightedFair" -> EventQueue.weightedFair(CAPACITY);
            default -> throw new IllegalArgumentException("policy must be strict or weightedFair, got " + policy);
        };
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int offerThenDrain(Local state) throws InterruptedException {
        for (int i = 0; i < BATCH; i++) {
            state.queue.offer(state.events[state.next++ & (EVENTS - 1)]);
        }
        state.sink.clear();
        return state.queue.drainTo(state.sink, BATCH, 0, TimeUnit.NANOSECONDS);
    }

    @Benchmark
    @Group("producerConsumer")
    @GroupThreads(1)
    public OfferResult produce(Shared shared, ProducerCounters counters) {
        OfferResult result = shared.queue.offer(shared.events[counters.next++ & (EVENTS - 1)]);
        if (result.accepted()) {
            counters.accepted++;
            if (result.evicted() != null) {
                counters.evicting++;
            }
        } else {
            counters.refused++;
        }
        return result;
    }

    @Benchmark
    @Group("producerConsumer")
    @GroupThreads(1)
    public int consume(Shared shared, ConsumerCounters counters) throws InterruptedException {
        counters.sink.clear();
        int moved = shared.queue.drainTo(counters.sink, BATCH, 0, TimeUnit.NANOSECONDS);
        counters.drained += moved;
        return moved;
    }
}
