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

        String fromText = ProtocolNames.find(framed, 1, name.length(), name.hashCode());

        assertThat(fromText).isEqualTo(name).isSameAs(ProtocolNames.find(copy));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "typ", "types2", "Type", "payloads", "my_field", "tenant"})
    void shouldFindNothingForOtherNames(String name) {
        char[] framed = ("\"" + name + "\":").toCharArray();

        assertThat(ProtocolNames.find(framed, 1, name.length(), name.hashCode())).isNull();
        assertThat(ProtocolNames.find(name)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"type", "topic"})
    void shouldNotTakeAPrefixOfALongerNameForTheName(String name) {
        String longer = name + "s";
        char[] framed = longer.toCharArray();

        assertThat(ProtocolNames.find(framed, 0, name.length(), name.hashCode())).isEqualTo(name);
        assertThat(ProtocolNames.find(framed, 0, longer.length(), longer.hashCode())).isEqualTo(longer);
    }
}
