package io.eventrouter.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code /metrics}: the router's metrics in the Prometheus text format (0.0.4), for scraping. */
public class MetricsServlet extends RouterAdminServlet {
    /** The content type Prometheus expects for the text format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";


    /** For containers: the router is looked up in CDI on init. */
    public MetricsServlet() {}

    /** For embedded use, with the router at hand. */
    public MetricsServlet(RouterAdmin admin) {
        super(admin);
    }


    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getMethod().equals("GET")) {
            JsonResponses.methodNotAllowed(response, request.getMethod(), request.getRequestURI(), "GET");
            return;
        }
        byte[] body = admin().prometheusMetrics().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
