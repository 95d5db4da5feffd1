/**
 * The command line: without a command it serves the router in the foreground; the management
 * commands run it in the background and look after it through a PID file and the protocol.
 * The only code that prints for people rather than logging.
 */
package io.eventrouter.cli;
