package io.eventrouter.client;

/**
 * Told about failures that have no caller to throw to: a handler that threw, an {@code error}
 * frame the router sent unprompted, a reconnect attempt that failed.
 */
@FunctionalInterface
public interface ErrorListener {
    void onError(RouterException error);
}
