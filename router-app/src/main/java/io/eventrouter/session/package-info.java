/**
 * Connected clients: identity, the subscriptions each holds, and the bounded per-connection
 * outbound queue that keeps one slow subscriber from holding up the others.
 */
package io.eventrouter.session;
