package io.eventrouter.endpoint;

import io.eventrouter.config.RouterConfig;
import jakarta.websocket.Session;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;

/** Applies the configured frame and idle limits to a new session. */
final class SessionLimits {
    private SessionLimits() {}

    static void apply(Session session, RouterConfig config) {
        session.setMaxTextMessageBufferSize(config.maxFrameSize());
        session.setMaxBinaryMessageBufferSize(config.maxFrameSize());
        session.setMaxIdleTimeout(config.idleTimeout().toMillis());
        if (session instanceof JakartaWebSocketSession jetty) {
            // Jetty also limits single frames (64 KiB by default), separately from messages.
            CoreSession core = jetty.getCoreSession();
            core.setMaxFrameSize(config.maxFrameSize());
            core.setMaxTextMessageSize(config.maxFrameSize());
        }
    }

    static String remoteAddress(Session session) {
        if (session instanceof JakartaWebSocketSession jetty) {
            SocketAddress address = jetty.getCoreSession().getRemoteAddress();
            if (address instanceof InetSocketAddress inet) {
                return inet.getHostString() + ":" + inet.getPort();
            }
            return String.valueOf(address);
        }
        return session.getId();
    }
}
