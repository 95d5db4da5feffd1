package io.eventrouter.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * What one scenario measured on one server: named figures (rates, latencies, memory) and the
 * correctness check. A run that could not complete is a failed measurement with the reason.
 */
final class Measurement {
    /** Figures that add up over rounds; every other figure is averaged. */
    private static final Set<String> SUMMED = Set.of("seconds", "published", "delivered", "expected_deliveries",
            "published_in_window", "acked_in_window", "delivered_in_window", "latency_samples", "server_cpu_s");
    /** Rates and the counts over {@code seconds} they are computed from. */
    private static final Map<String, String> RATES = Map.of("published_per_s", "published_in_window",
            "acked_per_s", "acked_in_window", "delivered_per_s", "delivered_in_window");
    private static final double[] PERCENTILES = {50, 90, 99, 99.9};
    private static final String[] PERCENTILE_NAMES = {"p50_us", "p90_us", "p99_us", "p999_us"};

    private final Map<String, Number> figures = new LinkedHashMap<>();
    private Histogram latency;
    private final Map<String, Long> checks = new LinkedHashMap<>();
    private final List<String> notes;
    private final String failure;

    private Measurement(List<String> notes, String failure) {
        this.notes = List.copyOf(notes);
        this.failure = failure;
    }

    static Measurement of(List<String> notes) {
        return new Measurement(notes, null);
    }

    static Measurement failed(String reason, List<String> notes) {
        return new Measurement(notes, reason);
    }

    Measurement figure(String name, Number value) {
        figures.put(name, value);
        return this;
    }

    /** A correctness counter; any non-zero value makes the measurement incorrect. */
    Measurement check(String name, long count) {
        checks.put(name, count);
        return this;
    }

    /**
     * Sets the latency histogram (nanoseconds) and the percentile figures from it, in
     * microseconds.
     */
    Measurement latency(Histogram histogram) {
        latency = histogram;
        figures.put("latency_samples", histogram.getTotalCount());
        for (int i = 0; i < PERCENTILES.length; i++) {
            figures.put(PERCENTILE_NAMES[i], histogram.getValueAtPercentile(PERCENTILES[i]) / 1000.0);
        }
        figures.put("max_us", histogram.getMaxValue() / 1000.0);
        return this;
    }

    /**
     * Rates from the counts over the measured seconds, e.g. {@code delivered_per_s}, and the
     * server's CPU time per reply and per delivery in microseconds, when known.
     */
    Measurement rates() {
        double seconds = get("seconds");
        RATES.forEach((rate, count) -> {
            if (figures.containsKey(count) && seconds > 0) {
                figures.put(rate, get(count) / seconds);
            }
        });
        double cpu = get("server_cpu_s");
        if (cpu >= 0) {
            perEvent("server_cpu_us_per_ack", cpu, get("acked_in_window"));
            perEvent("server_cpu_us_per_delivery", cpu, get("delivered_in_window"));
        }
        return this;
    }

    private void perEvent(String name, double cpuSeconds, double events) {
        if (events > 0) {
            figures.put(name, cpuSeconds * 1e6 / events);
        }
    }

    /**
     * One measurement from several rounds of the same scenario on the same server: counts and
     * seconds add up (so rates are over all rounds), latency percentiles come from the merged
     * histograms, correctness counters add up, anything else is averaged.
     */
    static Measurement combine(List<Measurement> rounds) {
        if (rounds.size() == 1) {
            return rounds.get(0);
        }
        Set<String> notes = new LinkedHashSet<>();
        String failure = null;
        for (Measurement round : rounds) {
            notes.addAll(round.notes);
            failure = failure != null ? failure : round.failure;
        }
        Measurement combined = new Measurement(new ArrayList<>(notes), failure);
        for (Measurement round : rounds) {
            round.figures.forEach((name, value) -> combined.figures.merge(name, value, Measurement::add));
            round.checks.forEach((name, count) -> combined.checks.merge(name, count, Long::sum));
        }
        combined.figures.replaceAll((name, total) -> SUMMED.contains(name) ? total
                : total.doubleValue() / rounds.stream().filter(r -> r.figures.containsKey(name)).count());
        Histogram merged = null;
        for (Measurement round : rounds) {
            if (round.latency == null) {
                continue;
            }
            if (merged == null) {
                merged = round.latency.copy();
            } else {
                merged.add(round.latency);
            }
        }
        if (merged != null) {
            combined.latency(merged);
        }
        combined.figure("rounds", rounds.size());
        return combined.rates();
    }

    private static Number add(Number a, Number b) {
        boolean integral = (a instanceof Long || a instanceof Integer) && (b instanceof Long || b instanceof Integer);
        return integral ? (Number) (a.longValue() + b.longValue()) : (Number) (a.doubleValue() + b.doubleValue());
    }

    double get(String name) {
        Number value = figures.get(name);
        return value == null ? Double.NaN : value.doubleValue();
    }

    Map<String, Number> figures() {
        return Collections.unmodifiableMap(figures);
    }

    Map<String, Long> checks() {
        return Collections.unmodifiableMap(checks);
    }

    List<String> notes() {
        return notes;
    }

    String failure() {
        return failure;
    }

    /** Completed, and nothing lost, duplicated, reordered or rejected. */
    boolean correct() {
        return failure == null && checks.values().stream().allMatch(count -> count == 0);
    }

    /** One line on what went wrong, or null. */
    String problem() {
        if (failure != null) {
            return failure;
        }
        StringBuilder problems = new StringBuilder();
        checks.forEach((name, count) -> {
            if (count != 0) {
                problems.append(problems.length() == 0 ? "" : ", ").append(name).append(' ').append(count);
            }
        });
        return problems.length() == 0 ? null : problems.toString();
    }
}
