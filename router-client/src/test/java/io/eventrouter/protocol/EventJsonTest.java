package io.eventrouter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ProtocolCodec#encodeEvent} writes the event without the JSON-P generator; on the wire
 * (as UTF-8) it must be exactly what the generator writes for the same event inside any other
 * frame.
 */
class EventJsonTest {
    private static final String PUBLISH_PREFIX = "{\"type\":\"publish\",\"event\":";
    /** Characters the generator treats differently: controls, quote, backslash, non-ASCII, surrogates. */
    private static final String ALPHABET = "ab Z09./*#_-\"\\\u0000\u0001\b\t\n\u000b\f\r\u001f\u007f"
            + "\u00e9\u20ac\u2028\ud83d\ude00\ud800";
    /** What the protocol's timestamps must read like, from the JDK's formatter rather than our writer. */
    private static final DateTimeFormatter FORMATTER =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
    private static final long YEAR_0000 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_9999_END = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    private final Random random = new Random(20261127L);

    @Test
    void shouldWriteExactlyWhatTheGeneratorWritesForRandomEvents() {
        for (int i = 0; i < 5_000; i++) {
            Event event = randomEvent();

            assertThat(utf8(ProtocolCodec.encodeEvent(event))).isEqualTo(utf8(viaGenerator(event)));
        }
    }

    @Test
    void shouldWriteTheUsualEventAndEachDepartureFromItAsTheGeneratorDoes() {
        // The usual event: no target, a correlation id only, no headers, not yet delivered.
        EventMetadata usualMetadata = EventMetadata.builder().correlationId("c-1").tag("tenant", "t1").build();
        Event usual = Event.builder("orders.created").type("order.created").source("agent-1")
                .payload(Json.createObjectBuilder().add("n", 1).build()).metadata(usualMetadata).build();
        Instant at = Instant.parse("2026-11-27T17:00:00.123456Z");
        Event[] events = {
            usual,
            Event.builder("orders.created").target("agent-2").metadata(usualMetadata).build(),
            usual.withMetadata(usualMetadata.toBuilder().userId("u-1").build()),
            usual.withMetadata(usualMetadata.toBuilder().spanId("s-1").build()),
            usual.withMetadata(usualMetadata.toBuilder().header("h", "v").build()),
            new Event(usual.id(), usual.topic(), usual.type(), usual.priority(), usual.source(), null, usual.payload(),
                    usualMetadata, at, usual.version(), DeliveryStatus.PENDING, 1, null, null),
            new Event(usual.id(), usual.topic(), usual.type(), usual.priority(), usual.source(), null, usual.payload(),
                    usualMetadata, at, usual.version(), DeliveryStatus.PENDING, 0, at, null),
            new Event(usual.id(), usual.topic(), usual.type(), usual.priority(), usual.source(), null, usual.payload(),
                    usualMetadata, at, usual.version(), DeliveryStatus.PENDING, 0, null, "refused"),
            new Event(usual.id(), usual.topic(), usual.type(), usual.priority(), usual.source(), null, usual.payload(),
                    usualMetadata, at, usual.version(), DeliveryStatus.values()[1], 0, null, null),
        };
        for (Event event : events) {
            assertThat(ProtocolCodec.encodeEvent(event)).isEqualTo(viaGenerator(event));
        }
    }

    @Test
    void shouldWriteTheSameTextAsTheGeneratorWhenEverySurrogateIsPaired() {
        for (int i = 0; i < 2_000; i++) {
            Event event = randomEvent();
            String generated = viaGenerator(event);
            boolean everySurrogatePaired = new String(utf8(generated), StandardCharsets.UTF_8).equals(generated);
            if (everySurrogatePaired) {
                assertThat(ProtocolCodec.encodeEvent(event)).isEqualTo(generated);
            }
        }
    }

    @Test
    void shouldEncodeNonAsciiAsUtf8AndAnUnpairedSurrogateAsAQuestionMarkAsStringsDo() {
        String text = "a\u00e9\u20ac\ud83d\ude00\ud800b\ude00\u007f\u0080\u07ff\u0800\uffff";
        Event event = Event.builder("t.x").source(text).build();

        byte[] encoded = new EncodedEvent().encode(event).toByteArray();

        assertThat(new String(encoded, StandardCharsets.UTF_8)).contains("\"source\":\"" + text.replace('\ud800', '?').replace('\ude00', '?')
                .replace("\ud83d?", "\ud83d\ude00") + "\"");
        assertThat(encoded).isEqualTo(viaGenerator(event).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldGiveTheSameTextAsUtf8ForAsciiAndNonAsciiEventsInOneReusedBuffer() {
        EncodedEvent encoded = new EncodedEvent();
        for (int i = 0; i < 2_000; i++) {
            Event event = randomEvent();

            encoded.encode(event);

            byte[] expected = ProtocolCodec.encodeEvent(event).getBytes(StandardCharsets.UTF_8);
            assertThat(encoded.length()).isEqualTo(expected.length);
            assertThat(encoded.toByteArray()).isEqualTo(expected);
        }
    }

    @Test
    void shouldWriteAPublishedPayloadAsItsTextInUtf8WhetherOrNotItIsAscii() throws ProtocolException {
        String[] pieces = {"a", "Z", "0", " ", "é", "€", "\ud83d\ude00", "\\u00e9", "\\n", "\\\"", "\\\\"};
        EncodedEvent encoded = new EncodedEvent();
        for (int i = 0; i < 500; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n >= 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String key = random.nextInt(4) == 0 ? "clé" : "k";
            String payload = "{\"" + key + "\":\"" + text + "\",\"n\":[1,true,null]}";
            Event event = ((ClientMessage.Publish) ProtocolCodec.decodeClientMessage(
                    PUBLISH_PREFIX + "{\"topic\":\"t.x\",\"payload\":" + payload + "}}")).event();
            assertThat(event.payload()).isInstanceOf(RawJsonObject.class);

            String written = new String(encoded.encode(event).toByteArray(), StandardCharsets.UTF_8);

            assertThat(written).contains(",\"payload\":" + payload + ",\"metadata\":");
            assertThat(ProtocolCodec.encodeEvent(event)).isEqualTo(written);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"a": {"b": ["x", "é"]}}           | {"a":{"b":["x","é"]}}         | false
            { "ü" : 1 }                        | {"ü":1}                       | false
            {"a":"ÿ€"}                         | {"a":"ÿ€"}                    | false
            {"a":"\\u00e9 \\n"}                | {"a":"\\u00e9 \\n"}           | true
            {"a": [1, 2.5e3, true, null, "x"]} | {"a":[1,2.5e3,true,null,"x"]} | true
            """)
    void shouldCopyAnAsciiPayloadAsItIsAndEncodeAnyOtherWhereverItsNonAsciiIs(
            String sent, String compact, boolean ascii) throws ProtocolException {
        Event event = ((ClientMessage.Publish) ProtocolCodec.decodeClientMessage(
                PUBLISH_PREFIX + "{\"topic\":\"t.x\",\"payload\":" + sent + "}}")).event();
        assertThat(((RawJsonObject) event.payload()).isAscii()).isEqualTo(ascii);

        byte[] written = new EncodedEvent().encode(event).toByteArray();

        assertThat(new String(written, StandardCharsets.UTF_8)).contains(",\"payload\":" + compact + ",");
        assertThat(written).isEqualTo(ProtocolCodec.encodeEvent(event).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldCopyTheEncodedEventWhereAsked() {
        EncodedEvent encoded = new EncodedEvent().encode(randomEvent());
        byte[] frame = new byte[encoded.length() + 3];

        encoded.copyTo(frame, 2);

        assertThat(Arrays.copyOfRange(frame, 2, 2 + encoded.length())).isEqualTo(encoded.toByteArray());
        assertThat(frame[0]).isZero();
        assertThat(frame[frame.length - 1]).isZero();
    }

    @Test
    void shouldEncodeAHugeEventAndThenSmallOnesIntoTheSameBuffer() {
        EncodedEvent encoded = new EncodedEvent();
        Event huge = Event.builder("big.one").payload(Json.createObjectBuilder().add("text", "x".repeat(200_000)).build()).build();
        Event small = randomEvent();

        encoded.encode(huge);
        assertThat(encoded.length()).isGreaterThan(200_000);
        encoded.encode(small);

        assertThat(encoded.toByteArray()).isEqualTo(ProtocolCodec.encodeEvent(small).getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "1970-01-01T00:00:00Z", "2026-11-27T04:10:41.123456Z", "2026-11-27T04:10:41.123456999Z",
        "2026-11-27T04:10:41.000000999Z", "2026-11-27T04:10:41.000001Z", "2024-02-29T23:59:59.999999999Z",
        "1969-12-31T23:59:59.999999Z", "0001-01-01T00:00:00Z", "0999-06-15T12:00:00Z",
        "0000-01-01T00:00:00Z", "-0001-12-31T23:59:59.5Z", "9999-12-31T23:59:59.999999999Z",
        "+10000-01-01T00:00:00Z", "-10000-01-01T00:00:00Z", "+999999-01-01T00:00:00Z"})
    void shouldWriteTimestampsAsTheFormatterDoes(String text) {
        assertThat(Timestamps.format(Instant.parse(text))).isEqualTo(FORMATTER.format(Instant.parse(text)));
        Instant instant = Instant.parse(text);

        assertThat(EventJson.timestamp(instant)).isEqualTo('"' + FORMATTER.format(instant) + '"');
    }

    @Test
    void shouldWriteRandomTimestampsAsTheFormatterDoes() {
        for (int i = 0; i < 20_000; i++) {
            Instant instant = randomInstant();
            assertThat(Timestamps.format(instant)).isEqualTo(FORMATTER.format(instant));

            assertThat(EventJson.timestamp(instant)).isEqualTo('"' + FORMATTER.format(instant) + '"');
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The event object as the generator writes it inside a publish frame (no request id). */
    private static String viaGenerator(Event event) {
        String frame = ProtocolCodec.encode(new ClientMessage.Publish(event, null));
        assertThat(frame).startsWith(PUBLISH_PREFIX).endsWith("}");
        return frame.substring(PUBLISH_PREFIX.length(), frame.length() - 1);
    }

    private Event randomEvent() {
        String topic = "t" + random.nextInt(100) + ".x";
        Instant at = randomInstant();
        EventMetadata metadata = new EventMetadata(
                random.nextInt(5) == 0 ? null : random.nextBoolean() ? at : randomInstant(),
                maybeText(), maybeText(), maybeText(), maybeText(), maybeText(), maybeText(),
                textMap(), textMap());
        DeliveryStatus[] statuses = DeliveryStatus.values();
        Instant lastAttempt = switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> at;
            default -> randomInstant();
        };
        return new Event(text(), topic, "type-" + text(), 1 + random.nextInt(10), maybeText(), maybeText(),
                random.nextInt(10) == 0 ? null : object(0), metadata, at, maybeText(),
                statuses[random.nextInt(statuses.length)], random.nextInt(4) == 0 ? random.nextInt() & 0x7fffffff : 0,
                lastAttempt, random.nextInt(20) == 0 ? text().repeat(400) : maybeText());
    }

    private JsonObject object(int depth) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        int members = random.nextInt(12);
        for (int i = 0; i < members; i++) {
            String name = text();
            switch (random.nextInt(depth < 2 ? 12 : 10)) {
                case 0 -> builder.add(name, text());
                case 1 -> builder.add(name, random.nextInt());
                case 2 -> builder.add(name, random.nextLong());
                case 3 -> builder.add(name, random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
                case 4 -> builder.add(name, new BigDecimal(random.nextInt(100_000)).scaleByPowerOfTen(random.nextInt(20) - 10));
                case 5 -> builder.add(name, new BigInteger(100, random));
                case 6 -> builder.add(name, random.nextBoolean());
                case 7 -> builder.addNull(name);
                case 8 -> builder.add(name, Json.createValue(random.nextInt(1000) - 500));
                case 9 -> builder.add(name, new BigDecimal("-0.000"));
                case 10 -> builder.add(name, object(depth + 1));
                default -> builder.add(name, array(depth + 1));
            }
        }
        return builder.build();
    }

    private JsonArrayBuilder array(int depth) {
        JsonArrayBuilder builder = Json.createArrayBuilder();
        int items = random.nextInt(6);
        for (int i = 0; i < items; i++) {
            switch (random.nextInt(depth < 2 ? 7 : 5)) {
                case 0 -> builder.add(text());
                case 1 -> builder.add(random.nextLong());
                case 2 -> builder.add(random.nextDouble());
                case 3 -> builder.add(random.nextBoolean());
                case 4 -> builder.addNull();
                case 5 -> builder.add(object(depth + 1));
                default -> builder.add(array(depth + 1));
            }
        }
        return builder;
    }

    private Map<String, String> textMap() {
        Map<String, String> map = new LinkedHashMap<>();
        int entries = random.nextInt(4);
        for (int i = 0; i < entries; i++) {
            map.put(text(), text());
        }
        return map;
    }

    private String maybeText() {
        return random.nextInt(3) == 0 ? null : text();
    }

    /** Mostly plain text; sometimes characters the generator escapes or passes through. */
    private String text() {
        int length = random.nextInt(12);
        StringBuilder text = new StringBuilder(length);
        boolean special = random.nextInt(3) == 0;
        for (int i = 0; i < length; i++) {
            text.append(special ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                    : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    /** Mostly this century; sometimes anywhere in 0000..9999 or outside it. */
    private Instant randomInstant() {
        long seconds = switch (random.nextInt(4)) {
            case 0 -> YEAR_0000 + (long) (random.nextDouble() * (YEAR_9999_END - YEAR_0000));
            case 1 -> (random.nextBoolean() ? YEAR_0000 - 1 : YEAR_9999_END + 1)
                    + (random.nextBoolean() ? 1 : -1) * (long) (random.nextDouble() * 1_000_000_000_000L);
            default -> 1_700_000_000L + random.nextInt(200_000_000);
        };
        return Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));
    }
}
