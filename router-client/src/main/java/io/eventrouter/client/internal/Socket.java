package io.eventrouter.client.internal;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import org.glassfish.tyrus.client.ClientManager;

/** One WebSocket connection through Tyrus. Sends are serialized; frames go to the listener. */
final class Socket {

    interface Listener {
        void onFrame(Socket socket, String text);

        void onClosed(Socket socket, String reason);
    }

    private final URI uri;
    private Session session;

    private Socket(URI uri) {
        this.uri = uri;
    }

    /** Opens a connection, blocking until the handshake completes or fails. */
    static Socket open(ClientManager client, URI uri, Listener listener) throws IOException {
        Socket socket = new Socket(uri);
        Endpoint endpoint = new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig config) {
                session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> listener.onFrame(socket, text));
            }

            @Override
            public void onClose(Session session, CloseReason reason) {
                listener.onClosed(socket, reason.getCloseCode().getCode() + " " + reason.getReasonPhrase());
            }

            @Override
            public void onError(Session session, Throwable failure) {
                listener.onClosed(socket, failure.toString());
            }
        };
        try {
            socket.session = client.connectToServer(endpoint, ClientEndpointConfig.Builder.create().build(), uri);
        } catch (DeploymentException e) {
            throw new IOException("Unable to connect to " + uri + ": " + rootMessage(e), e);
        }
        return socket;
    }

    URI uri() {
        return uri;
    }

    synchronized void send(String text) throws IOException {
        try {
            session.getBasicRemote().sendText(text);
        } catch (IllegalStateException | java.util.concurrent.RejectedExecutionException e) {
            // Tyrus reports a closed or shut-down connection with unchecked exceptions.
            throw new IOException("Connection to " + uri + " is closed", e);
        }
    }

    /** Closes without waiting; the listener may still be told. */
    void close() {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "client closing"));
        } catch (IOException | RuntimeException ignored) {
            // Already gone: nothing left to release.
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
