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
 * afresh), and so does reaching {@value #MAX_TOPICS} topics, so a shifting topic set starts
 * over rather than keeping old topics forever. At most that many entries of about 150 bytes:
 * some 2.5 MB.
 *
 * <p>Not thread-safe: {@link SubscriptionRegistry} guards it.
 */
final class MatchCache {
    static final int MAX_TOPICS = 16_384;

    /** Null after a drop, until the next topic is cached. */
    private Map<String, Subscription[]> byTopic;

    /** The cached matches of {@code topic}, or null if it is not cached. */
    Subscription[] get(String topic) {
        return byTopic == null ? null : byTopic.get(topic);
    }

    void put(String topic, Subscription[] matches) {
        if (byTopic == null || byTopic.size() >= MAX_TOPICS) {
            byTopic = new HashMap<>();
        }
        byTopic.put(topic, matches);
    }

    /** Forgets every topic; cheap, since the map is let go rather than emptied. */
    void clear() {
        byTopic = null;
    }

    int size() {
        return byTopic == null ? 0 : byTopic.size();
    }
}
