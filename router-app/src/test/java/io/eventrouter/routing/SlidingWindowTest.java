package io.eventrouter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlidingWindowTest {

    @Test
    void shouldKeepTheFirstSampleAsOldestUntilFull() {
        SlidingWindow<String> window = new SlidingWindow<>(3, "start");

        window.add("5s");
        window.add("10s");

        assertThat(window.oldest()).isEqualTo("start");
    }

    @Test
    void shouldDropTheOldestSampleOnceFull() {
        SlidingWindow<String> window = new SlidingWindow<>(3, "start");

        window.add("5s");
        window.add("10s");
        window.add("15s");
        assertThat(window.oldest()).isEqualTo("5s");

        window.add("20s");
        assertThat(window.oldest()).isEqualTo("10s");
    }
}
