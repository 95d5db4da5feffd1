package io.eventrouter.queue;

import io.eventrouter.protocol.Event;

/**
 * An event in the router's queue with the moment the router accepted it, so delivery latency can
 * be measured from acceptance without adding a field to the immutable protocol {@link Event}.
 *
 * @param acceptedNanos {@link System#nanoTime()} when the router accepted the event
 */
public record QueuedEvent(Event event, long acceptedNanos) {}
