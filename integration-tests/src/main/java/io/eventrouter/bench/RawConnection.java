package io.eventrouter.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * One connection to {@link RawJettyServer}. Frames are handled on the thread that read them:
 * a publish is answered and then copied to every subscription with one write each, with no
 * queue, no JSON library and no other thread in between.
 */
final class RawConnection implements FrameHandler {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
    private static final byte[] TYPE = Ascii.bytes("\"type\":");
    private static final byte[] EVENT = Ascii.bytes("\"event\":");
    private static final byte[] ID = Ascii.bytes("\"id\":");
    private static final byte[] TOPICS = Ascii.bytes("\"topics\":");
    private static final byte[] ECHO = Ascii.bytes("\"echo\":");
    private static final byte[] PUBLISHED_START = Ascii.bytes("{\"type\":\"published\",\"event_id\":\"");
    private static final byte[] PUBLISHED_END = Ascii.bytes("\",\"status\":\"queued\"}");

    /** What all connections of one server share: the subscriptions and the connection count. */
    static final class Hub {
        final int maxClients;
        final AtomicInteger clients = new AtomicInteger();
        final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

        Hub(int maxClients) {
            this.maxClients = maxClients;
        }
    }

    /** A subscription: its connection and the start of its event frames, up to the event object. */
    private record Subscription(RawConnection owner, byte[] framePrefix) {}

    private final Hub hub;
    private final String clientId = UUID.randomUUID().toString();
    private CoreSession session;
    private ByteArrayOutputStream partial;
    private int subscriptionCount;
    private boolean admitted;

    RawConnection(Hub hub) {
        this.hub = hub;
    }

    @Override
    public void onOpen(CoreSession coreSession, Callback callback) {
        session = coreSession;
        admitted = hub.clients.incrementAndGet() <= hub.maxClients;
        if (admitted) {
            send("{\"type\":\"welcome\",\"client_id\":\"" + clientId + "\",\"server_time\":\"" + now() + "\"}");
        } else {
            send("{\"type\":\"error\",\"error\":\"max_clients_reached\",\"code\":\"max_clients_reached\",\"message\":"
                    + "\"Maximum clients (" + hub.maxClients + ") reached\",\"timestamp\":\"" + now() + "\"}");
            coreSession.close(CloseStatus.TRY_AGAIN_LATER, "max_clients_reached", Callback.NOOP);
        }
        callback.succeeded();
        coreSession.demand();
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        byte opCode = frame.getOpCode();
        if (admitted && (opCode == OpCode.TEXT || opCode == OpCode.CONTINUATION)) {
            byte[] data = payload(frame.getPayload());
            if (opCode == OpCode.TEXT && frame.isFin()) {
                handle(data);
            } else {
                if (partial == null) {
                    partial = new ByteArrayOutputStream();
                }
                partial.writeBytes(data);
                if (frame.isFin()) {
                    byte[] whole = partial.toByteArray();
                    partial = null;
                    handle(whole);
                }
            }
        }
        callback.succeeded();
        session.demand();
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        hub.subscriptions.removeIf(subscription -> subscription.owner == this);
        hub.clients.decrementAndGet();
        callback.succeeded();
    }

    private void handle(byte[] in) {
        int[] type = Ascii.valueOf(in, 0, in.length, TYPE);
        String kind = type == null ? "" : Ascii.string(in, type[0], type[1]);
        switch (kind) {
            case "\"publish\"" -> publish(in);
            case "\"subscribe\"" -> subscribe(in);
            case "\"ping\"" -> {
                int[] echo = Ascii.valueOf(in, 0, in.length, ECHO);
                send("{\"type\":\"pong\",\"timestamp\":\"" + now() + "\",\"echo\":"
                        + (echo == null ? "null" : Ascii.string(in, echo[0], echo[1])) + "}");
            }
            default -> error("unknown_type", "The raw baseline answers only publish, subscribe and ping");
        }
    }

    private void publish(byte[] in) {
        int[] event = Ascii.valueOf(in, 0, in.length, EVENT);
        if (event == null || in[event[0]] != '{') {
            error("invalid_message", "A publish needs an event object");
            return;
        }
        int[] id = Ascii.valueOf(in, event[0], event[1], ID);
        byte[] eventId = id != null && in[id[0]] == '"'
                ? java.util.Arrays.copyOfRange(in, id[0] + 1, id[1] - 1)
                : Ascii.bytes(UUID.randomUUID().toString());
        byte[] reply = new byte[PUBLISHED_START.length + eventId.length + PUBLISHED_END.length];
        System.arraycopy(PUBLISHED_START, 0, reply, 0, PUBLISHED_START.length);
        System.arraycopy(eventId, 0, reply, PUBLISHED_START.length, eventId.length);
        System.arraycopy(PUBLISHED_END, 0, reply, PUBLISHED_START.length + eventId.length, PUBLISHED_END.length);
        send(reply);
        int length = event[1] - event[0];
        for (Subscription subscription : hub.subscriptions) {
            byte[] prefix = subscription.framePrefix;
            byte[] frame = new byte[prefix.length + length + 1];
            System.arraycopy(prefix, 0, frame, 0, prefix.length);
            System.arraycopy(in, event[0], frame, prefix.length, length);
            frame[frame.length - 1] = '}';
            subscription.owner.send(frame);
        }
    }

    private void subscribe(byte[] in) {
        int[] topics = Ascii.valueOf(in, 0, in.length, TOPICS);
        String topicList = topics == null || in[topics[0]] != '[' ? "[\"*\"]" : Ascii.string(in, topics[0], topics[1]);
        String id = clientId + "-" + ++subscriptionCount;
        // Registered before the reply goes out: a client that publishes as soon as it hears
        // "subscribed" must find the subscription in place, as the router guarantees.
        hub.subscriptions.add(new Subscription(this,
                Ascii.bytes("{\"type\":\"event\",\"subscription_id\":\"" + id + "\",\"event\":")));
        send("{\"type\":\"subscribed\",\"subscription_id\":\"" + id + "\",\"topics\":" + topicList + "}");
    }

    private void error(String code, String text) {
        send("{\"type\":\"error\",\"error\":\"" + text + "\",\"code\":\"" + code + "\",\"timestamp\":\"" + now() + "\"}");
    }

    private void send(String frame) {
        send(Ascii.bytes(frame));
    }

    private void send(byte[] frame) {
        session.sendFrame(new Frame(OpCode.TEXT, ByteBuffer.wrap(frame)), Callback.NOOP, false);
    }

    private static byte[] payload(ByteBuffer buffer) {
        byte[] data = new byte[buffer == null ? 0 : buffer.remaining()];
        if (buffer != null) {
            buffer.get(data);
        }
        return data;
    }

    private static String now() {
        return TIME.format(Instant.now());
    }
}
