package io.eventrouter.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-thread arrays event frames are built in. */
class FrameArraysTest {

    @BeforeEach
    @AfterEach
    void forgetWhatThisThreadKeeps() {
        FrameArrays.forgetKeptByThisThread();
    }

    @Test
    void shouldMakeArraysOfThePowerOfTwoThatHoldsTheFrame() {
        assertThat(FrameArrays.take(1)).hasSize(FrameArrays.SMALLEST);
        assertThat(FrameArrays.take(512)).hasSize(512);
        assertThat(FrameArrays.take(513)).hasSize(1024);
        assertThat(FrameArrays.take(FrameArrays.LARGEST)).hasSize(FrameArrays.LARGEST);
        assertThat(FrameArrays.take(FrameArrays.LARGEST + 1)).hasSize(FrameArrays.LARGEST + 1);
    }

    @Test
    void shouldReuseAnArrayGivenBackOnTheSameThreadForAFrameOfItsSize() {
        byte[] first = FrameArrays.take(900);

        FrameArrays.giveBack(first);

        assertThat(FrameArrays.take(700)).isSameAs(first);
        assertThat(FrameArrays.take(700)).isNotSameAs(first);
    }

    @Test
    void shouldNotReuseAnArrayOfAnotherSize() {
        byte[] small = FrameArrays.take(600);
        FrameArrays.giveBack(small);

        assertThat(FrameArrays.take(2000)).isNotSameAs(small).hasSize(2048);
        assertThat(FrameArrays.keptByThisThread()).isEqualTo(1);
    }

    @Test
    void shouldKeepArraysForTheThreadThatGaveThemBackOnly() throws Exception {
        byte[] given = FrameArrays.take(900);
        FrameArrays.giveBack(given);

        byte[] elsewhere = CompletableFuture.supplyAsync(() -> FrameArrays.take(900)).get(20, TimeUnit.SECONDS);

        assertThat(elsewhere).isNotSameAs(given);
        assertThat(FrameArrays.take(900)).isSameAs(given);
    }

    @Test
    void shouldLeaveArraysItDoesNotMakeToTheCollector() {
        FrameArrays.giveBack(new byte[1000]);
        FrameArrays.giveBack(new byte[256]);
        FrameArrays.giveBack(new byte[FrameArrays.LARGEST * 2]);

        assertThat(FrameArrays.keptByThisThread()).isZero();
    }

    @Test
    void shouldKeepABoundedNumberOfArraysPerSize() {
        List<byte[]> arrays = new ArrayList<>();
        for (int i = 0; i < FrameArrays.KEPT_PER_SIZE + 3; i++) {
            arrays.add(FrameArrays.take(512));
        }

        arrays.forEach(FrameArrays::giveBack);

        assertThat(FrameArrays.keptByThisThread()).isEqualTo(FrameArrays.KEPT_PER_SIZE);
    }

    @Test
    void shouldKeepABoundedNumberOfBytesPerSize() {
        int largest = FrameArrays.MAX_KEPT_BYTES_PER_SIZE / FrameArrays.LARGEST;
        List<byte[]> arrays = new ArrayList<>();
        for (int i = 0; i < largest + 2; i++) {
            arrays.add(FrameArrays.take(FrameArrays.LARGEST));
        }
        arrays.forEach(FrameArrays::giveBack);
        assertThat(FrameArrays.keptByThisThread()).isEqualTo(largest);

        FrameArrays.giveBack(FrameArrays.take(512));

        assertThat(FrameArrays.keptByThisThread()).as("the smallest size has a bound of its own").isEqualTo(largest + 1);
    }

    @Test
    void shouldKeepAtMostTheBytesOfEverySizeBoundInAll() {
        int all = 0;
        for (int length = FrameArrays.SMALLEST; length <= FrameArrays.LARGEST; length *= 2) {
            all += FrameArrays.keptPerSize(length) * length;
        }

        assertThat(all).isEqualTo(76 * 1024);
    }
}
