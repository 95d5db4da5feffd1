package io.eventrouter.management;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Sets the root log level while running; the embedded router logs through Logback. */
final class LogLevels {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(LogLevels.class);

    /** Logback is absent in the WAR (the server logs); testing a logger against it would throw. */
    private static final boolean LOGBACK = present("ch.qos.logback.classic.Logger");

    private LogLevels() {}

    private static boolean present(String className) {
        try {
            Class.forName(className, false, LogLevels.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    static void setRoot(String level) {
        if (LOGBACK && LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.toLevel(level, Level.INFO));
        } else {
            // In a container with another logging backend, its own configuration decides.
            LOG.warn("log_level {} saved but not applied: the logging backend is not Logback", level);
        }
    }
}
