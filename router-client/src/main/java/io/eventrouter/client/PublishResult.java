package io.eventrouter.client;

/**
 * The router's answer to a publish.
 *
 * @param eventId the event's id
 * @param status {@code queued} or {@code dropped}
 * @param reason why it was dropped ({@code queue_full}, {@code shutting_down}), else null
 */
public record PublishResult(String eventId, String status, String reason) {
    public boolean queued() {
        return "queued".equals(status);
    }
}
