/**
 * The router's bounded priority queue: one FIFO lane per priority, refusal or eviction by
 * priority when full, and the two take policies (strict priority or weighted fair sharing).
 */
package io.eventrouter.queue;
