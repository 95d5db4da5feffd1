package io.eventrouter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WindowTest {
    private static final long ALREADY_PASSED = Long.MIN_VALUE / 2;

    @Test
    void shouldGrantUnitsUpToTheCapacity() {
        Window window = new Window(4);

        assertThat(window.acquire(2, ALREADY_PASSED)).isTrue();
        assertThat(window.acquire(2, ALREADY_PASSED)).isTrue();
        assertThat(window.acquire(1, ALREADY_PASSED)).isFalse();
        assertThat(window.outstanding()).isEqualTo(4);
    }

    @Test
    void shouldGrantAgainOnceUnitsComeBack() {
        Window window = new Window(4);
        window.acquire(4, ALREADY_PASSED);

        window.release(3);

        assertThat(window.acquire(3, ALREADY_PASSED)).isTrue();
        assertThat(window.outstanding()).isEqualTo(4);
    }

    @Test
    void shouldBeDrainedOnlyWhenEverythingCameBack() {
        Window window = new Window(10);
        window.acquire(3, ALREADY_PASSED);
        window.release(2);

        assertThat(window.awaitDrained(ALREADY_PASSED)).isFalse();
        window.release(1);
        assertThat(window.awaitDrained(ALREADY_PASSED)).isTrue();
    }
}
