package io.eventrouter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Publish frames read without a tree ({@link PublishScanner}) give exactly what the
 * JSON-P path gives: the same message, or the same error. Thousands of generated frames vary the
 * member order, the types (right and wrong), escapes, whitespace, repeats and unknown members;
 * ordinary frames must take the scanned path at all.
 */
class PublishScanTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00.123456Z");

    private static final String[] STRINGS = {
        "\"a.b\"", "\"\"", "\"tenant7.orders.created\"", "\"esc\\\"aped\\\\ \\u00e9 \\n\"", "\"naïve ✓\"",
        "\"2026-11-27T05:22:09.768008+00:00\"", "\"2026-11-27T05:22:09Z\"", "\"not a time\"", "\"pending\"",
        "\"delivered\"", "\"bogus\"", "\"a..b\"", "\"#\"", "\"a.*\""};
    private static final String[] NUMBERS = {"5", "10", "1", "0", "-3", "11", "5.0", "1e2", "99999999999", "-0", "123456789"};
    private static final String[] OTHERS = {"null", "true", "false", "[]", "[1,\"x\"]", "{}", "{\"k\":\"v\"}", "{\"k\":1}"};
    private static final String[] EVENT_NAMES = {
        "id", "topic", "type", "priority", "source", "target", "payload", "metadata", "timestamp", "version",
        "delivery_status", "delivery_attempts", "last_delivery_attempt", "delivery_error", "tags", "extra", "topics"};
    private static final String[] METADATA_NAMES = {
        "created_at", "correlation_id", "causation_id", "user_id", "session_id", "trace_id", "span_id", "tags",
        "headers", "priority", "other"};

    @Test
    void shouldReadGeneratedFramesExactlyAsTheTreeDoes() {
        Random random = new Random(20261127);
        int scanned = 0;
        for (int i = 0; i < 20_000; i++) {
            String frame = frame(random);
            if (agree(frame)) {
                scanned++;
            }
        }
        // Most generated frames hold something the scan leaves to the tree; enough do not.
        assertThat(scanned).isGreaterThan(1_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"publish\",\"event\":{\"topic\":\"a.b\"}}",
        "{\"event\":{\"topic\":\"a.b\",\"priority\":7},\"request_id\":\"r1\",\"type\":\"publish\"}",
        " { \"type\" : \"publish\" , \"event\" : { \"topic\" : \"a.b\" , \"payload\" : { \"n\" : [ 1 , 2 ] } } } ",
        "{\"type\":\"publish\",\"request_id\":null,\"event\":{\"id\":\"e1\",\"topic\":\"a.b\",\"type\":\"t\","
                + "\"priority\":5,\"source\":\"s\",\"target\":null,\"payload\":{\"p\":1},\"metadata\":{\"created_at\":"
                + "\"2026-11-27T05:22:09.768008+00:00\",\"correlation_id\":null,\"tags\":{\"k\":\"v\"},\"headers\":{}},"
                + "\"timestamp\":\"2026-11-27T05:22:09.768008+00:00\",\"version\":\"1.0\",\"delivery_status\":\"pending\","
                + "\"delivery_attempts\":0,\"last_delivery_attempt\":null,\"delivery_error\":null}}",
        "{\"type\":\"publish\",\"event\":{\"topic\":\"bad..topic\"},\"request_id\":\"r2\"}",
        "{\"type\":\"publish\",\"event\":{\"topic\":\"a.b\",\"priority\":11}}",
        "{\"type\":\"publish\",\"event\":{\"topic\":\"a.b\",\"metadata\":{\"created_at\":\"yesterday\"}},\"request_id\":\"r3\"}"})
    void shouldTakeTheScannedPathForOrdinaryFramesAndAgree(String frame) {
        assertThat(agree(frame)).as("read without a tree").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"subscribe\",\"subscription\":{\"topics\":[\"a.*\"]}}",
        "{\"type\":\"publish\",\"event\":{\"topic\":\"a.b\",\"priority\":\"7\"}}",
        "{\"type\":\"publish\",\"event\":{\"topic\":\"a.b\",\"topic\":\"c.d\"}}",
        "{\"type\":\"publish\",\"type\":\"publish\",\"event\":{\"topic\":\"a.b\"}}",
        "{\"type\":\"publish\",\"event\":null}",
        "{\"type\":\"publish\"}",
        "{\"event\":{\"topic\":\"a.b\"}}",
        "{\"type\":\"publish\",\"event\":{\"topic\":\"a.b\",\"metadata\":{\"tags\":{\"k\":1}}}}",
        "{\"type\":\"publish\",\"event\":{\"topic\":\"a.b\",\"payload\":[1]}}",
        "{\"type\":\"publish\",\"event\":{\"topic\":\"a.b\"}} trailing",
        "{\"type\":\"publish\",\"request_id\":5,\"event\":{\"topic\":\"a.b\"}}"})
    void shouldLeaveOtherFramesToTheTree(String frame) throws ProtocolException {
        assertThat(ProtocolCodec.decodePublishScanned(frame, NOW)).isNull();
        agree(frame);
    }

    /**
     * Asserts that both paths give the same message or the same error; true when the frame was
     * read without a tree.
     */
    private static boolean agree(String frame) {
        Outcome tree = outcome(() -> ProtocolCodec.decodeClientMessageFromTree(frame, NOW));
        Outcome scanned = outcome(() -> ProtocolCodec.decodePublishScanned(frame, NOW));
        if (scanned.message == null && scanned.error == null) {
            return false;
        }
        if (tree.error != null) {
            assertThat(scanned.error).as(frame).isNotNull();
            assertThat(scanned.error.code()).as(frame).isEqualTo(tree.error.code());
            assertThat(scanned.error.getMessage()).as(frame).isEqualTo(tree.error.getMessage());
            assertThat(scanned.error.requestId()).as(frame).isEqualTo(tree.error.requestId());
        } else {
            assertThat(scanned.error).as(frame).isNull();
            assertThat(comparable(scanned.message)).as(frame).isEqualTo(comparable(tree.message));
        }
        return true;
    }

    /** Without the random id a frame without one gets: both paths must have made one up. */
    private static ClientMessage comparable(ClientMessage message) {
        if (message instanceof ClientMessage.Publish publish && publish.event().id().length() == 36
                && publish.event().id().charAt(14) == '4') {
            Event event = publish.event();
            return new ClientMessage.Publish(new Event("(generated)", event.topic(), event.type(), event.priority(),
                    event.source(), event.target(), event.payload(), event.metadata(), event.timestamp(),
                    event.version(), event.deliveryStatus(), event.deliveryAttempts(), event.lastDeliveryAttempt(),
                    event.deliveryError()), publish.requestId());
        }
        return message;
    }

    private static String frame(Random random) {
        List<String> members = new ArrayList<>();
        members.add(member("type", pick(random, 0.9, "\"publish\"", "\"subscribe\"", "null", "7")));
        if (random.nextDouble() < 0.95) {
            members.add(member("event", random.nextDouble() < 0.95 ? event(random) : pick(random, 0, OTHERS)));
        }
        if (random.nextDouble() < 0.4) {
            members.add(member("request_id", pick(random, 0.7, "\"r1\"", "null", "5", "\"esc\\\"r\"")));
        }
        if (random.nextDouble() < 0.1) {
            members.add(member("echo", pick(random, 0, OTHERS)));
        }
        if (random.nextDouble() < 0.03) {
            members.add(members.get(random.nextInt(members.size())));
        }
        Collections.shuffle(members, random);
        return object(members, random);
    }

    private static String event(Random random) {
        List<String> members = new ArrayList<>();
        for (String name : EVENT_NAMES) {
            if (random.nextDouble() < 0.5) {
                members.add(member(name, eventValue(name, random)));
            }
        }
        if (random.nextDouble() < 0.03 && !members.isEmpty()) {
            members.add(members.get(random.nextInt(members.size())));
        }
        shuffleHalfTheTime(members, random);
        return object(members, random);
    }

    /** The reader guesses each name from the canonical order: half the objects keep that order (with gaps). */
    private static void shuffleHalfTheTime(List<String> members, Random random) {
        if (random.nextBoolean()) {
            Collections.shuffle(members, random);
        }
    }

    private static String eventValue(String name, Random random) {
        boolean wrong = random.nextDouble() < 0.08;
        return switch (name) {
            case "priority", "delivery_attempts" -> wrong ? pick(random, 0, OTHERS) : pick(random, 0, NUMBERS);
            case "payload" -> wrong ? pick(random, 0, STRINGS) : pick(random, 0.8, "{\"p\":1,\"s\":[true,null]}", "{}", "null");
            case "metadata" -> wrong ? pick(random, 0, NUMBERS) : random.nextDouble() < 0.9 ? metadata(random) : "null";
            case "extra", "topics", "tags" -> pick(random, 0, OTHERS);
            default -> wrong ? pick(random, 0, NUMBERS) : pick(random, 0.9, STRINGS[random.nextInt(STRINGS.length)], "null");
        };
    }

    private static String metadata(Random random) {
        List<String> members = new ArrayList<>();
        for (String name : METADATA_NAMES) {
            if (random.nextDouble() < 0.5) {
                boolean wrong = random.nextDouble() < 0.08;
                String value = switch (name) {
                    case "tags", "headers" -> wrong ? pick(random, 0, STRINGS)
                            : pick(random, 0.9, stringMap(random), "null");
                    case "priority", "other" -> pick(random, 0, OTHERS);
                    default -> wrong ? pick(random, 0, OTHERS) : pick(random, 0, STRINGS);
                };
                members.add(member(name, value));
            }
        }
        shuffleHalfTheTime(members, random);
        return object(members, random);
    }

    private static String stringMap(Random random) {
        List<String> members = new ArrayList<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            String value = random.nextDouble() < 0.9 ? pick(random, 0, STRINGS) : pick(random, 0, NUMBERS);
            members.add(member(random.nextDouble() < 0.1 ? "k" : "k" + i, value));
        }
        return object(members, random);
    }

    private static String member(String name, String value) {
        return "\"" + name + "\":" + value;
    }

    private static String object(List<String> members, Random random) {
        String gap = random.nextDouble() < 0.1 ? " \n" : "";
        return "{" + gap + String.join("," + gap, members) + gap + "}";
    }

    /** The first choice with probability {@code first}, else one of all of them. */
    private static String pick(Random random, double first, String... choices) {
        return random.nextDouble() < first ? choices[0] : choices[random.nextInt(choices.length)];
    }

    private static Outcome outcome(Decode decode) {
        try {
            return new Outcome(decode.run(), null);
        } catch (ProtocolException e) {
            return new Outcome(null, e);
        } catch (RuntimeException e) {
            throw new AssertionError("decoding threw " + e, e);
        }
    }

    private interface Decode {
        ClientMessage run() throws ProtocolException;
    }

    private record Outcome(ClientMessage message, ProtocolException error) {}
}
