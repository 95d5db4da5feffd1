package io.eventrouter.endpoint;

import io.eventrouter.routing.Router;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/**
 * Chooses each connection's WebSocket extensions at its handshake: permessage-deflate only when
 * the router's configuration turns it on ({@code permessage_deflate}), so clients that ask for
 * it by default (Python's {@code websockets} does) get plain frames otherwise. Read per
 * handshake, so a change at run time applies to the connections opened after it. The
 * annotated endpoints use it as deployed in a WAR; the embedded server's {@link
 * CdiEndpointConfigurator} extends it.
 */
public class RouterEndpointConfigurator extends ServerEndpointConfig.Configurator {
    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
        List<Extension> negotiated = super.getNegotiatedExtensions(installed, requested);
        if (compression()) {
            return negotiated;
        }
        return negotiated.stream().filter(extension -> !extension.getName().contains("deflate")).toList();
    }

    /** Whether the router's configuration offers compression now. */
    protected boolean compression() {
        return CDI.current().select(Router.class).get().config().permessageDeflate();
    }
}
