package io.eventrouter.admin;

import jakarta.servlet.http.HttpServlet;
import java.util.List;
import java.util.Objects;

/**
 * Every admin servlet with the URL patterns it serves, so an embedded server mounts them in one
 * loop. The admin page's static files are not a servlet here: they live in this jar under
 * {@value #PAGE_RESOURCES}, which a servlet container serves from a jar in a WAR by itself and an
 * embedded server serves from the classpath.
 */
public final class AdminServlets {
    /** Where the admin page lives in the URL space. */
    public static final String PAGE_PATH = "/admin";
    /** Classpath folder whose contents are served from the context root ({@code admin/index.html}). */
    public static final String STATIC_ROOT = "META-INF/resources";
    /** Classpath folder of the admin page. */
    public static final String PAGE_RESOURCES = STATIC_ROOT + PAGE_PATH + "/";

    private AdminServlets() {}

    /** A servlet, a name for it and the URL patterns it is mapped to. */
    public record Mapping(String name, HttpServlet servlet, List<String> urlPatterns) {
        public Mapping {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(servlet, "servlet");
            urlPatterns = List.copyOf(urlPatterns);
        }
    }

    /** The API, probe and metrics servlets, wired to {@code admin}. */
    public static List<Mapping> forRouter(RouterAdmin admin) {
        Objects.requireNonNull(admin, "admin");
        return List.of(
                new Mapping("admin-api", new AdminApiServlet(admin), List.of(PAGE_PATH + "/api/*")),
                new Mapping("health-probes", new HealthProbeServlet(admin), List.of("/health/*")),
                new Mapping("metrics", new MetricsServlet(admin), List.of("/metrics")));
    }
}
