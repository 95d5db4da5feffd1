package io.eventrouter.it.war;

import io.eventrouter.client.ClientOptions;
import io.eventrouter.client.EventRouterClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * A router deployed as a WAR, seen from outside through its context root: the WebSocket
 * addresses, Java clients connected to them, and plain HTTP calls to the admin API, probes and
 * metrics. Paths are relative to the context root ({@code "admin/api/health"}).
 */
public final class DeployedRouter {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final URI contextRoot;

    public DeployedRouter(URI contextRoot) {
        Objects.requireNonNull(contextRoot, "contextRoot");
        String root = contextRoot.toString();
        this.contextRoot = URI.create(root.endsWith("/") ? root : root + "/");
    }

    public static DeployedRouter at(URL contextRoot) {
        try {
            return new DeployedRouter(contextRoot.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a usable context root: " + contextRoot, e);
        }
    }

    /** The endpoint at the context root, e.g. {@code ws://127.0.0.1:8080/router/}. */
    public String websocketUrl() {
        return "ws" + contextRoot.toString().substring("http".length());
    }

    /** The same endpoint at {@code /ws}. */
    public String websocketUrlAtWs() {
        return websocketUrl() + "ws";
    }

    public EventRouterClient connect() {
        return connect(ClientOptions.builder().url(websocketUrl()));
    }

    public EventRouterClient connect(ClientOptions.Builder options) {
        return EventRouterClient.create(options.build()).connect();
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    public HttpResponse<String> put(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(contextRoot.resolve(path)).timeout(REQUEST_TIMEOUT);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            return HTTP.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("HTTP " + built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during HTTP " + built.method() + " " + built.uri(), e);
        }
    }
}
