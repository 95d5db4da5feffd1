package io.eventrouter.server;

import io.eventrouter.endpoint.ReplyBatchingEndPoint;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Jetty's connector, with end points that write a connection's answers to one read together
 * ({@link ReplyBatchingEndPoint}).
 */
final class ReplyBatchingConnector extends ServerConnector {
    ReplyBatchingConnector(Server server) {
        super(server);
    }

    @Override
    protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key) {
        ReplyBatchingEndPoint endPoint = new ReplyBatchingEndPoint(channel, selector, key, getScheduler());
        endPoint.setIdleTimeout(getIdleTimeout());
        return endPoint;
    }
}
