package io.eventrouter.routing;

import io.eventrouter.session.Subscription;
import java.util.HashMap;
import java.util.Map;

/**
 * The subscriptions matching each recently routed topic, each once. Agents tend to publish on
 * a bounded set of topics, so most events find their topic here: one hash lookup instead of a
 * walk of the index (several lookups) and a pass that drops duplicate matches.
 *
 * <p>Any change to the subscriptions drops everything (the next event on each topic matches
 * afresh). So does reaching {@value #MAX_TOPICS} topics or {@value #MAX_MATCHES} matches in
 * all, so a shifting topic set starts over rather than keeping old topics forever, and memory
 * stays bounded (about 2.5 MB of entries and 1 MB of references at most) however many
 * subscriptions each topic reaches: thousands of connections subscribed to {@code #} would
 * otherwise cost thousands of references per cached topic. A topic matching more than {@value
 * #MAX_MATCHES_PER_TOPIC} subscriptions is not cached at all: delivering to them dwarfs the
 * walk.
 *
 * <p>Not thread-safe: {@link SubscriptionRegistry} guards it.
 */
final class MatchCache {
    static final int MAX_TOPICS = 16_384;
    static final int MAX_MATCHES = 262_144;
    static final int MAX_MATCHES_PER_TOPIC = MAX_MATCHES / 8;

    /** Null after a drop, until the next topic is cached. */
    private Map<String, Subscription[]> byTopic;
    /** The length of every array in {@link #byTopic}, added up. */
    private int matches;

    /** The cached matches of {@code topic}, or null if it is not cached. */
    Subscription[] get(String topic) {
        return byTopic == null ? null : byTopic.get(topic);
    }

    /** Caches the matches of a topic not cached yet, unless there are too many to keep. */
    void put(String topic, Subscription[] found) {
        if (found.length > MAX_MATCHES_PER_TOPIC) {
            return;
        }
        if (byTopic == null || byTopic.size() >= MAX_TOPICS || matches + found.length > MAX_MATCHES) {
            byTopic = new HashMap<>();
            matches = 0;
        }
        byTopic.put(topic, found);
        matches += found.length;
    }

    /** Forgets every topic; cheap, since the map is let go rather than emptied. */
    void clear() {
        byTopic = null;
        matches = 0;
    }

    int topics() {
        return byTopic == null ? 0 : byTopic.size();
    }

    int matches() {
        return matches;
    }
}
