package io.eventrouter.server;

import static io.eventrouter.testing.Messages.payload;
import static io.eventrouter.testing.Messages.publish;
import static io.eventrouter.testing.Messages.subscribe;
import static io.eventrouter.testing.Messages.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.config.RouterConfig;
import io.eventrouter.testing.RunningRouter;
import io.eventrouter.testing.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every message type of the protocol, through a real server and real sockets. */
class MessageTypesTest {
    private RunningRouter router;

    @BeforeEach
    void start() {
        router = RunningRouter.start(RouterConfig.builder().maxSubscriptionsPerClient(3));
    }

    @AfterEach
    void stop() {
        router.close();
    }

    @Test
    void shouldWelcomeEveryConnectionFirst() {
        try (WsClient client = WsClient.connect(router.uri())) {
            JsonObject welcome = client.next();
            assertThat(welcome.getString("type")).isEqualTo("welcome");
            assertThat(welcome.getString("client_id")).isNotBlank();
            assertThat(welcome.getString("server_time")).endsWith("+00:00");
        }
    }

    @Test
    void shouldServeTheWsPathToo() {
        try (WsClient client = WsClient.connectWelcomed(router.uri("/ws"))) {
            assertThat(client.request(type("ping")).getString("type")).isEqualTo("pong");
        }
    }

    @Test
    void shouldAnswerPingWithTheEcho() {
        try (WsClient client = router.client()) {
            JsonObject echo = Json.createObjectBuilder().add("n", 42).add("list", Json.createArrayBuilder().add(1)).build();
            JsonObject pong = client.request(Json.createObjectBuilder().add("type", "ping").add("echo", echo).build());
            assertThat(pong.getString("type")).isEqualTo("pong");
            assertThat(pong.getJsonObject("echo")).isEqualTo(echo);
            assertThat(pong.getString("timestamp")).endsWith("+00:00");
        }
    }

    @Test
    void shouldReportHealthWithTheV2FieldsAndExtrasOnTheEnvelope() {
        try (WsClient client = router.client(); WsClient other = router.client()) {
            client.request(subscribe("a.b"));
            client.request(publish("a.b", 5, payload("x", 1)));
            client.await(frame -> frame.getString("type").equals("event"));

            JsonObject reply = client.request(type("get_health"));
            JsonObject health = reply.getJsonObject("health");
            assertThat(health.keySet()).containsExactlyInAnyOrder("status", "uptime", "events_processed",
                    "events_failed", "events_in_queue", "active_subscriptions", "connected_clients",
                    "last_event_at", "errors");
            assertThat(health.getString("status")).isEqualTo("healthy");
            assertThat(health.getInt("connected_clients")).isEqualTo(2);
            assertThat(other.isOpen()).isTrue();
            assertThat(health.getInt("active_subscriptions")).isEqualTo(1);
            assertThat(health.getInt("events_processed")).isEqualTo(1);
            assertThat(health.getString("last_event_at")).endsWith("+00:00");
            assertThat(health.getJsonArray("errors")).isEmpty();
            assertThat(reply.getJsonObject("queue_depth").keySet()).hasSize(10);
            assertThat(reply.getJsonObject("dropped").getInt("queue_full")).isZero();
            assertThat(reply.getJsonObject("delivery_status_counts").getInt("delivered")).isEqualTo(1);
            assertThat(reply.getString("queue_mode")).isEqualTo("strict");
        }
    }

    @Test
    void shouldSubscribeAndUnsubscribe() {
        try (WsClient subscriber = router.client(); WsClient publisher = router.client()) {
            JsonObject subscribed = subscriber.request(subscribe("x.*"));
            String id = subscribed.getString("subscription_id");
            assertThat(subscribed.getJsonArray("topics").getString(0)).isEqualTo("x.*");

            JsonObject unsubscribed = subscriber.request(Json.createObjectBuilder()
                    .add("type", "unsubscribe").add("subscription_id", id).build());
            assertThat(unsubscribed.getString("type")).isEqualTo("unsubscribed");
            assertThat(unsubscribed.getString("subscription_id")).isEqualTo(id);

            publisher.request(publish("x.y", 5, payload("n", 1)));
            // A marker subscription proves ordering: once the marker arrives, x.y would have too.
            subscriber.request(subscribe("marker"));
            publisher.request(publish("marker", 5, payload("n", 2)));
            JsonObject next = subscriber.await(frame -> frame.getString("type").equals("event"));
            assertThat(next.getJsonObject("event").getString("topic")).isEqualTo("marker");
        }
    }

    @Test
    void shouldRefuseUnsubscribingAnUnknownId() {
        try (WsClient client = router.client()) {
            JsonObject error = client.request(Json.createObjectBuilder()
                    .add("type", "unsubscribe").add("subscription_id", "nope").build());
            assertThat(error.getString("type")).isEqualTo("error");
            assertThat(error.getString("code")).isEqualTo("subscription_not_found");
            assertThat(error.getString("error")).contains("Subscription not found");
        }
    }

    @Test
    void shouldNotLetOneConnectionUnsubscribeAnother() {
        try (WsClient owner = router.client(); WsClient intruder = router.client()) {
            String id = owner.request(subscribe("t")).getString("subscription_id");
            JsonObject error = intruder.request(Json.createObjectBuilder()
                    .add("type", "unsubscribe").add("subscription_id", id).build());
            assertThat(error.getString("code")).isEqualTo("subscription_not_found");
        }
    }

    @Test
    void shouldUseClientChosenSubscriptionIdsAndRejectDuplicates() {
        try (WsClient client = router.client()) {
            JsonObject first = client.request(subscribe(Json.createObjectBuilder()
                    .add("id", "mine-1").add("topics", Json.createArrayBuilder().add("a"))));
            assertThat(first.getString("subscription_id")).isEqualTo("mine-1");
            JsonObject again = client.request(subscribe(Json.createObjectBuilder()
                    .add("id", "mine-1").add("topics", Json.createArrayBuilder().add("b"))));
            assertThat(again.getString("code")).isEqualTo("subscription_exists");
        }
    }

    @Test
    void shouldDefaultToAllTopicsWhenSubscribingWithoutTopics() {
        try (WsClient subscriber = router.client(); WsClient publisher = router.client()) {
            JsonObject subscribed = subscriber.request(type("subscribe"));
            assertThat(subscribed.getJsonArray("topics").getString(0)).isEqualTo("*");
            publisher.request(publish("deep.topic.name", 5, payload("n", 1)));
            JsonObject event = subscriber.await(frame -> frame.getString("type").equals("event"));
            assertThat(event.getJsonObject("event").getString("topic")).isEqualTo("deep.topic.name");
        }
    }

    @Test
    void shouldLimitSubscriptionsPerConnection() {
        try (WsClient client = router.client()) {
            for (int i = 0; i < 3; i++) {
                assertThat(client.request(subscribe("t" + i)).getString("type")).isEqualTo("subscribed");
            }
            JsonObject error = client.request(subscribe("t3"));
            assertThat(error.getString("code")).isEqualTo("too_many_subscriptions");
            assertThat(client.request(type("ping")).getString("type")).isEqualTo("pong");
        }
    }

    @Test
    void shouldIdentifyAndUseTheNameForTargets() {
        try (WsClient named = router.client(); WsClient other = router.client(); WsClient publisher = router.client()) {
            JsonObject identified = named.request(Json.createObjectBuilder()
                    .add("type", "identify").add("client_name", "worker-1").build());
            assertThat(identified.getString("type")).isEqualTo("identified");
            assertThat(identified.getString("client_id")).isEqualTo(named.clientId());
            assertThat(identified.getString("client_name")).isEqualTo("worker-1");
            named.request(subscribe("job.*"));
            other.request(subscribe("job.*"));

            publisher.request(publish(Json.createObjectBuilder().add("topic", "job.run").add("target", "worker-1")));
            publisher.request(publish(Json.createObjectBuilder().add("topic", "job.all")));

            assertThat(named.await(frame -> frame.getString("type").equals("event"))
                    .getJsonObject("event").getString("topic")).isEqualTo("job.run");
            assertThat(other.await(frame -> frame.getString("type").equals("event"))
                    .getJsonObject("event").getString("topic")).isEqualTo("job.all");
        }
    }

    @Test
    void shouldDeliverTargetedEventsByClientIdOnly() {
        try (WsClient a = router.client(); WsClient b = router.client(); WsClient publisher = router.client()) {
            a.request(subscribe("*"));
            b.request(subscribe("*"));
            publisher.request(publish(Json.createObjectBuilder().add("topic", "direct").add("target", b.clientId())));
            publisher.request(publish(Json.createObjectBuilder().add("topic", "broadcast")));

            List<String> aTopics = a.collect("event", 1).stream()
                    .map(f -> f.getJsonObject("event").getString("topic")).toList();
            List<String> bTopics = b.collect("event", 2).stream()
                    .map(f -> f.getJsonObject("event").getString("topic")).toList();
            assertThat(aTopics).containsExactly("broadcast");
            assertThat(bTopics).containsExactly("direct", "broadcast");
        }
    }

    @Test
    void shouldTakeTheClientNameFromTheQueryString() {
        try (WsClient named = WsClient.connect(router.uri("/?client_name=planner"));
                WsClient publisher = router.client()) {
            JsonObject welcome = named.next();
            assertThat(welcome.getString("client_name")).isEqualTo("planner");
            named.request(subscribe("plan.*"));
            publisher.request(publish(Json.createObjectBuilder().add("topic", "plan.made").add("target", "planner")));
            assertThat(named.await(frame -> frame.getString("type").equals("event"))
                    .getJsonObject("event").getString("target")).isEqualTo("planner");
        }
    }

    @Test
    void shouldApplyTypePriorityAndSourceFilters() {
        try (WsClient subscriber = router.client(); WsClient publisher = router.client()) {
            subscriber.request(subscribe(Json.createObjectBuilder()
                    .add("topics", Json.createArrayBuilder().add("f.*"))
                    .add("types", Json.createArrayBuilder().add("task.created"))
                    .add("priorities", Json.createArrayBuilder().add(9).add(7))
                    .add("sources", Json.createArrayBuilder().add("planner"))));
            publisher.request(publish(event("f.1", "task.created", 5, "planner")));   // priority too low
            publisher.request(publish(event("f.2", "task.failed", 9, "planner")));    // wrong type
            publisher.request(publish(event("f.3", "task.created", 9, "someone")));   // wrong source
            publisher.request(publish(event("g.4", "task.created", 9, "planner")));   // wrong topic
            publisher.request(publish(event("f.5", "task.created", 7, "planner")));   // matches (7 >= min 7)
            publisher.request(publish(event("f.6", "task.created", 10, "planner")));  // matches
            List<String> topics = subscriber.collect("event", 2).stream()
                    .map(f -> f.getJsonObject("event").getString("topic")).toList();
            assertThat(topics).containsExactlyInAnyOrder("f.5", "f.6");
            assertThat(subscriber.request(type("ping")).getString("type")).isEqualTo("pong");
            assertThat(subscriber.drain()).noneMatch(frame -> frame.getString("type").equals("event"));
        }
    }

    @Test
    void shouldSendOneFramePerMatchingSubscriptionButOnePerSubscription() {
        try (WsClient subscriber = router.client(); WsClient publisher = router.client()) {
            String wide = subscriber.request(subscribe("o.*", "o.#", "*")).getString("subscription_id");
            String narrow = subscriber.request(subscribe("o.k")).getString("subscription_id");
            publisher.request(publish("o.k", 5, payload("n", 1)));
            List<String> ids = subscriber.collect("event", 2).stream()
                    .map(f -> f.getString("subscription_id")).toList();
            assertThat(ids).containsExactlyInAnyOrder(wide, narrow);
            assertThat(subscriber.request(type("ping")).getString("type")).isEqualTo("pong");
            assertThat(subscriber.drain()).noneMatch(frame -> frame.getString("type").equals("event"));
        }
    }

    @Test
    void shouldUseTheTypeAsTopicWhenTheTopicIsEmpty() {
        try (WsClient subscriber = router.client(); WsClient publisher = router.client()) {
            subscriber.request(subscribe("task.completed"));
            publisher.request(publish(Json.createObjectBuilder().add("topic", "").add("type", "task.completed")));
            JsonObject event = subscriber.await(frame -> frame.getString("type").equals("event")).getJsonObject("event");
            assertThat(event.getString("topic")).isEqualTo("task.completed");
            assertThat(event.getString("type")).isEqualTo("task.completed");
        }
    }

    private static jakarta.json.JsonObjectBuilder event(String topic, String type, int priority, String source) {
        return Json.createObjectBuilder().add("topic", topic).add("type", type).add("priority", priority).add("source", source);
    }
}
