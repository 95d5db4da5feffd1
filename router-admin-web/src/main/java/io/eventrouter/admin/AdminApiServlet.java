package io.eventrouter.admin;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin JSON API under {@code /admin/api}: {@code GET health, stats, clients,
 * clients/{id}, subscriptions, config}, {@code PUT config}, {@code DELETE clients/{id}}. Errors
 * are {@code {"error": "...", "status": N}} with 400, 404, 405 or 415.
 */
public class AdminApiServlet extends RouterAdminServlet {
    /** Close reason a client sees when disconnected from here. */
    public static final String DISCONNECT_REASON = "Disconnected by an administrator";

    private static final Logger LOG = LoggerFactory.getLogger(AdminApiServlet.class);
    private static final String CLIENTS = "/clients";
    private static final String GET = "GET";


    /** For containers: the router is looked up in CDI on init. */
    public AdminApiServlet() {}

    /** For embedded use, with the router at hand. */
    public AdminApiServlet(RouterAdmin admin) {
        super(admin);
    }


    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = JsonResponses.pathInfo(request);
        try {
            route(path, request, response);
        } catch (IllegalArgumentException invalid) {
            JsonResponses.error(response, HttpServletResponse.SC_BAD_REQUEST, invalid.getMessage());
        } catch (RuntimeException failure) {
            LOG.error("Admin API request {} {} failed", request.getMethod(), request.getRequestURI(), failure);
            JsonResponses.error(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    "Internal error: " + failure.getMessage());
        }
    }

    private void route(String path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        switch (path) {
            case "/health" -> {
                if (allowed(request, response, GET)) {
                    JsonResponses.send(response, 200, AdminJson.health(admin().health()));
                }
            }
            case "/stats" -> {
                if (allowed(request, response, GET)) {
                    JsonResponses.send(response, 200, admin().stats());
                }
            }
            case CLIENTS -> {
                if (allowed(request, response, GET)) {
                    JsonResponses.send(response, 200, AdminJson.clients(admin().clients()));
                }
            }
            case "/subscriptions" -> {
                if (allowed(request, response, GET)) {
                    JsonResponses.send(response, 200, AdminJson.subscriptions(admin().subscriptions()));
                }
            }
            case "/config" -> {
                if (allowed(request, response, GET, "PUT")) {
                    if (method.equals(GET)) {
                        JsonResponses.send(response, 200, admin().config());
                    } else {
                        updateConfig(request, response);
                    }
                }
            }
            default -> {
                String clientId = clientId(path);
                if (clientId == null) {
                    JsonResponses.error(response, 404, "No such admin API resource: " + request.getRequestURI());
                } else if (allowed(request, response, GET, "DELETE")) {
                    client(clientId, method, response);
                }
            }
        }
    }

    private void client(String clientId, String method, HttpServletResponse response) throws IOException {
        if (method.equals(GET)) {
            for (ClientInfo client : admin().clients()) {
                if (client.id().equals(clientId)) {
                    JsonResponses.send(response, 200, AdminJson.client(client));
                    return;
                }
            }
        } else if (admin().disconnect(clientId, DISCONNECT_REASON)) {
            JsonResponses.send(response, 200, Json.createObjectBuilder().add("disconnected", clientId).build());
            return;
        }
        JsonResponses.error(response, 404, "No connected client with id '" + clientId + "'");
    }

    private void updateConfig(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String contentType = request.getContentType();
        if (contentType != null && !isJson(contentType)) {
            JsonResponses.error(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be application/json, got " + contentType);
            return;
        }
        ConfigUpdate update = admin().updateConfig(settings(request));
        JsonResponses.send(response, 200, AdminJson.update(update, admin().config()));
    }

    /** The body as setting key → value text, or IllegalArgumentException saying what is wrong. */
    private static Map<String, String> settings(HttpServletRequest request) throws IOException {
        JsonValue body;
        try (JsonReader reader = Json.createReader(request.getReader())) {
            body = reader.readValue();
        } catch (JsonException e) {
            throw new IllegalArgumentException("The body is not valid JSON: " + e.getMessage(), e);
        }
        if (!(body instanceof JsonObject settings)) {
            throw new IllegalArgumentException("The body must be a JSON object of settings, such as "
                    + "{\"max_clients\": 2000}, not a JSON " + body.getValueType().name().toLowerCase(Locale.ROOT));
        }
        if (settings.isEmpty()) {
            throw new IllegalArgumentException("The body names no settings; send e.g. {\"max_clients\": 2000}");
        }
        Map<String, String> changes = new LinkedHashMap<>();
        settings.forEach((key, value) -> changes.put(key, text(key, value)));
        return changes;
    }

    private static String text(String key, JsonValue value) {
        if (value instanceof JsonString string) {
            return string.getString();
        } else if (value instanceof JsonNumber number) {
            return number.toString();
        } else if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value.toString();
        }
        throw new IllegalArgumentException("The value of '" + key + "' must be a string, number or boolean, not "
                + value.getValueType().name().toLowerCase(Locale.ROOT));
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** {@code /clients/{id}} → the id; null for anything else. */
    private static String clientId(String path) {
        if (!path.startsWith(CLIENTS + "/")) {
            return null;
        }
        String id = path.substring(CLIENTS.length() + 1);
        return id.isEmpty() || id.contains("/") ? null : id;
    }

    private static boolean allowed(HttpServletRequest request, HttpServletResponse response, String... methods)
            throws IOException {
        if (List.of(methods).contains(request.getMethod())) {
            return true;
        }
        JsonResponses.methodNotAllowed(response, request.getMethod(), request.getRequestURI(), methods);
        return false;
    }
}
