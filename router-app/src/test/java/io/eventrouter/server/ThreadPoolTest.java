package io.eventrouter.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.config.RouterConfig;
import io.eventrouter.testing.Messages;
import io.eventrouter.testing.RunningRouter;
import io.eventrouter.testing.WsClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Jetty's pool is bounded by the machine's size, and a burst of handshakes stays within it. */
class ThreadPoolTest {
    private static final int BURST = 300;

    @ParameterizedTest(name = "{0} cores: {1} threads")
    @CsvSource({"1, 32", "2, 32", "3, 48", "4, 64", "12, 192", "13, 200", "64, 200"})
    void shouldGiveSixteenThreadsPerCoreFromThirtyTwoToTwoHundred(int cores, int threads) {
        assertThat(RouterServer.maxThreads(cores)).isEqualTo(threads);
    }

    @Test
    void shouldWelcomeEveryClientOfABurstWithoutGrowingThePoolPastItsBound() throws Exception {
        int bound = RouterServer.maxThreads(Runtime.getRuntime().availableProcessors());
        // Threads of an earlier test's router may still be stopping; they share the name.
        long earlier = routerJettyThreads();
        List<WsClient> clients = new ArrayList<>();
        ExecutorService connecting = Executors.newFixedThreadPool(64);
        try (RunningRouter router = RunningRouter.start(RouterConfig.builder().maxClients(BURST))) {
            List<Future<WsClient>> handshakes = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                handshakes.add(connecting.submit(() -> WsClient.connectWelcomed(router.uri())));
            }
            for (Future<WsClient> handshake : handshakes) {
                clients.add(handshake.get(WsClient.WAIT.toSeconds(), TimeUnit.SECONDS));
            }

            assertThat(clients).hasSize(BURST);
            assertThat(routerJettyThreads() - earlier).isPositive().isLessThanOrEqualTo(bound);
            assertThat(clients.get(BURST - 1).request(Messages.type("get_health"))
                    .getJsonObject("health").getInt("connected_clients")).isEqualTo(BURST);
        } finally {
            clients.forEach(WsClient::close);
            connecting.shutdownNow();
        }
    }

    private static long routerJettyThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("router-jetty"))
                .count();
    }
}
