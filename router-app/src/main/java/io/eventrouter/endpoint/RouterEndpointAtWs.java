package io.eventrouter.endpoint;

/**
 * {@link RouterEndpoint} at {@code /ws} for a server that deploys endpoints from their
 * annotation (the WAR). A programmatic {@code ServerEndpointConfig} cannot give an annotated
 * class a second path there: Tyrus takes the path from {@code @ServerEndpoint} and then rejects
 * the duplicate {@code /}. The embedded server registers its own endpoint at both paths
 * ({@link EmbeddedRouterEndpoint}) and never uses this class.
 */
@jakarta.websocket.server.ServerEndpoint(value = "/ws", configurator = RouterEndpointConfigurator.class)
public class RouterEndpointAtWs extends RouterEndpoint {
    /** For containers that create endpoints themselves and inject the router. */
    public RouterEndpointAtWs() {}
}
