package io.eventrouter.session;

import io.eventrouter.protocol.EncodedEvent;
import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.ProtocolCodec;
import io.eventrouter.protocol.SubscriptionSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One subscription of one connection, with what the dispatcher needs per event: the minimum
 * priority, and what to write before the event object in an {@code event} frame, so a delivery
 * is {@code {"type":"event","subscription_id":<id>,"event":} + eventJson + "}"}.
 *
 * <p>A router holds one of these per subscribed agent, most of them idle, so nothing is kept
 * that can be worked out: an id the server chose ({@code <client id>-<n>}) is kept as its
 * number and written out per frame from the client id (plain ASCII, no escapes needed), and
 * the spec is the one shared by every subscription equal to it. Only an id the client chose
 * is kept as the JSON string it is written as.
 */
public final class Subscription {
    private static final byte[] FRAME_START = ascii("{\"type\":\"event\",\"subscription_id\":");
    private static final byte[] FRAME_EVENT = ascii(",\"event\":");

    private final ClientSession owner;
    /** As the client sent it: its id is the client's choice, or null. */
    private final SubscriptionSpec spec;
    /** The number in a server-chosen id, read as unsigned; unused when the client chose the id. */
    private final int number;
    /** From the spec, so most deliveries read nothing of it: priorities are 1 to 10. */
    private final byte minimumPriority;
    /** Whether the spec filters by type or source; most subscriptions do not. */
    private final boolean filtersTypeOrSource;
    /** The id as a JSON string in UTF-8 when it cannot be written out from the client id; else null. */
    private final byte[] quotedId;

    /** A subscription with the id the client chose ({@code spec.id()}), or the server's {@code number}. */
    Subscription(ClientSession owner, SubscriptionSpec spec, int number) {
        this.owner = owner;
        this.spec = spec;
        this.number = number;
        this.minimumPriority = (byte) spec.minimumPriority();
        this.filtersTypeOrSource = !spec.types().isEmpty() || !spec.sources().isEmpty();
        this.quotedId = spec.id() == null && isPlain(owner.clientId())
                ? null
                : ProtocolCodec.quote(id()).getBytes(StandardCharsets.UTF_8);
    }

    /** The id a server-chosen subscription of {@code owner} numbered {@code number} has. */
    static String generatedId(ClientSession owner, int number) {
        return owner.clientId() + "-" + Integer.toUnsignedString(number);
    }

    public String id() {
        return spec.id() != null ? spec.id() : generatedId(owner, number);
    }

    /** Whether this subscription's id is {@code candidate}, without spelling out a generated one. */
    boolean hasId(String candidate) {
        if (spec.id() != null) {
            return spec.id().equals(candidate);
        }
        String clientId = owner.clientId();
        int digits = clientId.length() + 1;
        return candidate.length() > digits
                && candidate.startsWith(clientId)
                && candidate.charAt(digits - 1) == '-'
                && candidate.substring(digits).equals(Integer.toUnsignedString(number));
    }

    public ClientSession owner() {
        return owner;
    }

    /** The subscription as the client sees it, with its id. */
    public SubscriptionSpec spec() {
        return spec.id() != null ? spec : spec.withId(id());
    }

    /** The topic patterns, for the index. */
    public List<String> topics() {
        return spec.topics();
    }

    /** Type, priority, source and target filters; the topic was matched by the index. */
    public boolean accepts(Event event) {
        if (event.priority() < minimumPriority) {
            return false;
        }
        if (filtersTypeOrSource && !acceptsTypeAndSource(event)) {
            return false;
        }
        return event.target() == null || owner.answersTo(event.target());
    }

    private boolean acceptsTypeAndSource(Event event) {
        return (spec.types().isEmpty() || spec.types().contains(event.type()))
                && (spec.sources().isEmpty() || spec.sources().contains(event.source()));
    }

    /**
     * The full frame delivering an already encoded event under this subscription: the event's
     * bytes are copied, never re-encoded. The frame's buffer may be one written before (see
     * {@link FrameBuffers}); once the frame is handed to the outbox, the outbox owns it.
     */
    public ByteBuffer frame(EncodedEvent event) {
        String clientId = owner.clientId();
        long generated = Integer.toUnsignedLong(number);
        int numberDigits = quotedId != null ? 0 : digits(generated);
        int idLength = quotedId != null ? quotedId.length : clientId.length() + 3 + numberDigits;
        int eventAt = FRAME_START.length + idLength + FRAME_EVENT.length;
        int length = eventAt + event.length() + 1;
        ByteBuffer buffer = FrameBuffers.take(length);
        byte[] frame = buffer.array();
        System.arraycopy(FRAME_START, 0, frame, 0, FRAME_START.length);
        int at = FRAME_START.length;
        if (quotedId != null) {
            System.arraycopy(quotedId, 0, frame, at, quotedId.length);
        } else {
            frame[at++] = '"';
            copyAscii(clientId, frame, at);
            at += clientId.length();
            frame[at++] = '-';
            for (int i = at + numberDigits - 1; i >= at; i--) {
                frame[i] = (byte) ('0' + generated % 10);
                generated /= 10;
            }
            frame[eventAt - FRAME_EVENT.length - 1] = '"';
        }
        System.arraycopy(FRAME_EVENT, 0, frame, eventAt - FRAME_EVENT.length, FRAME_EVENT.length);
        event.copyTo(frame, eventAt);
        frame[length - 1] = '}';
        return buffer;
    }

    /**
     * Copies an ASCII string's bytes: the one String method that copies a compact string's
     * bytes as they are, where a loop over its characters costs one call per character.
     */
    @SuppressWarnings("deprecation")
    private static void copyAscii(String ascii, byte[] target, int at) {
        ascii.getBytes(0, ascii.length(), target, at);
    }

    /** Whether {@code id} can go into a JSON string as it is: ASCII letters, digits and dashes. */
    private static boolean isPlain(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(long value) {
        int digits = 1;
        for (long rest = value; rest >= 10; rest /= 10) {
            digits++;
        }
        return digits;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
