package io.eventrouter.client;

/** Base of every failure the client reports. Unchecked, so lambdas stay readable. */
public class RouterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RouterException(String message) {
        super(message);
    }

    public RouterException(String message, Throwable cause) {
        super(message, cause);
    }
}
