/**
 * The Java client for the Event Router: {@link io.eventrouter.client.EventRouterClient} and its
 * options, listeners and exceptions. Everything else is in the {@code internal} package.
 */
package io.eventrouter.client;
