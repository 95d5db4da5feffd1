package io.eventrouter.server;

import static io.eventrouter.testing.Messages.payload;
import static io.eventrouter.testing.Messages.publish;
import static io.eventrouter.testing.Messages.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.testing.RouterTestBase;
import io.eventrouter.testing.WsClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class PublishSubscribeTest extends RouterTestBase {
    @Test
    void shouldDeliverAPublishedEventToAMatchingSubscriber() {
        try (WsClient subscriber = router.client(); WsClient publisher = router.client()) {
            JsonObject subscribed = subscriber.request(subscribe("task.*"));
            assertThat(subscribed.getString("type")).isEqualTo("subscribed");

            JsonObject published = publisher.request(publish("task.created", 7, payload("n", 1)));
            assertThat(published.getString("status")).isEqualTo("queued");

            JsonObject delivery = subscriber.await(frame -> frame.getString("type").equals("event"));
            assertThat(delivery.getString("subscription_id")).isEqualTo(subscribed.getString("subscription_id"));
            JsonObject event = delivery.getJsonObject("event");
            assertThat(event.getString("topic")).isEqualTo("task.created");
            assertThat(event.getInt("priority")).isEqualTo(7);
            assertThat(event.getJsonObject("payload").getInt("n")).isEqualTo(1);
            assertThat(event.getString("source")).isEqualTo(publisher.clientId());
            assertThat(event.getString("id")).isEqualTo(published.getString("event_id"));
        }
    }
}
