/**
 * The router bean and what it owns: admission of clients, the subscription registry, the
 * priority queue, the dispatcher and the health counters.
 */
package io.eventrouter.routing;
