package io.eventrouter.it.arquillian;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.client.ClientOptions;
import io.eventrouter.client.EventRouterClient;
import io.eventrouter.client.PublishResult;
import io.eventrouter.it.war.RawSocket;
import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.Priority;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Publish/subscribe and request/response through the servlet WAR on Jetty, at both endpoint paths. */
class PublishSubscribeIT extends DeployedWarTest {
    @Test
    void shouldDeliverAnEventFromAPublisherAtWsToASubscriberAtTheContextRoot() throws Exception {
        try (EventRouterClient subscriber = router.connect();
                EventRouterClient publisher = router.connect(ClientOptions.builder().url(router.websocketUrlAtWs()))) {
            BlockingQueue<Event> received = new LinkedBlockingQueue<>();
            subscriber.on(root + ".*", received::add);
            JsonObject payload = Json.createObjectBuilder().add("task_id", "42").add("n", 1.5).build();

            PublishResult result = publisher.publish(root + ".created", payload, Priority.HIGH);

            assertThat(result.queued()).as("publish status %s", result.status()).isTrue();
            Event event = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(event).as("event delivered").isNotNull();
            assertThat(event.id()).isEqualTo(result.eventId());
            assertThat(event.topic()).isEqualTo(root + ".created");
            assertThat(event.priority()).isEqualTo(Priority.HIGH);
            assertThat(event.payload()).isEqualTo(payload);
            assertThat(event.source()).as("source filled in by the router").isEqualTo(publisher.clientId());
        }
    }

    @Test
    void shouldDeliverOneEventToEveryMatchingSubscriptionAndNoOther() throws Exception {
        try (EventRouterClient first = router.connect(); EventRouterClient second = router.connect();
                EventRouterClient publisher = router.connect()) {
            BlockingQueue<Event> wildcard = new LinkedBlockingQueue<>();
            BlockingQueue<Event> multiLevel = new LinkedBlockingQueue<>();
            BlockingQueue<Event> exact = new LinkedBlockingQueue<>();
            first.on(root + ".*.failed", wildcard::add);
            second.on(root + ".#", multiLevel::add);
            second.on(root + ".task.failed", exact::add);

            publisher.publish(root + ".task.created", Map.of("step", 1));
            publisher.publish(root + ".task.failed", Map.of("step", 2));

            // One publisher, one priority: events arrive in publish order, so the first event a
            // filtered subscription sees tells whether it skipped the earlier one.
            assertThat(multiLevel.poll(WAIT.toSeconds(), TimeUnit.SECONDS).topic()).isEqualTo(root + ".task.created");
            assertThat(multiLevel.poll(WAIT.toSeconds(), TimeUnit.SECONDS).topic()).isEqualTo(root + ".task.failed");
            assertThat(wildcard.poll(WAIT.toSeconds(), TimeUnit.SECONDS).topic()).isEqualTo(root + ".task.failed");
            assertThat(exact.poll(WAIT.toSeconds(), TimeUnit.SECONDS).topic()).isEqualTo(root + ".task.failed");
        }
    }

    @Test
    void shouldAnswerARequestThroughAResponderOnAnotherConnection() throws Exception {
        try (EventRouterClient responder = router.connect(); EventRouterClient requester = router.connect()) {
            responder.respond(root + ".add", request -> Map.of("sum",
                    request.payload().getInt("a") + request.payload().getInt("b")));

            Event reply = requester.request(root + ".add", Map.of("a", 2, "b", 3), WAIT)
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(reply.payload().getInt("sum")).isEqualTo(5);
            assertThat(reply.source()).isEqualTo(responder.clientId());
            assertThat(reply.metadata().correlationId()).as("reply correlated with the request").isNotBlank();
        }
    }

    @Test
    void shouldAnswerBadFramesWithErrorsAndKeepTheConnectionOpen() throws Exception {
        try (RawSocket socket = RawSocket.open(router.websocketUrl())) {
            assertThat(socket.next(WAIT).getString("type")).isEqualTo("welcome");

            socket.send("{not json");
            assertError(socket.next(WAIT), "invalid_json");

            socket.send("{\"type\":\"subscribe\",\"subscription\":{\"topics\":[\"" + root + ".a*\"]}}");
            assertError(socket.next(WAIT), "invalid_pattern");

            socket.send("{\"type\":\"publish\",\"event\":{\"topic\":\"" + root + ".x\",\"priority\":42}}");
            assertError(socket.next(WAIT), "invalid_priority");

            socket.send("{\"type\":\"teleport\"}");
            assertError(socket.next(WAIT), "unknown_type");

            socket.send("{\"type\":\"ping\",\"echo\":7}");
            JsonObject pong = socket.next(WAIT);
            assertThat(pong.getString("type")).as("still usable after the errors").isEqualTo("pong");
            assertThat(pong.getInt("echo")).isEqualTo(7);
        }
    }

    private static void assertError(JsonObject frame, String code) {
        assertThat(frame.getString("type")).as("reply %s", frame).isEqualTo("error");
        assertThat(frame.getString("code")).as("reply %s", frame).isEqualTo(code);
        assertThat(frame.getString("error")).as("a message for people").isNotBlank();
    }
}
