package io.eventrouter.examples;

import io.eventrouter.client.EventRouterClient;
import io.eventrouter.protocol.Event;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Request/response over the router: a calculator answers {@code math.add}, a caller asks it
 * for 2 + 3. The client sends the request with a fresh {@code correlation_id} and a private
 * reply topic; the responder's return value is published back there as the reply.
 */
public final class RequestResponse {
    static final String DEFAULT_URL = "ws://localhost:9090/";

    private RequestResponse() {}

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : DEFAULT_URL;
        Event reply = run(url);
        System.out.printf("2 + 3 = %d (reply %s, correlation_id %s)%n",
                reply.payload().getInt("sum"), reply.id(), reply.metadata().correlationId());
    }

    /** Asks for 2 + 3 and returns the reply event; its payload is {@code {"sum": 5}}. */
    public static Event run(String url) throws InterruptedException, ExecutionException {
        try (EventRouterClient calculator = EventRouterClient.connect(url);
                EventRouterClient caller = EventRouterClient.connect(url)) {
            // The returned value (a Map, record or JsonObject) becomes the reply's payload.
            calculator.respond("math.add", request -> {
                JsonObject numbers = request.payload();
                return Map.of("sum", numbers.getInt("a") + numbers.getInt("b"));
            });

            // The future fails with RouterTimeoutException after 5 s, so get() cannot hang.
            return caller.request("math.add", Map.of("a", 2, "b", 3), Duration.ofSeconds(5)).get();
        }
    }
}
