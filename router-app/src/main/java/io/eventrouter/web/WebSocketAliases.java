package io.eventrouter.web;

import io.eventrouter.endpoint.CdiEndpointConfigurator;
import io.eventrouter.endpoint.ContainerEndpoints;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;

/**
 * Adds the endpoint's other paths ({@code /ws}) in the WAR; the server finds {@code /} by
 * itself from {@code @ServerEndpoint}. Declared in {@code web.xml}, so the embedded server,
 * which registers every path itself, never runs it.
 */
public class WebSocketAliases implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
        Object attribute = event.getServletContext().getAttribute(ServerContainer.class.getName());
        if (!(attribute instanceof ServerContainer container)) {
            throw new IllegalStateException("No WebSocket container in this servlet context");
        }
        for (String path : CdiEndpointConfigurator.PATHS) {
            if (path.equals(ContainerEndpoints.ANNOTATED_PATH)) {
                continue;
            }
            try {
                container.addEndpoint(ContainerEndpoints.config(path));
            } catch (DeploymentException e) {
                throw new IllegalStateException("Unable to add the WebSocket endpoint at " + path, e);
            }
        }
    }
}
