package io.eventrouter.server;

import static io.eventrouter.testing.Messages.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.testing.RawFrameSocket;
import io.eventrouter.testing.RouterTestBase;
import io.eventrouter.testing.WsClient;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.List;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketFrameHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSession;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What Jetty keeps per session on the embedded server: sessions on both paths let go of the
 * HTTP upgrade request, share one pair of codec registries, get a bare configuration and have
 * no method handles bound for opening, closing and errors, and still answer what Jetty would.
 */
class JettySessionFootprintTest extends RouterTestBase {
    @Test
    void shouldKeepOnlyADetachedUpgradeRequestPerSession() {
        try (WsClient root = WsClient.connect(router.uri("/?client_name=planner"));
                WsClient ws = WsClient.connect(router.uri("/ws?client_name=worker"))) {
            assertThat(root.next().getString("client_name")).isEqualTo("planner");
            assertThat(ws.next().getString("client_name")).isEqualTo("worker");
            // A reply to a later frame means Jetty has finished opening the session.
            assertThat(root.request(type("ping")).getString("type")).isEqualTo("pong");
            assertThat(ws.request(type("ping")).getString("type")).isEqualTo("pong");

            List<Session> sessions = List.copyOf(router.server().webSocketContainer().getOpenSessions());
            assertThat(sessions).hasSize(2);
            for (Session session : sessions) {
                JakartaWebSocketSession jetty = (JakartaWebSocketSession) session;
                assertThat(jetty.getFrameHandler().getUpgradeRequest()).isInstanceOf(DetachedUpgradeRequest.class);
                assertThat(jetty.getUserPrincipal()).isNull();
                assertThat(jetty.getRequestParameterMap()).containsKey("client_name");
            }
            assertThat(sessions).extracting(session -> session.getRequestURI().getPath())
                    .containsExactlyInAnyOrder("/", "/ws");
        }
    }

    @Test
    void shouldGiveEachSessionABareConfigurationWithUserPropertiesOfItsOwn() {
        try (WsClient first = router.client(); WsClient second = router.client()) {
            assertThat(first.request(type("ping")).getString("type")).isEqualTo("pong");
            assertThat(second.request(type("ping")).getString("type")).isEqualTo("pong");

            List<Session> sessions = List.copyOf(router.server().webSocketContainer().getOpenSessions());
            assertThat(sessions).hasSize(2);
            for (Session session : sessions) {
                assertThat(session.getUserProperties()).isEmpty();
                assertThat(session.getPathParameters()).isEmpty();
            }
            sessions.get(0).getUserProperties().put("mine", 1);
            assertThat(sessions.get(1).getUserProperties()).doesNotContainKey("mine");
        }
    }

    @Test
    void shouldShareOneCodecRegistryPairBetweenSessionsThatKeepWorking() {
        try (WsClient first = router.client(); WsClient second = router.client()) {
            assertThat(first.request(type("ping")).getString("type")).isEqualTo("pong");
            assertThat(second.request(type("ping")).getString("type")).isEqualTo("pong");

            List<JakartaWebSocketSession> sessions = router.server().webSocketContainer().getOpenSessions().stream()
                    .map(JakartaWebSocketSession.class::cast).toList();
            assertThat(sessions).hasSize(2);
            assertThat(sessions.get(0).getDecoders()).isSameAs(sessions.get(1).getDecoders());
            assertThat(sessions.get(0).getEncoders()).isSameAs(sessions.get(1).getEncoders());
            // Jetty closes the registries with each session; the others must not notice.
            first.close();
            Awaitility.await().atMost(WsClient.WAIT)
                    .until(() -> router.server().webSocketContainer().getOpenSessions().size() == 1);
            second.sendBinary(new byte[] {1, 2});
            assertThat(second.next().getString("type")).isEqualTo("error");
            assertThat(second.request(type("ping")).getString("type")).isEqualTo("pong");
            try (WsClient third = router.client()) {
                assertThat(third.request(type("ping")).getString("type")).isEqualTo("pong");
            }
        }
    }

    @Test
    void shouldBindNoLifecycleMethodsYetOpenAndForgetTheConnection() throws ReflectiveOperationException {
        try (WsClient client = router.client()) {
            assertThat(client.request(type("ping")).getString("type")).isEqualTo("pong");

            List<Session> sessions = List.copyOf(router.server().webSocketContainer().getOpenSessions());
            assertThat(sessions).hasSize(1);
            JakartaWebSocketSession jetty = (JakartaWebSocketSession) sessions.get(0);
            for (String handle : List.of("openHandle", "closeHandle", "errorHandle")) {
                Field field = JakartaWebSocketFrameHandler.class.getDeclaredField(handle);
                field.setAccessible(true);
                assertThat(field.get(jetty.getFrameHandler())).as(handle).isNull();
            }
            // The welcome came from the router's open; its client id is the session's own.
            assertThat(client.clientId()).isEqualTo(jetty.getId());
            assertThat(router.server().router().clients()).hasSize(1);
        }
        Awaitility.await().atMost(WsClient.WAIT).until(() -> router.server().router().clients().isEmpty());
    }

    @Test
    void shouldForgetAConnectionThatDropsWithoutClosing() throws IOException {
        try (RawFrameSocket socket = RawFrameSocket.connect(router.uri("/"))) {
            assertThat(socket.nextText()).contains("\"welcome\"");
            assertThat(router.server().router().clients()).hasSize(1);
        }
        Awaitility.await().atMost(WsClient.WAIT).until(() -> router.server().router().clients().isEmpty());
    }
}
