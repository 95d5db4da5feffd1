package io.eventrouter.admin;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** {@code /metrics}: the router's metrics in the Prometheus text format (0.0.4), for scraping. */
public class MetricsServlet extends HttpServlet {
    /** The content type Prometheus expects for the text format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private transient RouterAdmin admin;

    /** For containers: the router is looked up in CDI on {@link #init()}. */
    public MetricsServlet() {}

    /** For embedded use, with the router at hand. */
    public MetricsServlet(RouterAdmin admin) {
        this.admin = Objects.requireNonNull(admin, "admin");
    }

    @Override
    public void init() throws ServletException {
        if (admin == null) {
            admin = AdminLookup.fromCdi(getClass());
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getMethod().equals("GET")) {
            JsonResponses.methodNotAllowed(response, request.getMethod(), request.getRequestURI(), "GET");
            return;
        }
        byte[] body = admin.prometheusMetrics().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
