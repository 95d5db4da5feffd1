package io.eventrouter.endpoint;

import jakarta.websocket.Session;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.UUID;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;

/**
 * Everything the endpoint does through Jetty's own session API. Only touched after {@link
 * Presence#JETTY} says Jetty is on the class path: in a WAR on another server (Payara) the Jetty
 * classes are absent and running this class's code would fail with {@code NoClassDefFoundError}.
 */
final class JettySessions {
    private JettySessions() {}

    static boolean isJetty(Session session) {
        return session instanceof JakartaWebSocketSession;
    }

    static CoreSession core(Session session) {
        return ((JakartaWebSocketSession) session).getCoreSession();
    }

    /** Jetty also limits single frames (64 KiB by default), separately from messages. */
    static void limitFrames(Session session, int maxFrameSize) {
        CoreSession core = core(session);
        core.setMaxFrameSize(maxFrameSize);
        core.setMaxTextMessageSize(maxFrameSize);
    }

    /**
     * The peer's address as the socket channel holds it: the same object for the life of the
     * connection, so keeping it costs nothing, and still there to name the peer after the
     * channel closed (when Jetty itself can no longer tell).
     */
    static SocketAddress remoteSocketAddress(Session session) {
        return core(session).getRemoteAddress();
    }

    static String format(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return inet.getHostString() + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }

    /** Jetty's session id, a random UUID like the ids the router makes itself; null if it is not one. */
    static String uuid(Session session) {
        String id = session.getId();
        if (id == null || id.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(id).toString().equals(id) ? id : null;
        } catch (IllegalArgumentException notUuid) {
            return null;
        }
    }

    static void abort(Session session) {
        ((JakartaWebSocketSession) session).abort();
    }
}
