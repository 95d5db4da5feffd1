package io.eventrouter.cli;

import io.eventrouter.config.RouterConfig;
import io.eventrouter.config.Setting;

/** The router's default for each setting, written the way a properties file or a prompt takes it. */
final class SettingDefaults {
    private static final RouterConfig DEFAULTS = RouterConfig.defaults();

    private SettingDefaults() {}

    /** The default as text, or an empty string for a setting added after this list. */
    static String of(Setting setting) {
        return switch (setting) {
            case HOST -> DEFAULTS.host();
            case PORT -> Integer.toString(DEFAULTS.port());
            case MAX_QUEUE_SIZE -> Integer.toString(DEFAULTS.maxQueueSize());
            case MAX_CLIENTS -> Integer.toString(DEFAULTS.maxClients());
            case USE_MULTI_QUEUE -> Boolean.toString(DEFAULTS.useMultiQueue());
            case MAX_FRAME_SIZE -> Integer.toString(DEFAULTS.maxFrameSize());
            case PERMESSAGE_DEFLATE -> Boolean.toString(DEFAULTS.permessageDeflate());
            case MAX_SUBSCRIPTIONS_PER_CLIENT -> Integer.toString(DEFAULTS.maxSubscriptionsPerClient());
            case CLIENT_QUEUE_SIZE -> Integer.toString(DEFAULTS.clientQueueSize());
            case SLOW_CONSUMER_DROP_LIMIT -> Integer.toString(DEFAULTS.slowConsumerDropLimit());
            case IDLE_TIMEOUT_SECONDS -> Long.toString(DEFAULTS.idleTimeout().toSeconds());
            case SHUTDOWN_TIMEOUT_SECONDS -> Long.toString(DEFAULTS.shutdownTimeout().toSeconds());
            case LOG_LEVEL -> DEFAULTS.logLevel();
            // Settings are added on other branches; they show without a default until listed here.
            default -> "";
        };
    }
}
