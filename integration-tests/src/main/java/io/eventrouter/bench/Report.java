package io.eventrouter.bench;

import java.util.List;
import java.util.Map;

/** Everything one run produced: when, where, how it was started, and each scenario's results. */
record Report(String date, String mode, String command, Map<String, Object> machine, List<String> serverJvmOptions,
        double durationSeconds, List<Result> results) {

    /** One scenario on both servers, and the rows it contributes. */
    record Result(Scenario scenario, ServerLimits limits, Measurement router, Measurement raw, List<Row> rows) {}

    Report {
        machine = Map.copyOf(machine);
        serverJvmOptions = List.copyOf(serverJvmOptions);
        results = List.copyOf(results);
    }

    List<Row> rows() {
        return results.stream().flatMap(result -> result.rows().stream()).toList();
    }

    long failed() {
        return rows().stream().filter(row -> Boolean.FALSE.equals(row.pass())).count();
    }

    long passed() {
        return rows().stream().filter(row -> Boolean.TRUE.equals(row.pass())).count();
    }
}
