/**
 * The command line: parses flags into a configuration and runs the router. The only code that
 * prints for people rather than logging.
 */
package io.eventrouter.cli;
