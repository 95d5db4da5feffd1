package io.eventrouter.admin;

import java.util.List;

/** One subscription as the admin API shows it. */
public record SubscriptionInfo(String id, String clientId, String clientName, List<String> topics,
        List<String> types, List<Integer> priorities, List<String> sources) {

    public SubscriptionInfo {
        topics = List.copyOf(topics);
        types = List.copyOf(types);
        priorities = List.copyOf(priorities);
        sources = List.copyOf(sources);
    }
}
