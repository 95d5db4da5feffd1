package io.eventrouter.routing;

import io.eventrouter.session.Subscription;
import io.eventrouter.subscription.TopicIndex;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/** All live subscriptions, indexed by topic pattern; readers (the dispatcher) share a lock. */
final class SubscriptionRegistry {
    private final TopicIndex<Subscription> index = new TopicIndex<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private int count;

    void add(Subscription subscription) {
        lock.writeLock().lock();
        try {
            for (String pattern : subscription.spec().topics()) {
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
                for (String pattern : subscription.spec().topics()) {
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
