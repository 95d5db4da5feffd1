package io.eventrouter.endpoint;

import io.eventrouter.session.Transport;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link Transport} over a Jakarta WebSocket session, using asynchronous sends. */
final class JakartaTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(JakartaTransport.class);
    private static final int MAX_REASON_BYTES = 120;

    private final Session session;
    private final String remoteAddress;

    JakartaTransport(Session session, String remoteAddress) {
        this.session = session;
        this.remoteAddress = remoteAddress;
    }

    @Override
    public void sendText(String frame, Consumer<Throwable> done) {
        session.getAsyncRemote().sendText(frame, result -> done.accept(result.isOK() ? null : result.getException()));
    }

    @Override
    public void close(int code, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), truncate(reason)));
        } catch (IOException | IllegalStateException e) {
            LOG.debug("Closing {} failed: {}", remoteAddress, e.toString());
        }
    }

    @Override
    public void abort() {
        if (session instanceof JakartaWebSocketSession jetty) {
            jetty.abort();
        } else {
            close(CloseReason.CloseCodes.CLOSED_ABNORMALLY.getCode(), "aborted");
        }
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    /** Close reasons are limited to 123 bytes on the wire. */
    private static String truncate(String reason) {
        if (reason == null) {
            return "";
        }
        String ascii = reason.replaceAll("[^\\x20-\\x7E]", "?");
        return ascii.length() <= MAX_REASON_BYTES ? ascii : ascii.substring(0, MAX_REASON_BYTES);
    }
}
