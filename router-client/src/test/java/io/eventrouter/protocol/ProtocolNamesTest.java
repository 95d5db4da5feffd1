package io.eventrouter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"type", "event", "id", "payload", "metadata", "last_delivery_attempt", "details", "tags"})
    void shouldFindEachProtocolNameAsOneConstant(String name) {
        String copy = new String(name.toCharArray());
        char[] framed = ("\"" + name + "\":").toCharArray();

        int slot = ProtocolNames.find(framed, 1, name.length(), name.hashCode());

        assertThat(slot).isNotNegative().isEqualTo(ProtocolNames.find(copy));
        assertThat(ProtocolNames.name(slot)).isEqualTo(name).isSameAs(ProtocolNames.name(ProtocolNames.find(copy)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "typ", "types2", "Type", "payloads", "my_field", "tenant"})
    void shouldFindNothingForOtherNames(String name) {
        char[] framed = ("\"" + name + "\":").toCharArray();

        assertThat(ProtocolNames.find(framed, 1, name.length(), name.hashCode())).isEqualTo(-1);
        assertThat(ProtocolNames.find(name)).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"type", "topic"})
    void shouldNotTakeAPrefixOfALongerNameForTheName(String name) {
        String longer = name + "s";
        char[] framed = longer.toCharArray();

        assertThat(ProtocolNames.name(ProtocolNames.find(framed, 0, name.length(), name.hashCode()))).isEqualTo(name);
        assertThat(ProtocolNames.name(ProtocolNames.find(framed, 0, longer.length(), longer.hashCode()))).isEqualTo(longer);
    }

    @org.junit.jupiter.api.Test
    void shouldGiveEveryNameItsOwnOrdinalBelowSixtyFour() {
        String[] names = {"type", "event", "request_id", "subscription", "subscription_id", "client_name", "echo",
            "id", "topic", "priority", "source", "target", "payload", "metadata", "timestamp", "version",
            "delivery_status", "delivery_attempts", "last_delivery_attempt", "delivery_error", "created_at",
            "correlation_id", "causation_id", "user_id", "session_id", "trace_id", "span_id", "tags", "headers",
            "topics", "types", "priorities", "sources", "status", "event_id", "reason", "client_id", "server_time",
            "error", "code", "message", "details"};

        assertThat(java.util.Arrays.stream(names).mapToInt(name -> ProtocolNames.ordinal(ProtocolNames.find(name))))
                .doesNotHaveDuplicates()
                .allSatisfy(ordinal -> assertThat(ordinal).isBetween(0, 63));
    }

    @org.junit.jupiter.api.Test
    void shouldExpectEachEventAndMetadataMemberAfterTheOneTheEncoderWritesBeforeIt() {
        Event event = Event.builder("a.b").metadata(new EventMetadata(java.time.Instant.now(), "c", "d", "u", "s", "t",
                "p", java.util.Map.of("k", "v"), java.util.Map.of())).build();
        jakarta.json.JsonObject encoded = jakarta.json.Json.createReader(
                new java.io.StringReader(ProtocolCodec.encodeEvent(event))).readObject();

        assertFollowEachOther(java.util.List.copyOf(encoded.keySet()));
        assertFollowEachOther(java.util.List.copyOf(encoded.getJsonObject("metadata").keySet()));
    }

    @org.junit.jupiter.api.Test
    void shouldExpectNothingAfterTheLastMemberOrAfterOtherNames() {
        assertThat(ProtocolNames.following(ProtocolNames.ordinalOf("delivery_error"))).isEqualTo(-1);
        assertThat(ProtocolNames.following(ProtocolNames.ordinalOf("headers"))).isEqualTo(-1);
        assertThat(ProtocolNames.following(ProtocolNames.ordinalOf("request_id"))).isEqualTo(-1);
        assertThat(ProtocolNames.following(-1)).isEqualTo(-1);
    }

    private static void assertFollowEachOther(java.util.List<String> names) {
        for (int i = 0; i + 1 < names.size(); i++) {
            int ordinal = ProtocolNames.ordinalOf(names.get(i));
            assertThat(ProtocolNames.nameOf(ProtocolNames.following(ordinal))).as("after " + names.get(i))
                    .isEqualTo(names.get(i + 1));
            assertThat(ProtocolNames.charsOf(ordinal)).containsExactly(names.get(i).toCharArray());
        }
    }
}
