package io.eventrouter.admin;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Probes for orchestrators under {@code /health}: {@code /health/live} is 200 while the process
 * serves requests at all; {@code /health/ready} is 200 while the router accepts connections and
 * events, 503 once shutdown began, so a load balancer stops sending new clients.
 */
public class HealthProbeServlet extends RouterAdminServlet {

    /** For containers: the router is looked up in CDI on init. */
    public HealthProbeServlet() {}

    /** For embedded use, with the router at hand. */
    public HealthProbeServlet(RouterAdmin admin) {
        super(admin);
    }


    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = JsonResponses.pathInfo(request);
        if (!path.equals("/live") && !path.equals("/ready")) {
            JsonResponses.error(response, 404, "No such probe: " + request.getRequestURI()
                    + "; use /health/live or /health/ready");
        } else if (!request.getMethod().equals("GET")) {
            JsonResponses.methodNotAllowed(response, request.getMethod(), request.getRequestURI(), "GET");
        } else if (path.equals("/live") || admin().isReady()) {
            JsonResponses.send(response, 200, Json.createObjectBuilder().add("status", "UP").build());
        } else {
            JsonResponses.send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    Json.createObjectBuilder().add("status", "DOWN").add("reason", "shutting down").build());
        }
    }
}
