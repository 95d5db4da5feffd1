package io.eventrouter.server;

import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.ee10.websocket.jakarta.common.UpgradeRequest;
import org.eclipse.jetty.ee10.websocket.jakarta.server.internal.JakartaServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;

/**
 * What Jetty's Jakarta layer keeps of the HTTP upgrade request for the life of a WebSocket
 * session, read once during the handshake. Jetty's own {@link JakartaServerUpgradeRequest}
 * keeps the servlet request itself, and with it the whole finished HTTP exchange (request,
 * response, channel, parser, headers): about 5 kB per connection that nothing reads again.
 * Jetty 12.1's session asks the upgrade request only for the principal; the frame handler
 * factory asks for the path while it builds the handler. Both are taken here from Jetty's own
 * implementation, so the answers are exactly Jetty's, and the servlet request is let go.
 */
final class DetachedUpgradeRequest implements UpgradeRequest {
    private static final Map<String, DetachedUpgradeRequest> ANONYMOUS = new ConcurrentHashMap<>();

    private final Principal userPrincipal;
    private final String pathInContext;

    private DetachedUpgradeRequest(Principal userPrincipal, String pathInContext) {
        this.userPrincipal = userPrincipal;
        this.pathInContext = pathInContext;
    }

    static DetachedUpgradeRequest of(ServerUpgradeRequest request) {
        UpgradeRequest jetty = new JakartaServerUpgradeRequest(request);
        Principal principal = jetty.getUserPrincipal();
        String path = jetty.getPathInContext();
        // Without a principal, connections on one path are told the same: share one answer.
        // Only the endpoint's own paths get here, so the map stays as small as they are few.
        return principal == null
                ? ANONYMOUS.computeIfAbsent(path, key -> new DetachedUpgradeRequest(null, key))
                : new DetachedUpgradeRequest(principal, path);
    }

    @Override
    public Principal getUserPrincipal() {
        return userPrincipal;
    }

    /**
     * Not called by Jetty 12.1 (the session answers {@code getRequestURI()} from its core
     * session); refused rather than answered wrongly should a later Jetty start to.
     */
    @Override
    public java.net.URI getRequestURI() {
        throw new UnsupportedOperationException("The upgrade request was released after the handshake");
    }

    @Override
    public String getPathInContext() {
        return pathInContext;
    }
}
