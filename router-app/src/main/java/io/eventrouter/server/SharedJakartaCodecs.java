package io.eventrouter.server;

import jakarta.websocket.EndpointConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSession;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSessionListener;
import org.eclipse.jetty.ee10.websocket.jakarta.common.decoders.AvailableDecoders;
import org.eclipse.jetty.ee10.websocket.jakarta.common.encoders.AvailableEncoders;
import org.eclipse.jetty.ee10.websocket.jakarta.server.JakartaWebSocketServerContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every open session one shared pair of Jetty's codec registries instead of its own.
 *
 * <p>Jetty's {@link JakartaWebSocketSession} builds an {@link AvailableDecoders} and an {@link
 * AvailableEncoders} for itself: 19 built-in decoders and 19 encoders for primitive types plus
 * the endpoint's own, about 2 kB per connection, and no setting or endpoint configuration avoids
 * them. Once the session is open they are read only by {@code addMessageHandler} and {@code
 * sendObject}, which the router never calls (its endpoint registers no message handlers), and
 * by the close, which destroys decoder instances that were never created. For an endpoint that
 * declares no decoders or encoders of its own, every session's registries are equal, so this
 * listener points each opened session at one pair built the same way.
 *
 * <p>The fields are private and final in Jetty, so this is done by reflection, checked once at
 * start-up against Jetty 12.1's layout; if the fields are not there (another Jetty), nothing is
 * installed and sessions keep their own registries, as before.
 */
final class SharedJakartaCodecs implements JakartaWebSocketSessionListener {
    private static final Logger LOG = LoggerFactory.getLogger(SharedJakartaCodecs.class);

    private final Field decodersField;
    private final Field encodersField;
    private final AvailableDecoders decoders;
    private final AvailableEncoders encoders;

    private SharedJakartaCodecs(Field decodersField, Field encodersField, AvailableDecoders decoders,
            AvailableEncoders encoders) {
        this.decodersField = decodersField;
        this.encodersField = encodersField;
        this.decoders = decoders;
        this.encoders = encoders;
    }

    /** Adds the listener to {@code container}; false when Jetty's session does not have the fields. */
    static boolean install(JakartaWebSocketServerContainer container) {
        Field decodersField = field("availableDecoders", AvailableDecoders.class);
        Field encodersField = field("availableEncoders", AvailableEncoders.class);
        if (decodersField == null || encodersField == null) {
            LOG.info("Jetty's WebSocket session has no codec registries to share; each session keeps its own");
            return false;
        }
        // Built exactly as a session builds its own for an endpoint without codecs of its own.
        EndpointConfig plain = ServerEndpointConfig.Builder.create(Object.class, "/").build();
        container.addSessionListener(new SharedJakartaCodecs(decodersField, encodersField,
                new AvailableDecoders(plain, container.getWebSocketComponents()),
                new AvailableEncoders(plain, container.getWebSocketComponents())));
        return true;
    }

    private static Field field(String name, Class<?> type) {
        try {
            Field field = JakartaWebSocketSession.class.getDeclaredField(name);
            if (field.getType() != type || Modifier.isStatic(field.getModifiers())) {
                return null;
            }
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException unavailable) {
            LOG.debug("Cannot reach JakartaWebSocketSession.{}: {}", name, unavailable.toString());
            return null;
        }
    }

    /** Called by Jetty once the endpoint's {@code onOpen} has returned. */
    @Override
    public void onJakartaWebSocketSessionOpened(JakartaWebSocketSession session) {
        EndpointConfig config = session.getFrameHandler().getEndpointConfig();
        if (!config.getDecoders().isEmpty() || !config.getEncoders().isEmpty()) {
            return; // the endpoint's own codecs may hold per-session state: leave them alone
        }
        try {
            decodersField.set(session, decoders);
            encodersField.set(session, encoders);
        } catch (IllegalAccessException | RuntimeException e) {
            LOG.debug("Session {} keeps its own codec registries: {}", session.getId(), e.toString());
        }
    }
}
