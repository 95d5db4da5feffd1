package io.eventrouter.server;

import io.eventrouter.admin.AdminServlets;
import io.eventrouter.admin.RouterAdmin;
import java.net.URISyntaxException;
import java.net.URL;
import org.eclipse.jetty.ee10.servlet.ResourceServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * Mounts the admin module in the embedded server's context: its servlets (API, probes,
 * metrics) and the admin page's static files, served from the classpath under {@code /admin/}
 * the way a servlet container serves {@code META-INF/resources} from a jar in a WAR.
 */
final class AdminMount {
    private AdminMount() {}

    static void mount(ServletContextHandler context, RouterAdmin admin) {
        for (AdminServlets.Mapping mapping : AdminServlets.forRouter(admin)) {
            ServletHolder holder = new ServletHolder(mapping.name(), mapping.servlet());
            context.getServletHandler().addServlet(holder);
            for (String pattern : mapping.urlPatterns()) {
                context.getServletHandler().addServletWithMapping(holder, pattern);
            }
        }
        ServletHolder page = new ServletHolder("admin-page", ResourceServlet.class);
        page.setInitParameter("baseResource", pageFolder());
        page.setInitParameter("pathInfoOnly", "true");
        page.setInitParameter("dirAllowed", "false");
        context.addServlet(page, AdminServlets.PAGE_PATH + "/*");
        context.setWelcomeFiles(new String[] {"index.html"});
    }

    /** The page's folder on the classpath: a directory in development, a jar entry when packaged. */
    private static String pageFolder() {
        URL folder = AdminServlets.class.getClassLoader().getResource(AdminServlets.PAGE_RESOURCES);
        if (folder == null) {
            throw new IllegalStateException("Admin page not found on the classpath at " + AdminServlets.PAGE_RESOURCES);
        }
        try {
            return folder.toURI().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Unable to locate the admin page at " + folder, e);
        }
    }
}
