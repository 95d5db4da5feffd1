package io.eventrouter.jmh;

import io.eventrouter.protocol.ClientMessage;
import io.eventrouter.protocol.EncodedEvent;
import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.ProtocolCodec;
import io.eventrouter.protocol.ProtocolException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Serialization of one typical event (ten payload fields, a correlation id and a tag): the
 * event object the dispatcher encodes once per routed event (as a string, and as the UTF-8 bytes
 * the dispatcher actually writes), and the publish frame the endpoint decodes for every event a
 * client sends.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CodecBenchmark {
    private Event event;
    private String publishFrame;
    private final EncodedEvent encoded = new EncodedEvent();

    @Setup
    public void setUp() {
        event = Workload.received(Workload.event("tenant42.orders.created", new Random(Workload.SEED), 0));
        publishFrame = ProtocolCodec.encode(new ClientMessage.Publish(event, "req-1"));
        System.out.printf("%n# event object %d chars, publish frame %d chars%n",
                ProtocolCodec.encodeEvent(event).length(), publishFrame.length());
    }

    @Benchmark
    public String encodeEvent() {
        return ProtocolCodec.encodeEvent(event);
    }

    /** What the dispatcher does: the event as UTF-8 into its reused buffer. */
    @Benchmark
    public int encodeEventUtf8() {
        return encoded.encode(event).length();
    }

    @Benchmark
    public ClientMessage decodePublish() throws ProtocolException {
        return ProtocolCodec.decodeClientMessage(publishFrame);
    }
}
