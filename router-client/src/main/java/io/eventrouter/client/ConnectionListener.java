package io.eventrouter.client;

/** Told about connection changes; called on a client thread, never the socket thread. */
@FunctionalInterface
public interface ConnectionListener {
    void onConnectionEvent(ConnectionEvent event);
}
