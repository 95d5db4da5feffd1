package io.eventrouter.it.tomcat;

import io.eventrouter.it.war.DeployedRouter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * Tomcat, embedded, with one WAR file deployed at {@code /router} as a standalone Tomcat would
 * deploy it from {@code webapps/}: the WAR's own web.xml, annotation scanning, Tomcat's WebSocket
 * container. Listens on 127.0.0.1 on a free port.
 */
final class EmbeddedTomcat implements AutoCloseable {
    static final String CONTEXT_PATH = "/router";

    private final Tomcat tomcat = new Tomcat();
    private final Context context;
    private final Connector connector;

    private EmbeddedTomcat(Path war, Path work) throws IOException {
        tomcat.setBaseDir(work.toString());
        // Where Tomcat unpacks the WAR, as a standalone one does; served from the packed file,
        // class loading and annotation scanning of nested jars take a minute instead of seconds.
        Files.createDirectories(work.resolve("webapps"));
        connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        // Tomcat's embedded defaults include a JSP servlet whose classes are not here; a
        // standalone Tomcat has them. The WAR needs only the default (static files) servlet.
        tomcat.setAddDefaultWebXmlToWebapp(false);
        context = tomcat.addWebapp(CONTEXT_PATH, war.toAbsolutePath().toString());
        context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                Tomcat.addServlet(context, "default", "org.apache.catalina.servlets.DefaultServlet").setLoadOnStartup(1);
                context.addServletMappingDecoded("/", "default");
                Tomcat.addDefaultMimeTypeMappings(context);
            }
        });
        // The WAR is what is scanned, as on a standalone Tomcat; not the test's own class path.
        ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
    }

    /** Starts Tomcat with {@code war} deployed; fails if the web application did not start. */
    static EmbeddedTomcat start(Path war, Path work) throws IOException, LifecycleException {
        EmbeddedTomcat server = new EmbeddedTomcat(war, work);
        try {
            server.tomcat.start();
            if (server.context.getState() != LifecycleState.STARTED) {
                throw new IllegalStateException("The WAR did not start on Tomcat (state "
                        + server.context.getState() + "); see the log above");
            }
            return server;
        } catch (LifecycleException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    DeployedRouter router() {
        return new DeployedRouter(URI.create("http://127.0.0.1:" + connector.getLocalPort() + CONTEXT_PATH + "/"));
    }

    /** Stops the web application alone, as undeploying it would. */
    void undeploy() throws LifecycleException {
        context.stop();
    }

    @Override
    public void close() throws LifecycleException {
        try {
            tomcat.stop();
        } finally {
            tomcat.destroy();
        }
    }
}
