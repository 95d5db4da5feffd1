package io.eventrouter.client;

/** No reply arrived within the configured or given timeout. */
public class RouterTimeoutException extends RouterException {
    private static final long serialVersionUID = 1L;

    public RouterTimeoutException(String message) {
        super(message);
    }
}
