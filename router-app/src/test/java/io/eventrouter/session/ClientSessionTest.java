package io.eventrouter.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventrouter.protocol.EncodedEvent;
import io.eventrouter.protocol.Event;
import io.eventrouter.protocol.ProtocolCodec;
import io.eventrouter.protocol.SubscriptionSpec;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A connection's subscriptions: their ids, their order, and the event frames written under them. */
class ClientSessionTest {
    private final ClientSession session = new ClientSession(new FakeTransport(), null, new RecordingListener(), 10, 10);

    @Test
    void shouldNumberServerChosenIdsAfterTheClientId() {
        Subscription first = session.addSubscription(SubscriptionSpec.of("a.*"));
        Subscription second = session.addSubscription(SubscriptionSpec.of("b.*"));

        assertThat(first.id()).isEqualTo(session.clientId() + "-1");
        assertThat(second.id()).isEqualTo(session.clientId() + "-2");
        assertThat(second.spec().id()).isEqualTo(second.id());
        assertThat(second.spec().topics()).containsExactly("b.*");
    }

    @Test
    void shouldKeepAClientChosenIdAndRefuseItAgain() {
        Subscription mine = session.addSubscription(spec("mine", "a.*"));

        assertThat(mine.id()).isEqualTo("mine");
        assertThatThrownBy(() -> session.addSubscription(spec("mine", "b.*")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'mine' is already in use");
        assertThat(session.subscriptionCount()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAServerChosenIdAClientAlreadyTook() {
        session.addSubscription(spec(session.clientId() + "-1", "a.*"));

        assertThatThrownBy(() -> session.addSubscription(SubscriptionSpec.of("b.*")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(session.addSubscription(SubscriptionSpec.of("b.*")).id()).isEqualTo(session.clientId() + "-2");
    }

    @ParameterizedTest(name = "unsubscribing {0}")
    @ValueSource(strings = {"-1", "mine", "-2"})
    void shouldRemoveASubscriptionInAnyPlaceKeepingTheOthersInOrder(String which) {
        String id = which.startsWith("-") ? session.clientId() + which : which;
        session.addSubscription(SubscriptionSpec.of("a.*"));
        session.addSubscription(spec("mine", "b.*"));
        session.addSubscription(SubscriptionSpec.of("c.*"));

        assertThat(session.removeSubscription(id).id()).isEqualTo(id);

        assertThat(session.subscriptions()).extracting(Subscription::id)
                .containsExactlyElementsOf(java.util.stream.Stream.of(session.clientId() + "-1", "mine",
                        session.clientId() + "-2").filter(other -> !other.equals(id)).toList());
        assertThat(session.subscriptionCount()).isEqualTo(2);
        assertThat(session.removeSubscription(id)).isNull();
    }

    @Test
    void shouldGoFromOneSubscriptionToNoneAndBack() {
        Subscription only = session.addSubscription(SubscriptionSpec.of("a.*"));
        Subscription second = session.addSubscription(SubscriptionSpec.of("b.*"));

        assertThat(session.removeSubscription(second.id())).isSameAs(second);
        assertThat(session.subscriptions()).containsExactly(only);
        assertThat(session.removeSubscription(only.id())).isSameAs(only);
        assertThat(session.subscriptions()).isEmpty();
        assertThat(session.subscriptionCount()).isZero();
        assertThat(session.addSubscription(SubscriptionSpec.of("c.*")).id()).isEqualTo(session.clientId() + "-3");
        assertThat(session.subscriptionCount()).isEqualTo(1);
    }

    @Test
    void shouldFindNoSubscriptionUnderIdsThatOnlyLookLikeAServerChosenOne() {
        session.addSubscription(SubscriptionSpec.of("a.*"));

        for (String near : new String[] {session.clientId() + "-01", session.clientId() + "-", session.clientId(),
                session.clientId() + "-2", session.clientId() + "+1", "x" + session.clientId() + "-1"}) {
            assertThat(session.removeSubscription(near)).as(near).isNull();
        }
        assertThat(session.subscriptionCount()).isEqualTo(1);
    }

    @Test
    void shouldHandEverySubscriptionBackWhenCleared() {
        Subscription first = session.addSubscription(SubscriptionSpec.of("a.*"));
        Subscription second = session.addSubscription(spec("mine", "b.*"));

        assertThat(session.clearSubscriptions()).containsExactly(first, second);
        assertThat(session.subscriptions()).isEmpty();
        assertThat(session.clearSubscriptions()).isEmpty();
    }

    @Test
    void shouldTakeTheIdTheConnectionAlreadyHas() {
        String jettys = UUID.randomUUID().toString();
        ClientSession named = new ClientSession(new FakeTransport().withConnectionId(jettys), null,
                new RecordingListener(), 10, 10);

        assertThat(named.clientId()).isSameAs(jettys);
        assertThat(named.addSubscription(SubscriptionSpec.of("a.*")).id()).isEqualTo(jettys + "-1");
        assertThat(session.clientId()).isNotEqualTo(jettys).hasSize(36);
    }

    @ParameterizedTest(name = "subscription id {0}")
    @ValueSource(strings = {"", "mine", "quote\"back\\slash/", "naïve ünïcode ✓", "tab\tnewline\n"})
    void shouldWriteTheEventFrameUnderTheSubscriptionsId(String clientChosen) {
        Subscription subscription = session.addSubscription(
                clientChosen.isEmpty() ? SubscriptionSpec.of("a.*") : spec(clientChosen, "a.*"));
        Event event = Event.builder("a.b").type("a.created").priority(7)
                .payload(Json.createObjectBuilder().add("n", 1).build()).build();

        byte[] frame = toArray(subscription.frame(new EncodedEvent().encode(event)));

        JsonObject parsed = Json.createReader(new StringReader(new String(frame, StandardCharsets.UTF_8))).readObject();
        assertThat(parsed.keySet()).containsExactly("type", "subscription_id", "event");
        assertThat(parsed.getString("type")).isEqualTo("event");
        assertThat(parsed.getString("subscription_id")).isEqualTo(subscription.id());
        assertThat(parsed.getJsonObject("event").toString()).isEqualTo(
                Json.createReader(new StringReader(ProtocolCodec.encodeEvent(event))).readObject().toString());
    }

    @Test
    void shouldWriteLargeServerChosenNumbersInFull() {
        Subscription last = null;
        for (int i = 0; i < 12; i++) {
            last = session.addSubscription(SubscriptionSpec.of("a.*"));
        }
        Event event = Event.builder("a.b").build();

        String frame = new String(toArray(last.frame(new EncodedEvent().encode(event))), StandardCharsets.UTF_8);

        assertThat(frame).startsWith("{\"type\":\"event\",\"subscription_id\":\"" + session.clientId() + "-12\",\"event\":{");
    }

    private static SubscriptionSpec spec(String id, String topic) {
        return SubscriptionSpec.builder().id(id).topics(topic).build();
    }

    private static byte[] toArray(java.nio.ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
