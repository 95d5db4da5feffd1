package io.eventrouter.client;

/** The router could not be reached, or the connection was lost before a reply arrived. */
public class RouterConnectException extends RouterException {
    private static final long serialVersionUID = 1L;

    public RouterConnectException(String message) {
        super(message);
    }

    public RouterConnectException(String message, Throwable cause) {
        super(message, cause);
    }
}
