package io.eventrouter.bench;

import java.util.List;
import java.util.Map;

/**
 * One measurement, run once against each server with the same code and settings, and the rows
 * it contributes to the table.
 */
interface Scenario {
    /** Short name for the table, e.g. {@code fan-out 4 pub x 10 sub}. */
    String name();

    /**
     * Scenarios with the same group share one pair of server processes, started with
     * {@link #limits()}; a scenario that measures server memory has a group of its own.
     */
    String group();

    ServerLimits limits();

    /** The settings, for the JSON report. */
    Map<String, Object> settings();

    Measurement run(ServerProcess server, RunContext context) throws Exception;

    /**
     * Whether the scenario may be run in several rounds per server, alternating the servers,
     * and the rounds combined ({@link Measurement#combine}).
     */
    default boolean repeatable() {
        return true;
    }

    List<Row> rows(Measurement router, Measurement raw);
}
