package io.eventrouter.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-thread buffers event frames are built in. */
class FrameBuffersTest {

    @BeforeEach
    @AfterEach
    void forgetWhatThisThreadKeeps() {
        FrameBuffers.forgetKeptByThisThread();
    }

    @Test
    void shouldMakeBuffersOfThePowerOfTwoThatHoldsTheFrameLimitedToIt() {
        assertCapacityAndLimit(FrameBuffers.take(1), FrameBuffers.SMALLEST, 1);
        assertCapacityAndLimit(FrameBuffers.take(512), 512, 512);
        assertCapacityAndLimit(FrameBuffers.take(513), 1024, 513);
        assertCapacityAndLimit(FrameBuffers.take(FrameBuffers.LARGEST), FrameBuffers.LARGEST, FrameBuffers.LARGEST);
        assertCapacityAndLimit(FrameBuffers.take(FrameBuffers.LARGEST + 1), FrameBuffers.LARGEST + 1,
                FrameBuffers.LARGEST + 1);
    }

    @Test
    void shouldReuseABufferGivenBackOnTheSameThreadForAFrameOfItsSizeFromPositionZero() {
        ByteBuffer first = FrameBuffers.take(900);
        first.position(900);                                          // as a socket leaves a written frame

        FrameBuffers.giveBack(first);

        ByteBuffer again = FrameBuffers.take(700);
        assertThat(again).isSameAs(first);
        assertCapacityAndLimit(again, 1024, 700);
        assertThat(FrameBuffers.take(700)).isNotSameAs(first);
    }

    @Test
    void shouldNotReuseABufferOfAnotherSize() {
        ByteBuffer small = FrameBuffers.take(600);
        FrameBuffers.giveBack(small);

        ByteBuffer large = FrameBuffers.take(2000);

        assertThat(large).isNotSameAs(small);
        assertThat(large.capacity()).isEqualTo(2048);
        assertThat(FrameBuffers.keptByThisThread()).isEqualTo(1);
    }

    @Test
    void shouldKeepBuffersForTheThreadThatGaveThemBackOnly() throws Exception {
        ByteBuffer given = FrameBuffers.take(900);
        FrameBuffers.giveBack(given);

        ByteBuffer elsewhere = CompletableFuture.supplyAsync(() -> FrameBuffers.take(900)).get(20, TimeUnit.SECONDS);

        assertThat(elsewhere).isNotSameAs(given);
        assertThat(FrameBuffers.take(900)).isSameAs(given);
    }

    @Test
    void shouldLeaveBuffersItDoesNotMakeToTheCollector() {
        FrameBuffers.giveBack(ByteBuffer.allocate(1000));
        FrameBuffers.giveBack(ByteBuffer.allocate(256));
        FrameBuffers.giveBack(ByteBuffer.allocate(FrameBuffers.LARGEST * 2));
        FrameBuffers.giveBack(ByteBuffer.allocateDirect(1024));
        FrameBuffers.giveBack(ByteBuffer.allocate(1024).asReadOnlyBuffer());
        FrameBuffers.giveBack(ByteBuffer.wrap(new byte[2048], 1, 1024).slice());

        assertThat(FrameBuffers.keptByThisThread()).isZero();
    }

    @Test
    void shouldKeepABoundedNumberOfBuffersPerSize() {
        List<ByteBuffer> buffers = new ArrayList<>();
        for (int i = 0; i < FrameBuffers.KEPT_PER_SIZE + 3; i++) {
            buffers.add(FrameBuffers.take(512));
        }

        buffers.forEach(FrameBuffers::giveBack);

        assertThat(FrameBuffers.keptByThisThread()).isEqualTo(FrameBuffers.KEPT_PER_SIZE);
    }

    @Test
    void shouldKeepABoundedNumberOfBytesPerSize() {
        int largest = FrameBuffers.MAX_KEPT_BYTES_PER_SIZE / FrameBuffers.LARGEST;
        List<ByteBuffer> buffers = new ArrayList<>();
        for (int i = 0; i < largest + 2; i++) {
            buffers.add(FrameBuffers.take(FrameBuffers.LARGEST));
        }
        buffers.forEach(FrameBuffers::giveBack);
        assertThat(FrameBuffers.keptByThisThread()).isEqualTo(largest);

        FrameBuffers.giveBack(FrameBuffers.take(512));

        assertThat(FrameBuffers.keptByThisThread()).as("the smallest size has a bound of its own").isEqualTo(largest + 1);
    }

    @Test
    void shouldKeepAtMostTheBytesOfEverySizeBoundInAll() {
        int all = 0;
        for (int capacity = FrameBuffers.SMALLEST; capacity <= FrameBuffers.LARGEST; capacity *= 2) {
            all += FrameBuffers.keptPerSize(capacity) * capacity;
        }

        assertThat(all).isEqualTo(76 * 1024);
    }

    private static void assertCapacityAndLimit(ByteBuffer buffer, int capacity, int limit) {
        assertThat(buffer.capacity()).isEqualTo(capacity);
        assertThat(buffer.position()).isZero();
        assertThat(buffer.limit()).isEqualTo(limit);
        assertThat(buffer.hasArray()).isTrue();
    }
}
