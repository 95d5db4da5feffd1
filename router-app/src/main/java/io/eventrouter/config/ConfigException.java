package io.eventrouter.config;

/** An invalid configuration value; the message is one line a person can act on. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
