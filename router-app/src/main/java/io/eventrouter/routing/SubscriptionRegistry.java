package io.eventrouter.routing;

import io.eventrouter.protocol.SubscriptionSpec;
import io.eventrouter.session.Subscription;
import io.eventrouter.subscription.TopicIndex;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/** All live subscriptions, indexed by topic pattern; readers (the dispatcher) share a lock. */
final class SubscriptionRegistry {
    private final TopicIndex<Subscription> index = new TopicIndex<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private int count;
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
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Calls {@code sink} for each registration matching the topic (duplicates possible). */
    void match(String topic, Consumer<Subscription> sink) {
        lock.readLock().lock();
        try {
            index.match(topic, sink);
        } finally {
            lock.readLock().unlock();
        }
    }

    int count() {
        lock.readLock().lock();
        try {
            return count;
        } finally {
            lock.readLock().unlock();
        }
    }
}
