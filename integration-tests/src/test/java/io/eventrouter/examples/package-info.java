/**
 * Runnable examples of the Java client, one class per pattern, each with a {@code main} for
 * people ({@code bin/run-example NAME [URL]}) and a {@code run(url)} that the tests check.
 */
package io.eventrouter.examples;
