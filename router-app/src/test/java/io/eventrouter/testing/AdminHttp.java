package io.eventrouter.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/** Real HTTP requests to a running router's admin endpoints (the JDK's {@link HttpClient}). */
public final class AdminHttp {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(WsClient.WAIT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String base;

    public AdminHttp(RunningRouter router) {
        this.base = "http://127.0.0.1:" + router.server().port();
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    /** A PUT with a JSON body. */
    public HttpResponse<String> put(String path, String json) {
        return put(path, json, "application/json");
    }

    public HttpResponse<String> put(String path, String body, String contentType) {
        return send(request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> send(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** GET that must answer 200 with a JSON object. */
    public JsonObject getJson(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(WsClient.WAIT);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                    .get(WsClient.WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("HTTP request failed: " + request.build().uri(), e);
        }
    }
}
