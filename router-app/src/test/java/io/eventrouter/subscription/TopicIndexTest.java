package io.eventrouter.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.eventrouter.protocol.Topics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicIndexTest {
    /** Patterns of every shape the index stores differently: match-all, exact, and trie. */
    private static final List<String> PATTERNS = List.of(
            "*", "#", "task.created", "task", "task.*", "*.failed", "*.*", "#.failed", "a.#.z", "task.#",
            "#.a.#", "a.*.#", "#.#");

    private final TopicIndex<String> index = new TopicIndex<>();

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', value = {
        "task.created  | *,#,task.created,task.*,*.*,task.#,#.#",
        "task          | *,#,task,task.#,#.#",
        "task.failed   | *,#,task.*,*.failed,*.*,#.failed,task.#,#.#",
        "failed        | *,#,#.failed,#.#",
        "a.failed      | *,#,*.failed,*.*,#.failed,#.a.#,a.*.#,#.#",
        "a.b.failed    | *,#,#.failed,#.a.#,a.*.#,#.#",
        "a.z           | *,#,*.*,a.#.z,#.a.#,a.*.#,#.#",
        "a.b.c.z       | *,#,a.#.z,#.a.#,a.*.#,#.#",
        "a             | *,#,#.a.#,#.#",
        "task.a.b      | *,#,task.#,#.a.#,#.#",
        "tasks         | *,#,#.#",
        "x.y.a         | *,#,#.a.#,#.#",
    })
    void shouldReportEveryPatternThatMatchesTheTopic(String topic, String expected) {
        PATTERNS.forEach(pattern -> index.add(pattern, pattern));

        List<String> reported = matches(topic);

        assertThat(reported).containsExactlyInAnyOrder(expected.split(","));
        assertThat(reported).containsExactlyInAnyOrderElementsOf(expectedByReference(topic));
    }

    @Test
    void shouldMatchNothingWhenEmpty() {
        assertThat(matches("task.created")).isEmpty();
        assertThat(index.size()).isZero();
    }

    @Test
    void shouldReportAValueOncePerMatchingPatternSoCallersDeduplicate() {
        index.add("task.*", "sub-1");
        index.add("#.created", "sub-1");
        index.add("task.created", "sub-1");
        index.add("*", "sub-2");

        assertThat(matches("task.created")).containsExactlyInAnyOrder("sub-1", "sub-1", "sub-1", "sub-2");
        assertThat(matches("task.failed")).containsExactlyInAnyOrder("sub-1", "sub-2");
        assertThat(index.size()).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "#.#,              a.b",
        "#.a.#,            a.a.a",
        "a.#.#.z,          a.x.y.z",
        "#.#.#.#.#.#.#.#,  a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x",
    })
    void shouldReportAPatternThatMatchesInSeveralWaysOnlyOnce(String pattern, String topic) {
        index.add(pattern, "v");

        assertThat(matches(topic)).containsExactly("v");
    }

    @Test
    void shouldKeepBothRegistrationsOfTheSameValueUnderTheSamePattern() {
        index.add("task.*", "sub-1");
        index.add("task.*", "sub-1");

        assertThat(matches("task.a")).containsExactly("sub-1", "sub-1");
        assertThat(index.remove("task.*", "sub-1")).isTrue();
        assertThat(matches("task.a")).containsExactly("sub-1");
        assertThat(index.size()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"*", "#", "task.created", "task.*", "#.failed", "a.#.z", "task.#"})
    void shouldStopMatchingAfterRemove(String pattern) {
        index.add(pattern, "removed");
        index.add(pattern, "kept");

        assertThat(index.remove(pattern, "removed")).isTrue();

        assertThat(matchesOfEveryTopic()).doesNotContain("removed").contains("kept");
        assertThat(index.size()).isEqualTo(1);
    }

    @ParameterizedTest(name = "remove {0} / {1}")
    @CsvSource({
        "task.*,     other",   // unknown value
        "task.#,     v",       // pattern never added
        "task.x,     v",       // exact pattern never added
        "*,          other",   // match-all, unknown value
        "task.*.*,   v",       // deeper than anything stored
        "task,       v",       // prefix of a stored trie path that holds no value
    })
    void shouldReportFalseWhenRemovingSomethingNotRegistered(String pattern, String value) {
        index.add("task.*", "v");
        index.add("*", "v");
        index.add("task.created", "v");

        assertThat(index.remove(pattern, value)).isFalse();
        assertThat(index.size()).isEqualTo(3);
        assertThat(matches("task.created")).containsExactly("v", "v", "v");
    }

    @Test
    void shouldPruneEverythingAfterRemovingAll() {
        for (String pattern : PATTERNS) {
            index.add(pattern, "a-" + pattern);
            index.add(pattern, "b-" + pattern);
        }
        assertThat(index.size()).isEqualTo(2 * PATTERNS.size());

        for (String pattern : PATTERNS) {
            assertThat(index.remove(pattern, "a-" + pattern)).isTrue();
            assertThat(index.remove(pattern, "b-" + pattern)).isTrue();
        }

        assertThat(index.size()).isZero();
        assertThat(matchesOfEveryTopic()).isEmpty();
        for (String pattern : PATTERNS) {
            assertThat(index.remove(pattern, "a-" + pattern)).isFalse();
        }
    }

    @Test
    void shouldBeReusableAfterPruning() {
        index.add("a.*.c", "v");
        index.remove("a.*.c", "v");

        index.add("a.*", "w");

        assertThat(matches("a.b")).containsExactly("w");
        assertThat(matches("a.b.c")).isEmpty();
    }

    @Test
    void shouldKeepSiblingsWhenPruningABranch() {
        index.add("a.b.*", "deep");
        index.add("a.*", "shallow");
        index.add("a.b.#", "multi");

        index.remove("a.b.*", "deep");

        assertThat(matches("a.b")).containsExactlyInAnyOrder("shallow", "multi");
        assertThat(matches("a.b.c")).containsExactly("multi");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "a..b", ".a", "a.", "ta*", "a#"})
    void shouldRejectMalformedPatterns(String pattern) {
        assertThatIllegalArgumentException().isThrownBy(() -> index.add(pattern, "v"));
        assertThat(index.size()).isZero();
    }

    /**
     * The index against the reference matcher: every registration whose pattern matches is
     * reported exactly once (values are unique per registration, so a duplicate report or a
     * miss shows), before and after removing a random half.
     */
    @Test
    void shouldAgreeWithTheReferenceMatcherOnRandomPatternsAndTopics() {
        Random random = new Random(20_261_127L);
        String[] patternSegments = {"a", "b", "c", "*", "#"};
        String[] topicSegments = {"a", "b", "c", "d"};
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            patterns.add(randomPath(random, patternSegments, 4));
        }
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            topics.add(randomPath(random, topicSegments, 6));
        }
        boolean[][] reference = new boolean[topics.size()][patterns.size()];
        for (int t = 0; t < topics.size(); t++) {
            for (int p = 0; p < patterns.size(); p++) {
                reference[t][p] = Topics.matches(patterns.get(p), topics.get(t));
            }
        }
        TopicIndex<Integer> numbered = new TopicIndex<>();
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            numbered.add(patterns.get(i), i);
            live.add(i);
        }

        assertAgreesWithReference(numbered, reference, live, topics);

        Collections.shuffle(live, random);
        List<Integer> removed = new ArrayList<>(live.subList(0, live.size() / 2));
        live.removeAll(removed);
        for (int i : removed) {
            assertThat(numbered.remove(patterns.get(i), i)).isTrue();
        }
        assertThat(numbered.size()).isEqualTo(live.size());

        assertAgreesWithReference(numbered, reference, live, topics);

        for (int i : live) {
            assertThat(numbered.remove(patterns.get(i), i)).isTrue();
        }
        assertThat(numbered.size()).isZero();
        for (String topic : topics) {
            numbered.match(topic, value -> {
                throw new AssertionError("pruned index still reports " + value + " for " + topic);
            });
        }
    }

    /**
     * While no pattern has a '#' before its last segment the index matches without tracking
     * visited nodes; it must agree with the reference then, and again once a pattern with an
     * inner '#' arrives and after it is gone.
     */
    @Test
    void shouldAgreeWithTheReferenceMatcherWhetherOrNotAPatternHasAnInnerHash() {
        Random random = new Random(20_261_128L);
        String[] patternSegments = {"a", "b", "c", "*"};
        String[] topicSegments = {"a", "b", "c", "d"};
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String pattern = randomPath(random, patternSegments, 4);
            patterns.add(random.nextInt(3) == 0 ? pattern + ".#" : pattern);
        }
        patterns.add("#.a");
        patterns.add("a.#.b.#");
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            topics.add(randomPath(random, topicSegments, 6));
        }
        boolean[][] reference = new boolean[topics.size()][patterns.size()];
        for (int t = 0; t < topics.size(); t++) {
            for (int p = 0; p < patterns.size(); p++) {
                reference[t][p] = Topics.matches(patterns.get(p), topics.get(t));
            }
        }
        int inner = patterns.size() - 2;
        TopicIndex<Integer> numbered = new TopicIndex<>();
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < inner; i++) {
            numbered.add(patterns.get(i), i);
            live.add(i);
        }

        assertAgreesWithReference(numbered, reference, live, topics);

        for (int i = inner; i < patterns.size(); i++) {
            numbered.add(patterns.get(i), i);
            live.add(i);
        }
        assertAgreesWithReference(numbered, reference, live, topics);

        for (int i = inner; i < patterns.size(); i++) {
            assertThat(numbered.remove(patterns.get(i), i)).isTrue();
            live.remove(Integer.valueOf(i));
        }
        assertAgreesWithReference(numbered, reference, live, topics);
    }

    private static void assertAgreesWithReference(TopicIndex<Integer> index, boolean[][] reference,
            List<Integer> live, List<String> topics) {
        int nonEmpty = 0;
        for (int t = 0; t < topics.size(); t++) {
            String topic = topics.get(t);
            List<Integer> expected = new ArrayList<>();
            for (int i : live) {
                if (reference[t][i]) {
                    expected.add(i);
                }
            }
            List<Integer> actual = new ArrayList<>();
            index.match(topic, actual::add);
            Collections.sort(expected);
            Collections.sort(actual);
            assertThat(actual).as("registrations matching topic %s", topic).isEqualTo(expected);
            if (!expected.isEmpty()) {
                nonEmpty++;
            }
        }
        // guard against a generator so sparse that agreement is trivial
        assertThat(nonEmpty).isGreaterThan(topics.size() / 2);
    }

    private static String randomPath(Random random, String[] alphabet, int maxSegments) {
        int count = 1 + random.nextInt(maxSegments);
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                path.append('.');
            }
            path.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return path.toString();
    }

    private List<String> matches(String topic) {
        List<String> reported = new ArrayList<>();
        index.match(topic, reported::add);
        return reported;
    }

    private List<String> matchesOfEveryTopic() {
        List<String> reported = new ArrayList<>();
        for (String topic : List.of("task", "task.created", "task.failed", "a.z", "a.b.z", "failed", "x.failed",
                "a", "a.b.c.d", "tasks")) {
            index.match(topic, reported::add);
        }
        return reported;
    }

    private static List<String> expectedByReference(String topic) {
        return PATTERNS.stream().filter(pattern -> Topics.matches(pattern, topic)).toList();
    }
}
