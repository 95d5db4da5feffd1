package io.eventrouter.endpoint;

import io.eventrouter.config.RouterConfig;
import jakarta.websocket.Session;

/**
 * Applies the configured frame and idle limits to a new session. Jetty's extra limits go
 * through {@link JettySessions}, only when Jetty is present (not in the WAR on Payara).
 */
final class SessionLimits {
    private SessionLimits() {}

    static void apply(Session session, RouterConfig config) {
        session.setMaxTextMessageBufferSize(config.maxFrameSize());
        session.setMaxBinaryMessageBufferSize(config.maxFrameSize());
        long idleMillis = config.idleTimeout().toMillis();
        // Set only when it differs from the container's default: on Jetty each setting is a
        // Duration kept for the life of the connection.
        if (session.getMaxIdleTimeout() != idleMillis) {
            session.setMaxIdleTimeout(idleMillis);
        }
        if (onJetty(session)) {
            JettySessions.limitFrames(session, config.maxFrameSize());
        }
    }

    static boolean onJetty(Session session) {
        return Presence.JETTY && JettySessions.isJetty(session);
    }
}
