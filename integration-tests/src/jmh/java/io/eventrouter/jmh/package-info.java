/**
 * JMH microbenchmarks of the router's in-process path: topic matching, the dispatcher's route
 * of one event, the priority queue and the codec. Built only with {@code -Pjmh}.
 */
package io.eventrouter.jmh;
