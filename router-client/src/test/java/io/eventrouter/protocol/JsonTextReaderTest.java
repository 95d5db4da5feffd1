package io.eventrouter.protocol;

import static io.eventrouter.protocol.Frames.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.CharBuffer;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast frame reader against Parsson: whatever it accepts, Parsson reads to an equal value;
 * whatever it leaves alone goes to Parsson. Payload objects stay compact text.
 */
class JsonTextReaderTest {
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", "[]", "\"\"", "0", "-0", "7", "-12", "1.5", "-0.25", "1e2", "1E-2", "2.5e+3", "123456789",
        "1234567890", "-2147483648", "2147483648", "123456789012345678", "1234567890123456789",
        "98765432109876543210987654321", "true", "false", "null",
        "{'a':1,'b':[1,2,{'c':null}],'d':{'e':'f'}}",
        " { 'a' : [ 1 , 2 ] ,\n\t'b' : { } } ",
        "{'a':1,'a':2}", "{'type':1,'\\u0074ype':2,'type':3}", "{'\\u0074ype':1,'type':2}",
        "{'type':'a','event':{'type':'b','id':1,'type':'c'},'type':'d','id':2,'tags':{'id':3,'id':4}}",
        "{'s':'tab\\there \\\"quoted\\\" back\\\\slash \\/ \\b\\f\\n\\r \\u00e9\\u20AC\\ud83d\\ude00'}",
        "{'\\u0041key':'v'}",
        "{'payload':{'x': [1, {'y': 'a b'}], 'z' : \"s p a c e\"}}",
        "{'payload':'not an object','other':{'payload':{}}}",
        "{'type':'publish','event':{'topic':'t','payload':{ }}}",
        "['é', 'ünïcödé', '😀']",
    })
    void shouldReadWhatParssonReadsToEqualValues(String singleQuoted) {
        String text = json(singleQuoted);

        JsonValue fast = JsonTextReader.read(text);

        assertThat(fast).as(text).isNotNull().isEqualTo(parsson(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "{", "}", "{'a'}", "{'a':}", "{'a':1,}", "[1,]", "[1 2]", "{'a' 1}", "{a:1}",
        "01", "-", "1.", ".5", "1e", "1e+", "+1", "0x10", "NaN", "Infinity", "tru", "nul", "True", "-01",
        "{'a':1} x", "{'a':1}{}", "\"unterminated", "\"bad \\x escape\"", "\"bad \\u12 escape\"",
        "{'payload':{'a':}}", "{'payload':{'a':1,}}", "{'payload':{'a' 1}}", "{'payload':[1,}",
    })
    void shouldLeaveMalformedTextToParsson(String singleQuoted) {
        String text = singleQuoted.indexOf('"') >= 0 ? singleQuoted : json(singleQuoted);

        assertThat(JsonTextReader.read(text)).as(text).isNull();
    }

    /** Parsson ignores what follows the first value; deferring to it keeps that behaviour. */
    @ParameterizedTest
    @ValueSource(strings = {"01", "0x10", "{\"a\":1} x", "{\"a\":1}{}"})
    void shouldDeferTrailingTextToParssonWhichToleratesIt(String text) {
        assertThat(JsonTextReader.read(text)).isNull();
        assertThat(parsson(text)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\":}", "[1,]", "{a:1}", "\"bad \\x escape\"", "NaN"})
    void shouldDeferTextParssonRejects(String text) {
        assertThat(JsonTextReader.read(text)).isNull();
        assertThatThrownBy(() -> parsson(text)).isInstanceOf(JsonException.class);
    }

    @Test
    void shouldLeaveControlCharactersInStringsToParsson() {
        String text = "{\"a\":\"line\nbreak\"}";

        assertThat(JsonTextReader.read(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"ping\"", "{\"type\":\"pi", "{\"type\":tr", "{\"type\":12", "{\"typ", "{\"type\":\"ping\",\"payload\":{\"a\":[1,"})
    void shouldNeverReadPastTheEndIntoTheRestOfALongerEarlierFrame(String truncated) {
        // Leaves the thread's scan buffer holding the truncated text followed by more.
        JsonTextReader.read(truncated + "\",\"request_id\":\"r-1\",\"payload\":{\"a\":[1,2]}} ".repeat(20) + "}");

        assertThat(JsonTextReader.read(truncated)).as(truncated).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'type':'publish','event':{'topic':'a.b','priority':7,'payload':{ 'x' : [1, 2.5, -3e2] , 'y':'\\u00fc\\n' }}}",
        "{'n':-12345678901,'m':123456789012345678901234567890,'z':-0,'s':'plain','t':'esc\\\\aped'}",
        "[true, false, null, {'k':{}}, []]"})
    void shouldReadTheSameFromAWindowOfACharBufferAsFromAString(String singleQuoted) {
        String text = json(singleQuoted);
        char[] around = ("<<<" + text + ">>>").toCharArray();
        CharBuffer window = CharBuffer.wrap(around, 3, text.length());
        CharBuffer slice = CharBuffer.wrap(around, 3, text.length()).slice();

        JsonValue expected = JsonTextReader.read(text);

        assertThat(expected).isNotNull();
        assertThat(JsonTextReader.read(window)).isEqualTo(expected);
        assertThat(JsonTextReader.read(slice)).isEqualTo(expected);
    }

    @Test
    void shouldLeaveVeryDeepNestingToParsson() {
        String text = "[".repeat(300) + "]".repeat(300);

        assertThat(JsonTextReader.read(text)).isNull();
    }

    @Test
    void shouldKeepPayloadObjectsAsCompactTextThatReadsLikeParsson() {
        String text = "{\"payload\" : {\n  \"n\" : 1.50,\n  \"s\" : \"a \\\" b\",\n  \"l\" : [ 1 , true , null ]\n}}";

        JsonObject frame = (JsonObject) JsonTextReader.read(text);

        JsonObject payload = frame.getJsonObject("payload");
        assertThat(payload).isInstanceOf(RawJsonObject.class);
        assertThat(payload.toString()).isEqualTo("{\"n\":1.50,\"s\":\"a \\\" b\",\"l\":[1,true,null]}");
        assertThat(payload.getJsonNumber("n").toString()).isEqualTo("1.50");
        assertThat(payload.getString("s")).isEqualTo("a \" b");
        assertThat(payload).isEqualTo(parsson(text).asJsonObject().getJsonObject("payload"));
        assertThat(parsson(text).asJsonObject().getJsonObject("payload")).isEqualTo(payload);
        assertThat(payload.hashCode()).isEqualTo(parsson(text).asJsonObject().getJsonObject("payload").hashCode());
    }

    @Test
    void shouldEncodeAPayloadAsTheTextItArrivedIn() throws ProtocolException {
        String frame = json("{'type':'publish','event':{'topic':'t.x','payload':{'big':12345678901234567890123,"
                + " 'exp': 1e2, 'esc': '\\u00e9'}}}");

        Event event = ((ClientMessage.Publish) ProtocolCodec.decodeClientMessage(frame)).event();

        assertThat(ProtocolCodec.encodeEvent(event))
                .contains(json(",'payload':{'big':12345678901234567890123,'exp':1e2,'esc':'\\u00e9'},"));
        assertThat(event.payload().getString("esc")).isEqualTo("é");
    }

    @Test
    void shouldDecodeClientMessagesAsTheParssonTreeDoes() throws ProtocolException {
        String frame = json("{'type':'publish','request_id':'r9','event':{'id':'e1','topic':'task.created',"
                + "'type':'task.created','priority':8,'source':'a','target':null,'payload':{'k':[1,{'v':'w'}]},"
                + "'metadata':{'created_at':'2026-11-27T04:10:40.000001+00:00','correlation_id':'c',"
                + "'tags':{'env':'t'},'headers':{}},'timestamp':'2026-11-27T04:10:41.5+00:00','version':'1.0',"
                + "'delivery_status':'pending','delivery_attempts':0,'last_delivery_attempt':null,"
                + "'delivery_error':null}}");

        ClientMessage fast = ClientMessageCodec.decode(JsonTextReader.read(frame).asJsonObject(), NOW);

        assertThat(fast).isEqualTo(ClientMessageCodec.decode(parsson(frame).asJsonObject(), NOW));
    }

    @Test
    void shouldAgreeWithParssonOnRandomDocumentsAndTheirMutations() {
        Random random = new Random(20261127L);
        RandomJson generator = new RandomJson(random);
        for (int i = 0; i < 3000; i++) {
            String text = generator.document();
            JsonValue expected = parsson(text);
            assertThat(JsonTextReader.read(text)).as(text).isEqualTo(expected);

            String mutated = generator.mutate(text);
            JsonValue fast = JsonTextReader.read(mutated);
            if (fast != null) {
                assertThat(fast).as(mutated).isEqualTo(parsson(mutated));
            }
        }
    }

    private static JsonValue parsson(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    /** Random JSON with random whitespace, escapes, numbers and payload members. */
    private static final class RandomJson {
        private static final String[] NAMES = {"payload", "a", "topic", "é", "k\\u0041", "", "x y", "\\u0074ype",
            "type"};
        private static final String[] NUMBERS = {"0", "-0", "7", "-42", "3.25", "1e9", "-2.5E-3", "2147483647",
            "2147483648", "-9223372036854775808", "9223372036854775808", "0.000001", "123456789012345678901"};
        private static final String[] STRINGS = {"", "plain", "with space", "q\\\"uote", "b\\\\s", "\\n\\t",
            "\\u00e9\\u0000", "ü€😀", "\\/"};
        private final Random random;

        RandomJson(Random random) {
            this.random = random;
        }

        String document() {
            StringBuilder out = new StringBuilder();
            object(out, 0);
            return out.toString();
        }

        String mutate(String text) {
            StringBuilder out = new StringBuilder(text);
            int at = random.nextInt(out.length());
            switch (random.nextInt(4)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> {
                    String noise = "{}[],:\"\\ 0-e.tn\u0001";
                    out.insert(at, noise.charAt(random.nextInt(noise.length())));
                }
                case 2 -> out.setLength(at);
                default -> out.setCharAt(at, "}]\"0x".charAt(random.nextInt(5)));
            }
            return out.toString();
        }

        private void value(StringBuilder out, int depth) {
            int kind = random.nextInt(depth > 3 ? 5 : 7);
            switch (kind) {
                case 0 -> out.append('"').append(STRINGS[random.nextInt(STRINGS.length)]).append('"');
                case 1 -> out.append(NUMBERS[random.nextInt(NUMBERS.length)]);
                case 2 -> out.append(random.nextBoolean() ? "true" : "false");
                case 3 -> out.append("null");
                case 4 -> out.append('"').append(random.nextInt(1000)).append('"');
                case 5 -> object(out, depth + 1);
                default -> array(out, depth + 1);
            }
        }

        private void object(StringBuilder out, int depth) {
            out.append('{');
            int members = random.nextInt(5);
            for (int i = 0; i < members; i++) {
                if (i > 0) {
                    out.append(',');
                }
                space(out);
                out.append('"').append(NAMES[random.nextInt(NAMES.length)]).append('"');
                space(out);
                out.append(':');
                space(out);
                value(out, depth);
                space(out);
            }
            out.append('}');
        }

        private void array(StringBuilder out, int depth) {
            out.append('[');
            int items = random.nextInt(4);
            for (int i = 0; i < items; i++) {
                if (i > 0) {
                    out.append(',');
                }
                space(out);
                value(out, depth);
            }
            out.append(']');
        }

        private void space(StringBuilder out) {
            if (random.nextInt(3) == 0) {
                out.append(" \n\t\r".charAt(random.nextInt(4)));
            }
        }
    }
}
