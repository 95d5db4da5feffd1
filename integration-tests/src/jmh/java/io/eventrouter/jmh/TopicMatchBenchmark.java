package io.eventrouter.jmh;

import io.eventrouter.subscription.TopicIndex;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link TopicIndex#match} over {@code subscriptions} registrations in a mix of exact,
 * single-wildcard and '#' patterns (see {@link Workload#patterns}), for topics drawn from the
 * same space. One operation is one topic matched, reporting every matching registration.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TopicMatchBenchmark {
    private static final int TOPICS = 4096;

    @Param("10000")
    int subscriptions;

    /** Percent of exact / single-wildcard ('*') / multi-wildcard ('#') patterns. */
    @Param({"70/20/10", "100/0/0", "0/50/50"})
    String mix;

    private final TopicIndex<Integer> index = new TopicIndex<>();
    private String[] topics;
    private int next;
    private long matched;
    private final Consumer<Integer> sink = value -> matched++;

    @Setup
    public void setUp() {
        Random random = new Random(Workload.SEED);
        List<String> patterns = Workload.patterns(subscriptions, Workload.Mix.parse(mix), random);
        for (int i = 0; i < patterns.size(); i++) {
            index.add(patterns.get(i), i);
        }
        topics = Workload.topics(TOPICS, random);
        for (String topic : topics) {
            index.match(topic, sink);
        }
        System.out.printf("%n# %d registrations (%s): %.2f matches per topic on average%n",
                index.size(), mix, (double) matched / TOPICS);
    }

    @Benchmark
    public long match() {
        index.match(topics[next++ & (TOPICS - 1)], sink);
        return matched;
    }
}
