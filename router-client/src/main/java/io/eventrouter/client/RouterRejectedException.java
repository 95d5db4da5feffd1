package io.eventrouter.client;

/**
 * The request was refused without reaching the router's queue: the router dropped a publish
 * (reason such as {@code queue_full}), or the client's offline buffer is full.
 */
public class RouterRejectedException extends RouterException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public RouterRejectedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Stable reason: the router's {@code reason} field, or {@code offline_buffer_full}. */
    public String reason() {
        return reason;
    }
}
