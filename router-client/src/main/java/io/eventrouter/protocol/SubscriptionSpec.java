package io.eventrouter.protocol;

import java.util.List;

/**
 * What a client asks to receive: topic patterns plus optional type, priority and source
 * filters. Every non-empty filter must pass for an event to match.
 *
 * @param id client-chosen subscription id, or null to let the server choose one
 * @param topics topic patterns, at least one; any of them may match
 * @param types event types (exact strings); empty means any
 * @param priorities priorities; the event's priority must be at least the smallest listed
 * @param sources event sources; empty means any
 */
public record SubscriptionSpec(
        String id, List<String> topics, List<String> types, List<Integer> priorities,
        List<String> sources) {

    public static final List<String> ALL_TOPICS = List.of(Topics.SINGLE_WILDCARD);

    public SubscriptionSpec {
        topics = topics == null || topics.isEmpty() ? ALL_TOPICS : List.copyOf(topics);
        topics.forEach(Topics::requireValidPattern);
        types = types == null ? List.of() : List.copyOf(types);
        priorities = priorities == null ? List.of() : List.copyOf(priorities);
        priorities.forEach(Priority::require);
        sources = sources == null ? List.of() : List.copyOf(sources);
        if (id != null && id.isEmpty()) {
            throw new IllegalArgumentException("subscription id must not be empty when given");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static SubscriptionSpec of(String... topics) {
        return new SubscriptionSpec(null, List.of(topics), null, null, null);
    }

    public SubscriptionSpec withId(String value) {
        return new SubscriptionSpec(value, topics, types, priorities, sources);
    }

    /** The smallest priority an event needs, or {@link Priority#MIN} without a filter. */
    public int minimumPriority() {
        int min = Priority.MAX + 1;
        for (int p : priorities) {
            min = Math.min(min, p);
        }
        return priorities.isEmpty() ? Priority.MIN : min;
    }

    /** The type, priority and source filters (topics are matched separately, by an index). */
    public boolean acceptsIgnoringTopic(Event event) {
        return event.priority() >= minimumPriority()
                && (types.isEmpty() || types.contains(event.type()))
                && (sources.isEmpty() || sources.contains(event.source()));
    }

    /** The full match: one of the topic patterns and every filter. */
    public boolean accepts(Event event) {
        return acceptsIgnoringTopic(event)
                && topics.stream().anyMatch(pattern -> Topics.matches(pattern, event.topic()));
    }

    /** Builds a subscription; every filter is optional. */
    public static final class Builder {
        private String id;
        private List<String> topics = List.of();
        private List<String> types = List.of();
        private List<Integer> priorities = List.of();
        private List<String> sources = List.of();

        private Builder() {}

        /** A subscription id of your choosing (kept across reconnects); generated when absent. */
        public Builder id(String value) {
            this.id = value;
            return this;
        }

        public Builder topics(String... patterns) {
            this.topics = List.of(patterns);
            return this;
        }

        public Builder topics(List<String> patterns) {
            this.topics = List.copyOf(patterns);
            return this;
        }

        public Builder types(String... values) {
            this.types = List.of(values);
            return this;
        }

        /** Only events with at least this priority (the protocol's smallest-listed rule). */
        public Builder minPriority(int priority) {
            this.priorities = List.of(Priority.require(priority));
            return this;
        }

        public Builder priorities(Integer... values) {
            this.priorities = List.of(values);
            return this;
        }

        public Builder sources(String... values) {
            this.sources = List.of(values);
            return this;
        }

        public SubscriptionSpec build() {
            return new SubscriptionSpec(id, topics, types, priorities, sources);
        }
    }
}
