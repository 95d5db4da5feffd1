package io.eventrouter.protocol;

/**
 * A frame that breaks the protocol. The message names the problem in words a client author
 * can act on; {@link #code()} is the stable reason.
 */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String requestId;

    public ProtocolException(ErrorCode code, String message, String requestId) {
        super(message);
        this.code = code;
        this.requestId = requestId;
    }

    public ErrorCode code() {
        return code;
    }

    /** The request id of the offending frame when it could be read, else null. */
    public String requestId() {
        return requestId;
    }
}
