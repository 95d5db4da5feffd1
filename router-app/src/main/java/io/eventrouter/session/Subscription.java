package io.eventrouter.session;

import io.eventrouter.protocol.EncodedEvent;
import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.ProtocolCodec;
import io.eventrouter.protocol.SubscriptionSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One subscription of one connection. Holds what the dispatcher needs per event without
 * recomputing it: the minimum priority and the start of the {@code event} frame up to the
 * event object (UTF-8), so a delivery is {@code framePrefix + eventJson + "}"}.
 */
public final class Subscription {
    private final String id;
    private final ClientSession owner;
    private final SubscriptionSpec spec;
    private final int minimumPriority;
    private final byte[] framePrefix;
    private long lastMatch = -1;

    Subscription(String id, ClientSession owner, SubscriptionSpec spec) {
        this.id = id;
        this.owner = owner;
        this.spec = spec.withId(id);
        this.minimumPriority = spec.minimumPriority();
        this.framePrefix = ("{\"type\":\"event\",\"subscription_id\":" + ProtocolCodec.quote(id) + ",\"event\":")
                .getBytes(StandardCharsets.UTF_8);
    }

    public String id() {
        return id;
    }

    public ClientSession owner() {
        return owner;
    }

    public SubscriptionSpec spec() {
        return spec;
    }

    /** Type, priority, source and target filters; the topic was matched by the index. */
    public boolean accepts(Event event) {
        if (event.priority() < minimumPriority) {
            return false;
        }
        if (!spec.types().isEmpty() && !spec.types().contains(event.type())) {
            return false;
        }
        if (!spec.sources().isEmpty() && !spec.sources().contains(event.source())) {
            return false;
        }
        return event.target() == null || owner.answersTo(event.target());
    }

    /**
     * The full frame delivering an already encoded event under this subscription: the event's
     * bytes are copied, never re-encoded.
     */
    public ByteBuffer frame(EncodedEvent event) {
        byte[] frame = new byte[framePrefix.length + event.length() + 1];
        System.arraycopy(framePrefix, 0, frame, 0, framePrefix.length);
        event.copyTo(frame, framePrefix.length);
        frame[frame.length - 1] = '}';
        return ByteBuffer.wrap(frame);
    }

    /**
     * Marks this subscription as matched in match round {@code round}; false if it already was,
     * so a subscription whose several patterns match gets the event once. Only the thread routing
     * a batch calls it.
     */
    public boolean markMatched(long round) {
        if (lastMatch == round) {
            return false;
        }
        lastMatch = round;
        return true;
    }
}
