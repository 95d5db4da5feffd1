package io.eventrouter.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventrouter.client.ClientOptions;
import io.eventrouter.client.ConnectionEvent;
import io.eventrouter.client.EventRouterClient;
import io.eventrouter.client.PublishResult;
import io.eventrouter.client.RouterConnectException;
import io.eventrouter.client.RouterRejectedException;
import io.eventrouter.client.SubscriptionHandle;
import io.eventrouter.it.FreezableProxy;
import io.eventrouter.it.TestRouter;
import io.eventrouter.protocol.Event;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Losing the router and getting it back: nothing published while away is lost or doubled. */
class ClientReconnectTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private TestRouter router;

    @BeforeEach
    void start() {
        router = TestRouter.start();
    }

    @AfterEach
    void stop() {
        router.close();
    }

    private ClientOptions.Builder fastReconnect(String url) {
        return ClientOptions.builder().url(url).reconnectPolicy(attempt -> Duration.ofMillis(100));
    }

    @Test
    void shouldReconnectRestoreSubscriptionsAndFlushPublishesMadeWhileDown() throws Exception {
        List<ConnectionEvent> seen = new CopyOnWriteArrayList<>();
        BlockingQueue<Event> received = new LinkedBlockingQueue<>();
        try (EventRouterClient client = EventRouterClient.create(fastReconnect(router.url()).build())) {
            client.addConnectionListener(seen::add);
            client.connect();
            SubscriptionHandle handle = client.on("re.*", received::add);
            String firstClientId = client.clientId();
            for (int i = 0; i < 5; i++) {
                client.publish("re.before", Map.of("seq", i));
            }
            for (int i = 0; i < 5; i++) {
                assertThat(received.poll(20, TimeUnit.SECONDS).payload().getInt("seq")).isEqualTo(i);
            }

            router.stop();
            Awaitility.await().atMost(WAIT).until(() -> seen.contains(ConnectionEvent.DISCONNECTED));
            assertThat(client.isConnected()).isFalse();
            List<CompletableFuture<PublishResult>> whileDown = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                whileDown.add(client.publishAsync(Event.builder("re.during")
                        .payload(jakarta.json.Json.createObjectBuilder().add("seq", 100 + i).build()).build()));
            }
            assertThat(whileDown).noneMatch(CompletableFuture::isDone);

            router.restart();
            Awaitility.await().atMost(WAIT).until(() -> seen.contains(ConnectionEvent.RESUBSCRIBED));
            for (CompletableFuture<PublishResult> future : whileDown) {
                assertThat(future.get(20, TimeUnit.SECONDS).queued()).isTrue();
            }
            for (int i = 0; i < 10; i++) {
                Event event = received.poll(20, TimeUnit.SECONDS);
                assertThat(event).isNotNull();
                assertThat(event.payload().getInt("seq")).isEqualTo(100 + i);
            }
            assertThat(client.isConnected()).isTrue();
            assertThat(client.clientId()).isNotEqualTo(firstClientId);
            // Same subscription id before and after: the router still delivers to this handle.
            assertThat(client.health().health().activeSubscriptions()).isEqualTo(1);
            client.publish("re.after", Map.of("seq", 999));
            assertThat(received.poll(20, TimeUnit.SECONDS).payload().getInt("seq")).isEqualTo(999);
            assertThat(received).isEmpty();
            handle.unsubscribe();
        }
        assertThat(seen).containsExactly(ConnectionEvent.CONNECTED, ConnectionEvent.DISCONNECTED,
                ConnectionEvent.RECONNECTED, ConnectionEvent.RESUBSCRIBED, ConnectionEvent.CLOSED);
    }

    @Test
    void shouldKeepTheClientChosenSubscriptionIdAcrossReconnects() throws Exception {
        BlockingQueue<String> subscriptionIds = new LinkedBlockingQueue<>();
        try (EventRouterClient client = EventRouterClient.create(fastReconnect(router.url()).build())) {
            List<ConnectionEvent> seen = new CopyOnWriteArrayList<>();
            client.addConnectionListener(seen::add);
            client.connect();
            SubscriptionHandle handle = client.subscribe(
                    io.eventrouter.protocol.SubscriptionSpec.builder().id("orders-feed").topics("orders.*").build(),
                    event -> subscriptionIds.add(event.id()));
            assertThat(handle.id()).isEqualTo("orders-feed");
            router.restart();
            Awaitility.await().atMost(WAIT).until(() -> seen.contains(ConnectionEvent.RESUBSCRIBED));
            client.publish("orders.new", Map.of());
            assertThat(subscriptionIds.poll(20, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void shouldFailFastWhenTheOfflineBufferIsFull() {
        try (EventRouterClient client = EventRouterClient.create(fastReconnect(router.url()).offlineBufferSize(3).build())) {
            List<ConnectionEvent> seen = new CopyOnWriteArrayList<>();
            client.addConnectionListener(seen::add);
            client.connect();
            router.stop();
            Awaitility.await().atMost(WAIT).until(() -> seen.contains(ConnectionEvent.DISCONNECTED));

            List<CompletableFuture<PublishResult>> buffered = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                buffered.add(client.publishAsync(Event.builder("buf").build()));
            }
            CompletableFuture<PublishResult> overflow = client.publishAsync(Event.builder("buf").build());
            assertThat(overflow).isCompletedExceptionally();
            assertThatThrownBy(overflow::join).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(RouterRejectedException.class)
                    .satisfies(e -> assertThat(((RouterRejectedException) e).reason()).isEqualTo("offline_buffer_full"));
            assertThatThrownBy(() -> client.publish("buf", Map.of())).isInstanceOf(RouterRejectedException.class);

            client.close();
            assertThat(buffered).allMatch(CompletableFuture::isCompletedExceptionally);
            assertThatThrownBy(() -> buffered.get(0).join()).cause().isInstanceOf(RouterConnectException.class);
        }
    }

    @Test
    void shouldNeverReconnectAfterClose() {
        List<ConnectionEvent> seen = new CopyOnWriteArrayList<>();
        EventRouterClient client = EventRouterClient.create(fastReconnect(router.url()).build());
        client.addConnectionListener(seen::add);
        client.connect();
        client.close();
        router.restart();
        assertThat(client.isConnected()).isFalse();
        assertThatThrownBy(() -> client.publish("x", Map.of())).isInstanceOf(RouterConnectException.class)
                .hasMessageContaining("closed");
        assertThat(seen).containsExactly(ConnectionEvent.CONNECTED, ConnectionEvent.CLOSED);
    }

    @Test
    void shouldFailOverToTheNextUrl() throws Exception {
        ClientOptions options = ClientOptions.builder()
                .urls(List.of(URI.create(FreezableProxy.deadUrl()), URI.create(router.url()))).build();
        try (EventRouterClient client = EventRouterClient.create(options).connect()) {
            assertThat(client.isConnected()).isTrue();
            assertThat(client.ping()).isPositive();
        }
    }

    @Test
    void shouldReportWhenNoRouterIsReachable() throws Exception {
        ClientOptions options = ClientOptions.builder().url(FreezableProxy.deadUrl()).build();
        EventRouterClient client = EventRouterClient.create(options);
        assertThatThrownBy(client::connect).isInstanceOf(RouterConnectException.class).hasMessageContaining("Unable to connect");
    }

    @Test
    void shouldDetectADeadPeerByHeartbeatAndReconnect() throws Exception {
        List<ConnectionEvent> seen = new CopyOnWriteArrayList<>();
        BlockingQueue<Event> received = new LinkedBlockingQueue<>();
        try (FreezableProxy proxy = new FreezableProxy(router.port());
                EventRouterClient client = EventRouterClient.create(fastReconnect(proxy.url())
                        .heartbeatInterval(Duration.ofMillis(300)).build())) {
            client.addConnectionListener(seen::add);
            client.connect();
            client.on("hb", received::add);

            proxy.freeze();
            Awaitility.await().atMost(WAIT).until(() -> seen.contains(ConnectionEvent.DISCONNECTED));
            proxy.thaw();
            Awaitility.await().atMost(WAIT).until(() -> seen.contains(ConnectionEvent.RESUBSCRIBED));
            client.publish("hb", Map.of("alive", true));
            assertThat(received.poll(20, TimeUnit.SECONDS)).isNotNull();
        }
    }
}
