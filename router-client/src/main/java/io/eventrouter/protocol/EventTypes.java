package io.eventrouter.protocol;

import java.util.Set;

/**
 * The standard event types of the V2 protocol. Any other non-empty string is a valid type too
 * and is kept as sent.
 */
public final class EventTypes {
    public static final String CUSTOM = "custom";

    public static final Set<String> STANDARD = Set.of(
            "agent.started", "agent.stopped", "agent.failed", "agent.completed",
            "task.created", "task.assigned", "task.started", "task.progress",
            "task.completed", "task.failed",
            "workflow.started", "workflow.step_completed", "workflow.completed", "workflow.failed",
            "system.alert", "system.error", "system.info",
            CUSTOM);

    private EventTypes() {}

    public static boolean isStandard(String type) {
        return STANDARD.contains(type);
    }
}
