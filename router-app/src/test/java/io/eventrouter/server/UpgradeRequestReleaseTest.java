package io.eventrouter.server;

import static io.eventrouter.testing.Messages.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.testing.RunningRouter;
import io.eventrouter.testing.WsClient;
import jakarta.websocket.Session;
import java.util.List;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions on both paths let go of the HTTP upgrade request and still answer what Jetty would. */
class UpgradeRequestReleaseTest {
    private RunningRouter router;

    @BeforeEach
    void start() {
        router = RunningRouter.start();
    }

    @AfterEach
    void stop() {
        router.close();
    }

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
}
