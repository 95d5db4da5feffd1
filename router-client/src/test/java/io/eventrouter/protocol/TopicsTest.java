package io.eventrouter.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {

    @ParameterizedTest(name = "topic \"{0}\"")
    @ValueSource(strings = {"task", "task.created", "a.b.c.d", "workflow.step_completed", "x-1.y_2"})
    void shouldAcceptWellFormedTopics(String topic) {
        assertThat(Topics.requireValidTopic(topic)).isEqualTo(topic);
    }

    @ParameterizedTest(name = "topic \"{0}\"")
    @NullAndEmptySource
    void shouldRejectMissingTopic(String topic) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Topics.requireValidTopic(topic))
                .withMessage("topic must be a non-empty string");
    }

    @ParameterizedTest(name = "topic \"{0}\"")
    @ValueSource(strings = {"a..b", ".a", "a.", ".", "..", "a.b."})
    void shouldRejectTopicWithEmptySegment(String topic) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Topics.requireValidTopic(topic))
                .withMessageContaining("'" + topic + "'")
                .withMessageContaining("empty segment");
    }

    @ParameterizedTest(name = "topic \"{0}\"")
    @ValueSource(strings = {"*", "#", "task.*", "*.failed", "task.#", "a.#.b", "ta*", "a#", "a.b*c"})
    void shouldRejectTopicWithWildcards(String topic) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Topics.requireValidTopic(topic))
                .withMessageContaining("'" + topic + "'")
                .withMessageContaining("wildcards");
    }

    @ParameterizedTest(name = "pattern \"{0}\"")
    @ValueSource(strings = {"*", "#", "task", "task.created", "task.*", "*.failed", "#.x", "a.#.b", "task.#",
        "*.*", "#.#", "*.#", "a.*.b.#"})
    void shouldAcceptWellFormedPatterns(String pattern) {
        assertThat(Topics.requireValidPattern(pattern)).isEqualTo(pattern);
    }

    @ParameterizedTest(name = "pattern \"{0}\"")
    @NullAndEmptySource
    void shouldRejectMissingPattern(String pattern) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Topics.requireValidPattern(pattern))
                .withMessage("pattern must be a non-empty string");
    }

    @ParameterizedTest(name = "pattern \"{0}\"")
    @ValueSource(strings = {"a..b", ".a", "a.", "*.", ".#", "task..*"})
    void shouldRejectPatternWithEmptySegment(String pattern) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Topics.requireValidPattern(pattern))
                .withMessageContaining("'" + pattern + "'")
                .withMessageContaining("empty segment");
    }

    @ParameterizedTest(name = "pattern \"{0}\" (segment \"{1}\")")
    @CsvSource({
        "ta*,       ta*",
        "a#,        a#",
        "task.ta*,  ta*",
        "*a.b,      *a",
        "a.**,      **",
        "a.##.b,    ##",
        "a.*#,      *#",
    })
    void shouldRejectWildcardThatIsNotAWholeSegment(String pattern, String segment) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Topics.requireValidPattern(pattern))
                .withMessageContaining("'" + pattern + "'")
                .withMessageContaining("whole segment, found '" + segment + "'");
    }

    @ParameterizedTest(name = "\"{0}\" matches \"{1}\": {2}")
    @CsvSource({
        // '*' alone matches every topic, however many segments it has (V2 rule)
        "*,          task,                true",
        "*,          task.created,        true",
        "*,          a.b.c.d,             true",
        // '#' alone matches everything too
        "#,          task,                true",
        "#,          a.b.c.d,             true",
        // '*' elsewhere is exactly one segment
        "task.*,     task.created,        true",
        "task.*,     task.failed,         true",
        "task.*,     task.a.b,            false",
        "task.*,     task,                false",
        "task.*,     tasks.created,       false",
        "task.*,     agent.created,       false",
        "*.failed,   task.failed,         true",
        "*.failed,   agent.failed,        true",
        "*.failed,   failed,              false",
        "*.failed,   a.b.failed,          false",
        "*.failed,   task.failed.late,    false",
        "*.*,        task.created,        true",
        "*.*,        task,                false",
        "*.*,        a.b.c,               false",
        "a.*.c,      a.b.c,               true",
        "a.*.c,      a.c,                 false",
        "a.*.c,      a.b.b.c,             false",
        // '#' at the start: zero or more leading segments
        "#.failed,   failed,              true",
        "#.failed,   a.failed,            true",
        "#.failed,   a.b.failed,          true",
        "#.failed,   a.failed.b,          false",
        "#.failed,   failedx,             false",
        // '#' in the middle
        "a.#.z,      a.z,                 true",
        "a.#.z,      a.b.z,               true",
        "a.#.z,      a.b.c.z,             true",
        "a.#.z,      a.b,                 false",
        "a.#.z,      a,                   false",
        "a.#.z,      b.a.z,               false",
        "a.#.z,      a.z.b,               false",
        // '#' at the end
        "task.#,     task,                true",
        "task.#,     task.a,              true",
        "task.#,     task.a.b,            true",
        "task.#,     tasks,               false",
        "task.#,     tasks.a,             false",
        "task.#,     agent.task,          false",
        // combinations
        "#.*,        a,                   true",
        "#.*,        a.b.c,               true",
        "*.#,        a,                   true",
        "*.#,        a.b.c,               true",
        "#.#,        a.b,                 true",
        "#.a.#,      a,                   true",
        "#.a.#,      x.a.y.a.z,           true",
        "#.a.#,      x.y,                 false",
        "a.#.b.#.c,  a.b.c,               true",
        "a.#.b.#.c,  a.x.b.y.y.c,         true",
        "a.#.b.#.c,  a.x.c,               false",
        // exact patterns match only the identical topic
        "task,       task,                true",
        "task,       task.created,        false",
        "task.created, task.created,      true",
        "task.created, task.create,       false",
        "task.created, task.created.x,    false",
        "task.created, x.task.created,    false",
    })
    void shouldMatchPatternAgainstTopic(String pattern, String topic, boolean expected) {
        assertThat(Topics.matches(pattern, topic)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is match-all: {1}")
    @CsvSource({"*, true", "#, true", "*.*, false", "#.#, false", "task, false", "task.*, false"})
    void shouldRecogniseMatchAllPatterns(String pattern, boolean expected) {
        assertThat(Topics.isMatchAll(pattern)).isEqualTo(expected);
    }

    @Test
    void shouldKeepEmptySegmentsWhenSplitting() {
        assertThat(Topics.split("a.b.c")).containsExactly("a", "b", "c");
        assertThat(Topics.split("a")).containsExactly("a");
        assertThat(Topics.split("")).containsExactly("");
        assertThat(Topics.split("a..b")).containsExactly("a", "", "b");
        assertThat(Topics.split(".a.")).containsExactly("", "a", "");
    }

    @Test
    void shouldSplitRandomTextLikeARegexSplitWithoutALimit() {
        Random random = new Random(20_261_127L);
        Pattern dot = Pattern.compile("\\.");
        for (int i = 0; i < 10_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int c = 0; c < length; c++) {
                text.append(".ab\u00e9*#".charAt(random.nextInt(6)));
            }

            assertThat(Topics.split(text.toString())).containsExactly(dot.split(text, -1));
        }
    }
}
