package io.eventrouter.endpoint;

/** Class-path probes that load nothing they test for. */
final class Presence {
    private static final String JETTY_SESSION = "org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSession";

    /** Whether Jetty's WebSocket session class is visible (embedded: yes; WAR on Payara: no). */
    static final boolean JETTY = jetty();

    private Presence() {}

    private static boolean jetty() {
        try {
            Class.forName(JETTY_SESSION, false, Presence.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
