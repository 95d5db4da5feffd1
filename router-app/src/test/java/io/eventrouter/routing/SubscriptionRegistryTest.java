package io.eventrouter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.protocol.SubscriptionSpec;
import org.junit.jupiter.api.Test;

/** Subscriptions that ask for the same thing share one spec. */
class SubscriptionRegistryTest {
    private final SubscriptionRegistry registry = new SubscriptionRegistry();

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
