package io.eventrouter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.protocol.SubscriptionSpec;
import io.eventrouter.session.ClientSession;
import io.eventrouter.session.Subscription;
import io.eventrouter.testing.InstantTransport;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions that ask for the same thing share one spec; a topic's matches come once per
 * subscription, and the cached matches follow every subscribe and unsubscribe.
 */
class SubscriptionRegistryTest {
    private final SubscriptionRegistry registry = new SubscriptionRegistry();
    private final RouterStats stats = new RouterStats((s, reason) -> { }, (s, failure) -> { }, nanos -> { });
    private final ClientSession session = new ClientSession(new InstantTransport(), null, stats, 100, 10);

    @Test
    void shouldMatchEachSubscriptionOnceEvenWhenSeveralOfItsPatternsMatch() {
        Subscription both = subscribe("orders.*", "orders.#", "orders.created");
        Subscription other = subscribe("payments.*");

        assertThat(registry.matching("orders.created")).containsExactly(both);
        assertThat(registry.matching("payments.failed")).containsExactly(other);
        assertThat(registry.matching("invoices.created")).isEmpty();
    }

    @Test
    void shouldAnswerARepeatedTopicFromTheCache() {
        Subscription subscription = subscribe("orders.*");

        Subscription[] first = registry.matching("orders.created");
        Subscription[] again = registry.matching("orders.created");

        assertThat(again).isSameAs(first).containsExactly(subscription);
        assertThat(registry.cachedTopics()).isEqualTo(1);
    }

    @Test
    void shouldSeeASubscriptionAddedAfterTheTopicWasCached() {
        Subscription first = subscribe("orders.*");
        assertThat(registry.matching("orders.created")).containsExactly(first);

        Subscription second = subscribe("orders.created");

        assertThat(registry.matching("orders.created")).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void shouldStopMatchingASubscriptionOnceRemoved() {
        Subscription kept = subscribe("orders.*");
        Subscription removed = subscribe("orders.#");
        Subscription alsoRemoved = subscribe("#");
        assertThat(registry.matching("orders.created")).containsExactlyInAnyOrder(kept, removed, alsoRemoved);

        registry.remove(removed);
        assertThat(registry.matching("orders.created")).containsExactlyInAnyOrder(kept, alsoRemoved);

        registry.removeAll(java.util.List.of(alsoRemoved, kept));
        assertThat(registry.matching("orders.created")).isEmpty();
    }

    @Test
    void shouldStartTheCacheOverRatherThanHoldMoreTopicsThanItsBound() {
        Subscription all = subscribe("#");

        for (int i = 0; i <= MatchCache.MAX_TOPICS; i++) {
            assertThat(registry.matching("topic" + i)).containsExactly(all);
            assertThat(registry.cachedTopics()).isBetween(1, MatchCache.MAX_TOPICS);
        }
        assertThat(registry.cachedTopics()).isEqualTo(1);
    }

    @Test
    void shouldBoundTheMatchesItHoldsWhenManySubscriptionsMatchEveryTopic() {
        int subscriptions = 10_000;
        subscribeMany("#", subscriptions);

        for (int i = 0; i < 100; i++) {
            assertThat(registry.matching("topic" + i)).hasSize(subscriptions).doesNotHaveDuplicates();
            assertThat(registry.cachedMatches()).isBetween(subscriptions, MatchCache.MAX_MATCHES);
        }
        assertThat(registry.cachedTopics()).isLessThan(100);
    }

    @Test
    void shouldNotCacheATopicThatMatchesMoreSubscriptionsThanItsLimit() {
        int subscriptions = MatchCache.MAX_MATCHES_PER_TOPIC + 1;
        subscribeMany("orders.*", subscriptions);

        assertThat(registry.matching("orders.created")).hasSize(subscriptions);
        assertThat(registry.matching("orders.created")).hasSize(subscriptions);
        assertThat(registry.cachedTopics()).isZero();
    }

    /** {@code count} subscriptions to {@code pattern}, a few per connection as agents have. */
    private void subscribeMany(String pattern, int count) {
        ClientSession owner = null;
        for (int i = 0; i < count; i++) {
            if (i % 10 == 0) {
                owner = new ClientSession(new InstantTransport(), null, stats, 100, 10);
            }
            registry.add(owner.addSubscription(SubscriptionSpec.of(pattern)));
        }
    }

    private Subscription subscribe(String... patterns) {
        Subscription subscription = session.addSubscription(SubscriptionSpec.builder().topics(patterns).build());
        registry.add(subscription);
        return subscription;
    }

    @Test
    void shouldHandEqualSpecsOneSharedInstance() {
        SubscriptionSpec first = registry.shared(SubscriptionSpec.builder().topics(new String("orders.*")).build());
        SubscriptionSpec second = registry.shared(SubscriptionSpec.builder().topics(new String("orders.*")).build());

        assertThat(second).isSameAs(first);
        assertThat(first.topics().get(0)).isSameAs("orders.*");
    }

    @Test
    void shouldKeepSpecsThatDifferApart() {
        SubscriptionSpec plain = registry.shared(SubscriptionSpec.of("orders.*"));
        SubscriptionSpec filtered = registry.shared(SubscriptionSpec.builder().topics("orders.*").minPriority(7).build());
        SubscriptionSpec named = registry.shared(SubscriptionSpec.builder().id("mine").topics("orders.*").build());

        assertThat(filtered).isNotSameAs(plain).isEqualTo(SubscriptionSpec.builder().topics("orders.*").minPriority(7).build());
        assertThat(named.id()).isEqualTo("mine");
        assertThat(named).isNotSameAs(plain);
        assertThat(filtered.topics().get(0)).isSameAs(plain.topics().get(0));
    }
}
