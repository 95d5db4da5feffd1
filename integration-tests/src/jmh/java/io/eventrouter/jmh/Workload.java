package io.eventrouter.jmh;

import io.eventrouter.protocol.ClientMessage;
import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.EventMetadata;
import io.eventrouter.protocol.Priority;
import io.eventrouter.protocol.ProtocolCodec;
import io.eventrouter.protocol.ProtocolException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The synthetic but realistic data every benchmark draws from, generated from fixed seeds so
 * runs are comparable: a multi-tenant topic space {@code tenant<N>.<entity>.<action>}
 * (200 x 10 x 5 = 10,000 topics), subscription patterns in a configurable mix of exact,
 * single-wildcard and {@code #} patterns over that space, and typical events (a payload of ten
 * fields, a correlation id and one tag).
 */
public final class Workload {
    public static final long SEED = 42L;
    public static final int TENANTS = 200;
    public static final String[] ENTITIES = {
        "orders", "payments", "invoices", "shipments", "customers",
        "tasks", "agents", "messages", "documents", "alerts"};
    public static final String[] ACTIONS = {"created", "updated", "deleted", "completed", "failed"};
    /** Priorities events are drawn from: mostly NORMAL, some LOW, HIGH and CRITICAL. */
    private static final int[] PRIORITIES = {
        Priority.LOW, Priority.NORMAL, Priority.NORMAL, Priority.NORMAL, Priority.NORMAL,
        Priority.HIGH, Priority.HIGH, Priority.CRITICAL};
    private static final Instant EPOCH = Instant.parse("2026-03-01T12:00:00.123456Z");

    private Workload() {}

    /** Percentages of exact, single-wildcard and '#' patterns, parsed from e.g. {@code 70/20/10}. */
    public record Mix(int exact, int single, int multi) {
        public static Mix parse(String text) {
            String[] parts = text.split("/");
            if (parts.length != 3) {
                throw new IllegalArgumentException("mix must be exact/single/multi percentages, got " + text);
            }
            Mix mix = new Mix(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            if (mix.exact + mix.single + mix.multi != 100) {
                throw new IllegalArgumentException("mix percentages must add up to 100, got " + text);
            }
            return mix;
        }
    }

    public static String topic(Random random) {
        return "tenant" + random.nextInt(TENANTS) + "." + pick(random, ENTITIES) + "." + pick(random, ACTIONS);
    }

    /** {@code count} topics drawn uniformly from the topic space. */
    public static String[] topics(int count, Random random) {
        String[] topics = new String[count];
        for (int i = 0; i < topics.length; i++) {
            topics[i] = topic(random);
        }
        return topics;
    }

    /**
     * {@code count} subscription patterns in the given mix, shuffled. Exact patterns are topics
     * like {@code tenant42.orders.created}; single-wildcard ones {@code tenant42.*.created} or
     * {@code tenant42.orders.*}; '#' ones {@code tenant42.#} or {@code tenant42.orders.#}.
     */
    public static List<String> patterns(int count, Mix mix, Random random) {
        int exact = count * mix.exact() / 100;
        int single = count * mix.single() / 100;
        List<String> patterns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String tenant = "tenant" + random.nextInt(TENANTS);
            String entity = pick(random, ENTITIES);
            String action = pick(random, ACTIONS);
            boolean firstForm = random.nextBoolean();
            if (i < exact) {
                patterns.add(tenant + "." + entity + "." + action);
            } else if (i < exact + single) {
                patterns.add(firstForm ? tenant + ".*." + action : tenant + "." + entity + ".*");
            } else {
                patterns.add(firstForm ? tenant + ".#" : tenant + "." + entity + ".#");
            }
        }
        Collections.shuffle(patterns, random);
        return patterns;
    }

    /** A typical event on {@code topic}: type {@code <entity>.<action>}, ten payload fields. */
    public static Event event(String topic, Random random, int sequence) {
        String[] segments = topic.split("\\.");
        Instant at = EPOCH.plusNanos(sequence * 1_000_000L + random.nextInt(1000) * 1000L);
        return Event.builder(topic)
                .id(new UUID(random.nextLong(), random.nextLong()).toString())
                .type(segments[1] + "." + segments[2])
                .priority(PRIORITIES[random.nextInt(PRIORITIES.length)])
                .source("agent-" + random.nextInt(500))
                .payload(payload(random))
                .metadata(EventMetadata.builder()
                        .correlationId(new UUID(random.nextLong(), random.nextLong()).toString())
                        .tag("tenant", segments[0])
                        .build())
                .timestamp(at)
                .build();
    }

    /**
     * {@code count} typical events on topics drawn from the topic space, as the router holds
     * them: decoded from the publish frames that carry them.
     */
    public static Event[] events(int count, Random random) {
        Event[] events = new Event[count];
        for (int i = 0; i < events.length; i++) {
            events[i] = received(event(topic(random), random, i));
        }
        return events;
    }

    /** {@code event} after a trip through a publish frame, as the router's endpoint decodes it. */
    public static Event received(Event event) {
        String frame = ProtocolCodec.encode(new ClientMessage.Publish(event, null));
        try {
            return ((ClientMessage.Publish) ProtocolCodec.decodeClientMessage(frame)).event();
        } catch (ProtocolException e) {
            throw new IllegalStateException("A workload event does not decode: " + e.getMessage(), e);
        }
    }

    /** Ten fields of mixed types, as an order-like business payload. */
    public static JsonObject payload(Random random) {
        return Json.createObjectBuilder()
                .add("order_id", "ord-" + (100_000 + random.nextInt(900_000)))
                .add("customer_id", "cust-" + random.nextInt(10_000))
                .add("amount", Math.round(random.nextDouble() * 100_000) / 100.0)
                .add("currency", random.nextBoolean() ? "EUR" : "USD")
                .add("items", 1 + random.nextInt(20))
                .add("express", random.nextBoolean())
                .add("status", "pending")
                .add("region", "eu-west-" + (1 + random.nextInt(3)))
                .add("note", "Leave at the \"back\" door")
                .add("tags", Json.createArrayBuilder().add("b2b").add("priority"))
                .build();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
