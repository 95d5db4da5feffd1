package io.eventrouter.client.internal;

import io.eventrouter.client.EventHandler;
import io.eventrouter.protocol.SubscriptionSpec;
import java.util.concurrent.Executor;

/** A subscription as the client remembers it, to restore after reconnecting. */
record LocalSubscription(String id, SubscriptionSpec spec, EventHandler handler, Executor serial) {
}
