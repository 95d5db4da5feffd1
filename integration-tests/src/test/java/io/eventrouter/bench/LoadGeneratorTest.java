package io.eventrouter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load generator end to end in its tiny mode, against the router's jar and the raw Jetty
 * server, each in its own JVM: every event arrives exactly once on both, every connection
 * succeeds, and the report is written and parseable. Correctness only: the figures of a run
 * this small mean nothing, so nothing here looks at time.
 */
class LoadGeneratorTest {
    private static final Path ROUTER_JAR = Path.of("..", "router-app", "target", "event-router.jar");

    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    @TempDir
    Path results;

    private ServerProcess.Launch launch() {
        return new ServerProcess.Launch(JAVA, List.of("-Xmx256m"), ROUTER_JAR, System.getProperty("java.class.path"),
                results.resolve("logs"), null);
    }

    @Test
    void shouldDeliverEveryEventExactlyOnceOnBothServersAndWriteTheReport() throws Exception {
        assertThat(ROUTER_JAR).as("built router jar (run mvn verify)").isRegularFile();
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        Report report = LoadGenerator.run(BenchPlan.tiny(), launch(), RunContext.defaults(JAVA), results,
                new PrintStream(console, true, StandardCharsets.UTF_8));

        assertThat(report.results()).hasSize(3);
        for (Report.Result result : report.results()) {
            assertThat(result.router().problem()).as("router, " + result.scenario().name()).isNull();
            assertThat(result.raw().problem()).as("raw, " + result.scenario().name()).isNull();
        }
        Report.Result fanOut = report.results().get(0);
        for (Measurement m : List.of(fanOut.router(), fanOut.raw())) {
            assertThat(m.get("published")).isEqualTo(500);
            assertThat(m.get("delivered")).isEqualTo(1000);
        }
        Report.Result connections = report.results().get(2);
        assertThat(connections.router().get("connected")).isEqualTo(50);
        assertThat(connections.raw().get("connected")).isEqualTo(50);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("Router/Raw").contains("fan-out 1 pub -> 2 sub");

        JsonObject json;
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(results.resolve("latest.json")))) {
            json = reader.readObject();
        }
        assertThat(json.getString("mode")).isEqualTo("tiny");
        assertThat(json.getJsonObject("machine").getInt("cores")).isPositive();
        assertThat(json.getJsonArray("rows")).isNotEmpty();
        assertThat(json.getJsonArray("scenarios")).hasSize(3);
        for (JsonValue scenario : json.getJsonArray("scenarios")) {
            assertThat(scenario.asJsonObject().getJsonObject("router").getBoolean("correct")).isTrue();
            assertThat(scenario.asJsonObject().getJsonObject("raw").getBoolean("correct")).isTrue();
        }
        assertThat(results.resolve("latest.md")).isRegularFile();
    }

    @Test
    void shouldDeliverFramesOfTheSameSizeFromBothServersAndAddUpRounds() throws Exception {
        BenchPlan plan = new BenchPlan("tiny", List.of(FlowScenario.fanOut(1, 1, 8,
                new FlowScenario.Timing(Duration.ZERO, Duration.ofSeconds(10), 20),
                Row.Target.none())), Duration.ZERO, 8, 2);

        Report report = LoadGenerator.run(plan, launch(), RunContext.defaults(JAVA), results,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        Report.Result result = report.results().get(0);
        assertThat(result.router().correct()).isTrue();
        assertThat(result.raw().correct()).isTrue();
        assertThat(result.router().get("event_frame_bytes")).isEqualTo(result.raw().get("event_frame_bytes"));
        assertThat(result.router().get("rounds")).isEqualTo(2);
        assertThat(result.router().get("published")).isEqualTo(40);
        assertThat(result.raw().get("delivered")).isEqualTo(40);
    }
}
