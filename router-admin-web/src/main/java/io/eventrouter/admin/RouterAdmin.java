package io.eventrouter.admin;

import io.eventrouter.protocol.Health;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * What the admin API and page need from a running router. The router implements it; the admin
 * servlets depend on nothing else.
 */
public interface RouterAdmin {

    /** The V2 health object. */
    Health health();

    /**
     * Counters and gauges: queue depth per priority, published/delivered/dropped totals,
     * dropped by reason and priority, rates over the last minute (events/s), clients,
     * subscriptions, uptime.
     */
    JsonObject stats();

    List<ClientInfo> clients();

    List<SubscriptionInfo> subscriptions();

    /** Disconnects a client (close code 1008, reason given); false if no such client. */
    boolean disconnect(String clientId, String reason);

    /**
     * The configuration: every setting's current value, plus the values saved for the next
     * start where they differ.
     */
    JsonObject config();

    /**
     * Applies settings given by key ({@code max_clients} → {@code "2000"}). All are validated
     * first; if any is invalid nothing changes and {@link IllegalArgumentException} says why.
     */
    ConfigUpdate updateConfig(Map<String, String> changes);

    /** Prometheus text exposition of the router's metrics. */
    String prometheusMetrics();

    /** True while the router accepts connections and events (false once shutdown began). */
    boolean isReady();
}
