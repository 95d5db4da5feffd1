package io.eventrouter.management;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Sets the root log level while running; the embedded router logs through Logback. */
final class LogLevels {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(LogLevels.class);

    private LogLevels() {}

    static void setRoot(String level) {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.toLevel(level, Level.INFO));
        } else {
            // In a container with another logging backend, its own configuration decides.
            LOG.warn("log_level {} saved but not applied: the logging backend is not Logback", level);
        }
    }
}
