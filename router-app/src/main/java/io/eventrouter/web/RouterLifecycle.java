package io.eventrouter.web;

import io.eventrouter.routing.Router;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Ties the router to the web application in the WAR: creates it when the application starts
 * (on Payara the {@code @Initialized(ApplicationScoped)} observer alone left it to the first
 * request) and shuts it down gracefully when the application stops, before CDI destroys it:
 * queued events are delivered within {@code shutdown_timeout_seconds}, clients close with 1001.
 * Declared in {@code web.xml}; the embedded server manages the router itself.
 */
public class RouterLifecycle implements ServletContextListener {
    private Router router;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletConfigProducer.servletContext(event.getServletContext());
        router = CDI.current().select(Router.class).get();
        // A call through the client proxy creates the bean now, with its dispatcher.
        router.isAccepting();
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (router != null) {
            router.shutdown(router.config().shutdownTimeout());
        }
        ServletConfigProducer.servletContext(null);
    }
}
