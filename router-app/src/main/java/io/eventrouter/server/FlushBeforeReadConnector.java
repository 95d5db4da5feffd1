package io.eventrouter.server;

import io.eventrouter.endpoint.FlushBeforeReadEndPoint;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Jetty's connector, with end points that write what handling one read sends together, before
 * the next read ({@link FlushBeforeReadEndPoint}).
 */
final class FlushBeforeReadConnector extends ServerConnector {
    FlushBeforeReadConnector(Server server) {
        super(server);
    }

    @Override
    protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key) {
        FlushBeforeReadEndPoint endPoint = new FlushBeforeReadEndPoint(channel, selector, key, getScheduler());
        endPoint.setIdleTimeout(getIdleTimeout());
        return endPoint;
    }
}
