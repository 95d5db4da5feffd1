package io.eventrouter.client.internal;

/** Where a {@link RouterConnection} stands. */
enum ConnectionState {
    /** Created; connect() not called yet. */
    NEW,
    /** A connection is up and the offline buffer is empty: sends go straight out. */
    CONNECTED,
    /** Lost, or up but still restoring subscriptions and flushing the buffer: sends are buffered. */
    RECONNECTING,
    /** close() was called. */
    CLOSED
}
