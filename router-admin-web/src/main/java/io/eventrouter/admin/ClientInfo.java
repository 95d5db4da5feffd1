package io.eventrouter.admin;

import java.time.Instant;
import java.util.List;

/**
 * One connected client as the admin API shows it.
 *
 * @param subscriptionIds the ids of its subscriptions
 * @param outboundQueueDepth events waiting to be written to it
 */
public record ClientInfo(String id, String name, String address, Instant connectedSince,
        List<String> subscriptionIds, int outboundQueueDepth) {

    public ClientInfo {
        subscriptionIds = List.copyOf(subscriptionIds);
    }
}
