package io.eventrouter.routing;

import io.eventrouter.protocol.SubscriptionSpec;
import io.eventrouter.session.Subscription;
import io.eventrouter.subscription.TopicIndex;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * All live subscriptions, indexed by topic pattern, with the matches of recent topics cached.
 * Readers share a lock; changes take it alone.
 */
final class SubscriptionRegistry {
    private static final Subscription[] NONE = {};

    private final TopicIndex<Subscription> index = new TopicIndex<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private int count;
    /**
     * Changed under the read lock by {@link #matching}, which only one thread calls at a time
     * (the dispatcher routes alone), and cleared under the write lock.
     */
    private final MatchCache cache = new MatchCache();
    /** Collects one topic's matches on a cache miss; guarded like {@link #cache}. */
    private final List<Subscription> collected = new ArrayList<>();
    private final Consumer<Subscription> collect = collected::add;
    private final Map<SubscriptionSpec, WeakReference<SubscriptionSpec>> sharedSpecs = new WeakHashMap<>();

    /**
     * The one instance of a subscription spec equal to {@code spec} that live subscriptions
     * share, its topic patterns the JVM's one copy of each string. Thousands of agents often
     * send the same subscription; each would otherwise keep its own spec, list and strings
     * (about 100 bytes). Unused specs are let go with their last subscription.
     */
    SubscriptionSpec shared(SubscriptionSpec spec) {
        synchronized (sharedSpecs) {
            WeakReference<SubscriptionSpec> known = sharedSpecs.get(spec);
            SubscriptionSpec shared = known == null ? null : known.get();
            if (shared == null) {
                List<String> patterns = spec.topics().stream().map(String::intern).toList();
                shared = new SubscriptionSpec(spec.id(), patterns, spec.types(), spec.priorities(), spec.sources());
                sharedSpecs.put(shared, new WeakReference<>(shared));
            }
            return shared;
        }
    }

    void add(Subscription subscription) {
        lock.writeLock().lock();
        try {
            for (String pattern : subscription.topics()) {
                index.add(pattern, subscription);
            }
            count++;
            cache.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    void remove(Subscription subscription) {
        removeAll(List.of(subscription));
    }

    void removeAll(List<Subscription> subscriptions) {
        if (subscriptions.isEmpty()) {
            return;
        }
        lock.writeLock().lock();
        try {
            for (Subscription subscription : subscriptions) {
                for (String pattern : subscription.topics()) {
                    index.remove(pattern, subscription);
                }
                count--;
            }
            cache.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The subscriptions matching {@code topic}, each once (a subscription may have several
     * matching patterns), in no particular order. The array is shared: read it, never change
     * it. One thread at a time: the dispatcher, which routes alone.
     */
    Subscription[] matching(String topic) {
        lock.readLock().lock();
        try {
            Subscription[] matches = cache.get(topic);
            if (matches == null) {
                matches = collectMatches(topic);
                cache.put(topic, matches);
            }
            return matches;
        } finally {
            lock.readLock().unlock();
        }
    }

    private Subscription[] collectMatches(String topic) {
        try {
            index.match(topic, collect);
            return distinct(collected);
        } finally {
            collected.clear();
        }
    }

    /**
     * The index reports a subscription once per matching pattern, so only one with several
     * patterns can be there twice; the first of each is kept.
     */
    private static Subscription[] distinct(List<Subscription> found) {
        for (Subscription subscription : found) {
            if (subscription.topics().size() > 1) {
                return new LinkedHashSet<>(found).toArray(NONE);
            }
        }
        return found.toArray(NONE);
    }

    /** How many topics have their matches cached; for tests. */
    int cachedTopics() {
        return underReadLock(cache::topics);
    }

    /** How many matches the cache holds in all; for tests. */
    int cachedMatches() {
        return underReadLock(cache::matches);
    }

    int count() {
        return underReadLock(() -> count);
    }

    private int underReadLock(IntSupplier value) {
        lock.readLock().lock();
        try {
            return value.getAsInt();
        } finally {
            lock.readLock().unlock();
        }
    }
}
