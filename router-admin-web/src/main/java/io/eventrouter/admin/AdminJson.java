package io.eventrouter.admin;

import io.eventrouter.protocol.Health;
import io.eventrouter.protocol.ProtocolCodec;
import io.eventrouter.protocol.ServerMessage;
import io.eventrouter.protocol.Timestamps;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Collection;
import java.util.List;

/** The admin API's JSON shapes for the model types. */
final class AdminJson {
    private AdminJson() {}

    /**
     * The V2 health object, exactly as a {@code get_health} reply carries it: taken from the
     * protocol codec's own encoding so the two can never disagree on a key.
     */
    static JsonObject health(Health health) {
        String frame = ProtocolCodec.encode(new ServerMessage.HealthReport(health, null, null));
        try (JsonReader reader = Json.createReader(new StringReader(frame))) {
            return reader.readObject().getJsonObject("health");
        }
    }

    static JsonObject client(ClientInfo client) {
        return Json.createObjectBuilder()
                .add("id", client.id())
                .add("name", nullable(client.name()))
                .add("address", nullable(client.address()))
                .add("connected_since", Timestamps.format(client.connectedSince()))
                .add("subscriptions", strings(client.subscriptionIds()))
                .add("outbound_queue_depth", client.outboundQueueDepth())
                .build();
    }

    static JsonObject subscription(SubscriptionInfo subscription) {
        JsonArrayBuilder priorities = Json.createArrayBuilder();
        subscription.priorities().forEach(priorities::add);
        return Json.createObjectBuilder()
                .add("id", subscription.id())
                .add("client_id", subscription.clientId())
                .add("client_name", nullable(subscription.clientName()))
                .add("topics", strings(subscription.topics()))
                .add("types", strings(subscription.types()))
                .add("priorities", priorities)
                .add("sources", strings(subscription.sources()))
                .build();
    }

    static JsonObject clients(List<ClientInfo> clients) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        clients.forEach(client -> list.add(client(client)));
        return Json.createObjectBuilder().add("count", clients.size()).add("clients", list).build();
    }

    static JsonObject subscriptions(List<SubscriptionInfo> subscriptions) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        subscriptions.forEach(subscription -> list.add(subscription(subscription)));
        return Json.createObjectBuilder().add("count", subscriptions.size()).add("subscriptions", list).build();
    }

    static JsonObject update(ConfigUpdate update, JsonObject config) {
        return Json.createObjectBuilder()
                .add("applied", strings(update.applied()))
                .add("restart_required", strings(update.restartRequired()))
                .add("config", config)
                .build();
    }

    private static JsonValue nullable(String value) {
        return value == null ? JsonValue.NULL : Json.createValue(value);
    }

    private static JsonArray strings(Collection<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array.build();
    }
}
