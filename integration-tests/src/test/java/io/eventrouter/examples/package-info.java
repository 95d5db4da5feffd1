/**
 * Runnable examples, one class per pattern, each with a {@code main} for people
 * ({@code bin/run-example NAME [ARGS...]}) and a method returning what it observed, which the
 * tests check against a real router: {@code run(url)} for the clients, {@code parse(args)} and
 * the process itself for {@link io.eventrouter.examples.ServerStarter}.
 */
package io.eventrouter.examples;
