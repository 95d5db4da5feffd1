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
        session.setMaxIdleTimeout(config.idleTimeout().toMillis());
        if (onJetty(session)) {
            JettySessions.limitFrames(session, config.maxFrameSize());
        }
    }

    static String remoteAddress(Session session) {
        return onJetty(session) ? JettySessions.remoteAddress(session) : session.getId();
    }

    static boolean onJetty(Session session) {
        return Presence.JETTY && JettySessions.isJetty(session);
    }
}
