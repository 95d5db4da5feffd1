package io.eventrouter.testing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Builders for the raw frames tests send. */
public final class Messages {
    private Messages() {}

    public static JsonObject publish(String topic, int priority, JsonObject payload) {
        return publish(Json.createObjectBuilder().add("topic", topic).add("priority", priority).add("payload", payload));
    }

    public static JsonObject publish(JsonObjectBuilder event) {
        return Json.createObjectBuilder().add("type", "publish").add("event", event).build();
    }

    public static JsonObject subscribe(String... topics) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (String topic : topics) {
            list.add(topic);
        }
        return subscribe(Json.createObjectBuilder().add("topics", list));
    }

    public static JsonObject subscribe(JsonObjectBuilder subscription) {
        return Json.createObjectBuilder().add("type", "subscribe").add("subscription", subscription).build();
    }

    public static JsonObject type(String type) {
        return Json.createObjectBuilder().add("type", type).build();
    }

    public static JsonObject payload(String key, int value) {
        return Json.createObjectBuilder().add(key, value).build();
    }
}
