package io.eventrouter.client;

import io.eventrouter.protocol.ErrorCode;

/** The router answered with an {@code error} frame; match on {@link #code()}, not the text. */
public class RouterProtocolException extends RouterException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public RouterProtocolException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
