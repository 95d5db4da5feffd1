package io.eventrouter.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A session's user properties behave as a plain mutable map, with or without entries. */
class LazyUserPropertiesTest {
    private final LazyUserProperties properties = new LazyUserProperties();

    @Test
    void shouldBehaveAsAnEmptyMapBeforeTheFirstPut() {
        assertThat(properties).isEmpty();
        assertThat(properties.get("any")).isNull();
        assertThat(properties.containsKey("any")).isFalse();
        assertThat(properties.remove("any")).isNull();
        assertThat(properties.entrySet()).isEmpty();
        assertThat(properties.keySet().remove("any")).isFalse();
        assertThat(properties.values()).isEmpty();
        properties.entrySet().clear();
        properties.clear();
        assertThat(properties).isEqualTo(Map.of()).hasSameHashCodeAs(Map.of());
    }

    @Test
    void shouldHoldWhatIsPutAndLetItGo() {
        assertThat(properties.put("a", 1)).isNull();
        assertThat(properties.put("a", 2)).isEqualTo(1);
        properties.putIfAbsent("b", "x");
        properties.merge("c", 1, (old, added) -> old);

        assertThat(properties).isEqualTo(new HashMap<>(Map.of("a", 2, "b", "x", "c", 1)));
        assertThat(properties.containsKey("b")).isTrue();
        properties.keySet().remove("b");
        assertThat(properties.remove("c")).isEqualTo(1);
        assertThat(properties).containsExactly(Map.entry("a", 2));
        properties.clear();
        assertThat(properties).isEmpty();
        properties.put("d", null);
        assertThat(properties).containsKey("d").hasSize(1);
        properties.putAll(Map.of("e", 5));
        assertThat(properties.containsValue(5)).isTrue();
        assertThat(properties.toString()).contains("e=5");
    }
}
