package io.eventrouter.session;

/** What an {@link Outbox} reports to the router's counters. */
public interface OutboxListener {

    /** Event frames reached the socket. */
    void delivered(int count);

    /** An event frame of this priority was dropped because the subscriber fell behind. */
    void droppedForSlowConsumer(int priority);

    /** Event frames still queued when the connection went away. */
    void droppedOnDisconnect(int count);

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
        public void droppedOnDisconnect(int count) {}

        @Override
        public void overflowed(ClientSession session, String reason) {}

        @Override
        public void sendFailed(ClientSession session, Throwable failure) {}
    };
}
