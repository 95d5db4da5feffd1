package io.eventrouter.server;

import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;

/**
 * The configuration one router connection sees: the endpoint's class, path and configurator,
 * no codecs, subprotocols or extensions, and user properties of its own. The JDK's builder
 * would wrap four empty lists per connection; these are shared constants.
 */
final class BareEndpointConfig implements ServerEndpointConfig {
    /** The endpoint's registered configuration, which answers for class, path and configurator. */
    private final ServerEndpointConfig registered;
    /** Mutable and per connection, as Jakarta WebSocket requires of a session's user properties. */
    private final Map<String, Object> userProperties = new LazyUserProperties();

    BareEndpointConfig(ServerEndpointConfig registered) {
        this.registered = registered;
    }

    @Override
    public Class<?> getEndpointClass() {
        return registered.getEndpointClass();
    }

    @Override
    public String getPath() {
        return registered.getPath();
    }

    @Override
    public List<String> getSubprotocols() {
        return List.of();
    }

    @Override
    public List<Extension> getExtensions() {
        return List.of();
    }

    @Override
    public Configurator getConfigurator() {
        return registered.getConfigurator();
    }

    @Override
    public List<Class<? extends Encoder>> getEncoders() {
        return List.of();
    }

    @Override
    public List<Class<? extends Decoder>> getDecoders() {
        return List.of();
    }

    @Override
    public Map<String, Object> getUserProperties() {
        return userProperties;
    }
}
