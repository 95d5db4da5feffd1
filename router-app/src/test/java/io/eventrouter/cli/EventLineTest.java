package io.eventrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.protocol.Event;
import jakarta.json.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EventLineTest {
    private static final Instant AT = Instant.parse("2026-11-27T05:27:27.704Z");

    @Test
    void shouldShowTimePriorityTopicTypeSourceAndCompactPayload() {
        Event event = Event.builder("task.created").type("task.created").priority(7).source("manager")
                .payload(Json.createObjectBuilder().add("task_id", "42").build()).timestamp(AT).build();

        String line = new EventLine(ZoneOffset.UTC, 120).format(event);

        assertThat(line).matches("05:27:27\\.704  P7 +task\\.created +task\\.created +manager +\\{\"task_id\":\"42\"}");
    }

    @Test
    void shouldCutLongPayloadsAndSources() {
        Event event = Event.builder("a.b").source("0123456789abcdef0123456789abcdef")
                .payload(Json.createObjectBuilder().add("text", "x".repeat(500)).build()).timestamp(AT).build();

        String line = new EventLine(ZoneOffset.UTC, 30).format(event);

        assertThat(line).contains("0123456789abcdef012… ").endsWith("{\"text\":\"xxxxxxxxxxxxxxxxxxxx…");
        assertThat(line.substring(line.indexOf('{'))).hasSize(30);
    }

    @Test
    void shouldReplaceControlCharactersSoEventsCannotDriveTheTerminal() {
        Event event = Event.builder("a.b").type("evil\u001b[2J").timestamp(AT).build();

        assertThat(new EventLine(ZoneOffset.UTC, 120).format(event)).contains("evil?[2J").doesNotContain("\u001b");
    }
}
