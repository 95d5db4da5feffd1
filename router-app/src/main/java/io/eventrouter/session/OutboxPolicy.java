package io.eventrouter.session;

import java.util.concurrent.Executor;

/**
 * What the outboxes of a router's connections share: who hears of deliveries and drops, how
 * many events may wait for one connection and how many drops in a row end it, and the pool
 * that writes. One instance serves every connection opened under the same settings, so a
 * connection does not carry its own copy of them.
 *
 * @param capacity events that may wait for one connection
 * @param dropLimit drops in a row, with nothing written between them, after which the
 *     listener is told to disconnect the subscriber
 * @param writer runs the writes of queued events, so whoever queues them (the dispatcher)
 *     never writes to the socket itself; null writes on the queuing thread
 */
public record OutboxPolicy(OutboxListener listener, int capacity, int dropLimit, Executor writer) {}
