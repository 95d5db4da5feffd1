package io.eventrouter.client;

import io.eventrouter.protocol.Event;

/** Receives the events of one subscription, one at a time and in arrival order. */
@FunctionalInterface
public interface EventHandler {
    void handle(Event event) throws Exception;
}
