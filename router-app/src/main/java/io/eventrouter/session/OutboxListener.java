package io.eventrouter.session;

/** What an {@link Outbox} reports to the router's counters. */
public interface OutboxListener {

    /**
     * Event frames reached the socket. Called, like {@link #deliveredAfter}, under the outbox's
     * lock, so a drain that sees the outbox idle finds them counted: it must only count.
     */
    void delivered(int count);

    /**
     * One event frame reached the socket this long after the router accepted the event; called
     * once per delivered event, besides {@link #delivered}.
     */
    default void deliveredAfter(long nanosSinceAccepted) {}

    /** An event frame of this priority was dropped because the subscriber fell behind. */
    void droppedForSlowConsumer(int priority);

    /** Event frames of this priority still queued when the connection went away. */
    void droppedOnDisconnect(int priority, int count);

    /** The subscriber is too far behind to keep; the session must be disconnected. */
    void overflowed(ClientSession session, String reason);

    /** Writing to the socket failed. */
    void sendFailed(ClientSession session, Throwable failure);

    OutboxListener NONE = new OutboxListener() {
        @Override
        public void delivered(int count) {}

        @Override
        public void droppedForSlowConsumer(int priority) {}

        @Override
        public void droppedOnDisconnect(int priority, int count) {}

        @Override
        public void overflowed(ClientSession session, String reason) {}

        @Override
        public void sendFailed(ClientSession session, Throwable failure) {}
    };
}
