package io.eventrouter.client;

import io.eventrouter.protocol.SubscriptionSpec;

/** A live subscription; its id stays the same across reconnects. */
public interface SubscriptionHandle extends AutoCloseable {

    String id();

    SubscriptionSpec spec();

    /** Stops delivery to this subscription's handler. Idempotent. */
    void unsubscribe();

    @Override
    default void close() {
        unsubscribe();
    }
}
