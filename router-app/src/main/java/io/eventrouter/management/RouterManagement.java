package io.eventrouter.management;

import io.eventrouter.admin.ClientInfo;
import io.eventrouter.admin.ConfigUpdate;
import io.eventrouter.admin.RouterAdmin;
import io.eventrouter.admin.SubscriptionInfo;
import io.eventrouter.protocol.Health;
import io.eventrouter.protocol.SubscriptionSpec;
import io.eventrouter.routing.Router;
import io.eventrouter.session.ClientSession;
import io.eventrouter.session.Subscription;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/** The router as the admin API sees it: {@link RouterAdmin} over the {@link Router} bean. */
@ApplicationScoped
public class RouterManagement implements RouterAdmin {
    private Router router;
    private PrometheusMeterRegistry meters;
    private RuntimeConfiguration configuration;

    /** For CDI's proxy only. */
    protected RouterManagement() {}

    @Inject
    public RouterManagement(Router router, PrometheusMeterRegistry meters) {
        this.router = router;
        this.meters = meters;
        this.configuration = new RuntimeConfiguration(router);
    }

    @Override
    public Health health() {
        return router.health();
    }

    @Override
    public JsonObject stats() {
        return router.stats();
    }

    @Override
    public List<ClientInfo> clients() {
        return router.clients().stream().map(RouterManagement::client).toList();
    }

    @Override
    public List<SubscriptionInfo> subscriptions() {
        return router.clients().stream()
                .flatMap(client -> client.subscriptions().stream().map(RouterManagement::subscription))
                .toList();
    }

    @Override
    public boolean disconnect(String clientId, String reason) {
        return router.disconnect(clientId, reason);
    }

    @Override
    public JsonObject config() {
        return configuration.describe();
    }

    @Override
    public ConfigUpdate updateConfig(Map<String, String> changes) {
        return configuration.update(changes);
    }

    @Override
    public String prometheusMetrics() {
        return meters.scrape();
    }

    @Override
    public boolean isReady() {
        return router.isAccepting();
    }

    private static ClientInfo client(ClientSession session) {
        List<String> subscriptionIds = session.subscriptions().stream().map(Subscription::id).toList();
        return new ClientInfo(session.clientId(), session.clientName(), session.remoteAddress(),
                session.connectedAt(), subscriptionIds, session.pendingEvents());
    }

    private static SubscriptionInfo subscription(Subscription subscription) {
        SubscriptionSpec spec = subscription.spec();
        ClientSession owner = subscription.owner();
        return new SubscriptionInfo(subscription.id(), owner.clientId(), owner.clientName(), spec.topics(),
                spec.types(), spec.priorities(), spec.sources());
    }
}
