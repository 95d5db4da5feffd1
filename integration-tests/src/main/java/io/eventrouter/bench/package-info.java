/**
 * The load generator ({@link io.eventrouter.bench.LoadGenerator}, packaged as
 * {@code integration-tests/target/loadgen.jar}) and its baseline, {@link io.eventrouter.bench.RawJettyServer}.
 *
 * <p>Each run starts the router ({@code router-app/target/event-router.jar}) and the raw Jetty
 * server as separate JVMs on 127.0.0.1 with identical JVM flags and limits, drives both with the
 * same clients, frames, windows and threads, and reports every router figure as a ratio to the
 * raw transport measured in the same run. Scenarios (publish, fan-out, latency, connections) are
 * bounded in time; results go to the console and to JSON under {@code target/bench/}.
 */
package io.eventrouter.bench;
