package io.eventrouter.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventrouter.client.ClientOptions;
import io.eventrouter.client.EventRouterClient;
import io.eventrouter.client.RouterException;
import io.eventrouter.client.RouterProtocolException;
import io.eventrouter.client.RouterTimeoutException;
import io.eventrouter.client.SubscriptionHandle;
import io.eventrouter.config.RouterConfig;
import io.eventrouter.it.TestRouter;
import io.eventrouter.protocol.ErrorCode;
import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.ServerMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientBehaviourTest {
    private TestRouter router;

    @BeforeEach
    void start() {
        router = TestRouter.start(RouterConfig.builder().maxSubscriptionsPerClient(5));
    }

    @AfterEach
    void stop() {
        router.close();
    }

    private EventRouterClient client() {
        return EventRouterClient.create(ClientOptions.builder().url(router.url()).build()).connect();
    }

    @Test
    void shouldAnswerRequestsThroughAResponder() throws Exception {
        try (EventRouterClient responder = client(); EventRouterClient requester = client()) {
            responder.respond("math.add", request -> Map.of("sum",
                    request.payload().getInt("a") + request.payload().getInt("b")));
            Event reply = requester.request("math.add", Map.of("a", 2, "b", 3), Duration.ofSeconds(10))
                    .get(20, TimeUnit.SECONDS);
            assertThat(reply.payload().getInt("sum")).isEqualTo(5);
            assertThat(reply.metadata().correlationId()).isNotBlank();
            assertThat(reply.metadata().causationId()).isNotBlank();
        }
    }

    @Test
    void shouldChainResponses() throws Exception {
        try (EventRouterClient planner = client(); EventRouterClient estimator = client(); EventRouterClient caller = client()) {
            estimator.respond("chain.estimate", request -> Map.of("hours", 3));
            planner.respond("chain.plan", request -> {
                Event estimate = planner.request("chain.estimate", Map.of(), Duration.ofSeconds(10)).get(20, TimeUnit.SECONDS);
                return Map.of("plan", "ship it", "hours", estimate.payload().getInt("hours"));
            });
            Event answer = caller.request("chain.plan", Map.of(), Duration.ofSeconds(10)).get(20, TimeUnit.SECONDS);
            assertThat(answer.payload().getString("plan")).isEqualTo("ship it");
            assertThat(answer.payload().getInt("hours")).isEqualTo(3);
        }
    }

    @Test
    void shouldTimeOutARequestNobodyAnswers() {
        try (EventRouterClient requester = client()) {
            CompletableFuture<Event> reply = requester.request("nobody.home", Map.of(), Duration.ofMillis(300));
            assertThatThrownBy(() -> reply.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(RouterTimeoutException.class).hasMessageContaining("nobody.home");
        }
    }

    @Test
    void shouldStopDeliveringAfterUnsubscribe() throws Exception {
        try (EventRouterClient subscriber = client(); EventRouterClient publisher = client()) {
            BlockingQueue<Event> received = new LinkedBlockingQueue<>();
            BlockingQueue<Event> marker = new LinkedBlockingQueue<>();
            SubscriptionHandle handle = subscriber.on("u.*", received::add);
            publisher.publish("u.one", Map.of());
            assertThat(received.poll(20, TimeUnit.SECONDS)).isNotNull();

            handle.unsubscribe();
            subscriber.on("marker", marker::add);
            publisher.publish("u.two", Map.of());
            publisher.publish("marker", Map.of());
            assertThat(marker.poll(20, TimeUnit.SECONDS)).isNotNull();
            assertThat(received).isEmpty();
        }
    }

    @Test
    void shouldRunHandlersOffTheSocketThreadInOrderAndSurviveAThrowingHandler() throws Exception {
        int count = 500;
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        List<RouterException> errors = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(count);
        try (EventRouterClient subscriber = client(); EventRouterClient publisher = client()) {
            subscriber.addErrorListener(errors::add);
            subscriber.on("ordered", event -> {
                int seq = event.payload().getInt("seq");
                order.add(seq);
                threads.add(Thread.currentThread().getName());
                done.countDown();
                if (seq == 7) {
                    throw new IllegalStateException("handler bug on 7");
                }
            });
            for (int i = 0; i < count; i++) {
                publisher.publishAsync(Event.builder("ordered")
                        .payload(jakarta.json.Json.createObjectBuilder().add("seq", i).build()).build());
            }
            assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(order).hasSize(count).isSorted();
        assertThat(threads).allMatch(name -> name.startsWith("router-client-handler"));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).hasMessageContaining("handler bug on 7");
    }

    @Test
    void shouldReportRouterRefusalsWithTheirCode() {
        try (EventRouterClient client = client()) {
            for (int i = 0; i < 5; i++) {
                client.on("limit." + i, event -> { });
            }
            assertThatThrownBy(() -> client.on("limit.5", event -> { }))
                    .isInstanceOf(RouterProtocolException.class)
                    .satisfies(e -> assertThat(((RouterProtocolException) e).code()).isEqualTo(ErrorCode.TOO_MANY_SUBSCRIPTIONS));
            assertThat(client.ping()).isPositive();
        }
    }

    @Test
    void shouldReadHealthAndNameTheClient() throws Exception {
        try (EventRouterClient named = EventRouterClient.create(ClientOptions.builder().url(router.url())
                .clientName("worker-7").build()).connect(); EventRouterClient publisher = client()) {
            BlockingQueue<Event> received = new LinkedBlockingQueue<>();
            named.on("direct.*", received::add);
            publisher.publish(Event.builder("direct.job").target("worker-7").build());
            assertThat(received.poll(20, TimeUnit.SECONDS).target()).isEqualTo("worker-7");

            ServerMessage.HealthReport health = publisher.health();
            assertThat(health.health().status()).isEqualTo("healthy");
            assertThat(health.health().connectedClients()).isEqualTo(2);
            assertThat(health.details().getJsonObject("queue_depth")).hasSize(10);
        }
    }

    @Test
    void shouldKeepTheCallersMetadataOnARequest() throws Exception {
        try (EventRouterClient responder = client(); EventRouterClient requester = client()) {
            BlockingQueue<Event> requests = new LinkedBlockingQueue<>();
            responder.respond("meta.echo", request -> {
                requests.add(request);
                return Map.of("ok", true);
            });
            Event reply = requester.request(Event.builder("meta.echo").metadata(io.eventrouter.protocol.EventMetadata.builder()
                    .correlationId("order-17").traceId("trace-9").tag("team", "ops").build()), Duration.ofSeconds(10))
                    .get(20, TimeUnit.SECONDS);
            Event request = requests.poll(20, TimeUnit.SECONDS);
            assertThat(request.metadata().correlationId()).isEqualTo("order-17");
            assertThat(request.metadata().traceId()).isEqualTo("trace-9");
            assertThat(request.metadata().tags()).containsEntry("team", "ops");
            assertThat(reply.metadata().correlationId()).isEqualTo("order-17");
            assertThat(reply.metadata().causationId()).isEqualTo(request.id());
            assertThat(reply.metadata().traceId()).isEqualTo("trace-9");
        }
    }

    @Test
    void shouldFailTheRequestWhenTheResponderThrows() {
        try (EventRouterClient responder = client(); EventRouterClient requester = client()) {
            responder.addErrorListener(error -> { });
            responder.respond("fragile", request -> {
                throw new IllegalArgumentException("no such account");
            });
            CompletableFuture<Event> reply = requester.request("fragile", Map.of(), Duration.ofSeconds(10));
            assertThatThrownBy(() -> reply.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(RouterException.class).hasMessageContaining("no such account");
        }
    }

    @Test
    void shouldLetAHandlerBlockOnPublishAndRequestWithASingleHandlerThread() throws Exception {
        java.util.concurrent.ExecutorService single = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (EventRouterClient client = EventRouterClient.create(ClientOptions.builder().url(router.url())
                .handlerExecutor(single).build()).connect(); EventRouterClient helper = client()) {
            helper.respond("lookup", request -> Map.of("value", 42));
            CompletableFuture<Integer> outcome = new CompletableFuture<>();
            client.on("trigger", event -> {
                client.publish("side.effect", Map.of());
                Event answer = client.request("lookup", Map.of(), Duration.ofSeconds(10)).get(20, TimeUnit.SECONDS);
                outcome.complete(answer.payload().getInt("value"));
            });
            helper.publish("trigger", Map.of());
            assertThat(outcome.get(20, TimeUnit.SECONDS)).isEqualTo(42);
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void shouldRefuseToSubscribeAfterClose() {
        EventRouterClient client = client();
        client.close();
        assertThatThrownBy(() -> client.on("late", event -> { }))
                .isInstanceOf(io.eventrouter.client.RouterConnectException.class).hasMessageContaining("closed");
    }
}
