package io.eventrouter.queue;

import io.eventrouter.protocol.Event;

/**
 * What happened to an offered event.
 *
 * @param accepted whether the offered event is now queued
 * @param evicted the lower-priority event removed to make room, or null
 */
public record OfferResult(boolean accepted, Event evicted) {
    static final OfferResult QUEUED = new OfferResult(true, null);
    static final OfferResult REFUSED = new OfferResult(false, null);

    static OfferResult queuedEvicting(Event evicted) {
        return new OfferResult(true, evicted);
    }
}
