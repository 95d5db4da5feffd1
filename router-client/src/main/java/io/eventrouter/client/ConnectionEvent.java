package io.eventrouter.client;

/** Changes in a client's connection, in the order they can happen. */
public enum ConnectionEvent {
    /** The first connection is up (welcome received). */
    CONNECTED,
    /** The connection was lost unexpectedly; the client will reconnect if allowed. */
    DISCONNECTED,
    /** A new connection is up after a loss. */
    RECONNECTED,
    /** All subscriptions were restored on the new connection, with their ids. */
    RESUBSCRIBED,
    /** {@code close()} was called; nothing more will happen. */
    CLOSED
}
