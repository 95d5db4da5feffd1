package io.eventrouter.admin;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes JSON bodies and the API's error shape, {@code {"error": "...", "status": N}}. */
final class JsonResponses {
    private JsonResponses() {}

    static void send(HttpServletResponse response, int status, JsonValue body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // Figures change from one request to the next; a cached copy would mislead.
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body.toString());
    }

    static void error(HttpServletResponse response, int status, String message) throws IOException {
        send(response, status, Json.createObjectBuilder().add("error", message).add("status", status).build());
    }

    /** 405 naming the methods the resource does allow, in the message and the Allow header. */
    static void methodNotAllowed(HttpServletResponse response, String method, String path, String... allowed)
            throws IOException {
        String list = String.join(", ", allowed);
        response.setHeader("Allow", list);
        error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                "Method " + method + " is not allowed on " + path + "; use " + list);
    }

    /** The request path below the servlet's mapping, without a trailing slash ("" for none). */
    static String pathInfo(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null) {
            return "";
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
