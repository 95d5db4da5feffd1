package io.eventrouter.management;

import static io.eventrouter.testing.Messages.payload;
import static io.eventrouter.testing.Messages.publish;
import static io.eventrouter.testing.Messages.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventrouter.testing.WsClient;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A real scrape of /metrics, parsed line by line as Prometheus would. */
class MetricsEndpointTest extends AdminRouterTestBase {
    private static final int EVENTS = 12;


    @Test
    void shouldExposeTheRouterSeriesInThePrometheusTextFormat() {
        try (WsClient subscriber = router.client(); WsClient publisher = router.client()) {
            subscriber.request(subscribe("metrics.*"));
            for (int i = 0; i < EVENTS; i++) {
                publisher.request(publish("metrics.tick", i % 10 + 1, payload("i", i)));
            }
            subscriber.collect("event", EVENTS);

            HttpResponse<String> response = http.get("/metrics");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValue("text/plain; version=0.0.4; charset=utf-8");
            Scrape scrape = Scrape.parse(response.body());
            assertThat(scrape.types).containsEntry("router_events_published_total", "counter")
                    .containsEntry("router_events_delivered_total", "counter")
                    .containsEntry("router_events_dropped_total", "counter")
                    .containsEntry("router_queue_depth", "gauge")
                    .containsEntry("router_clients", "gauge")
                    .containsEntry("router_subscriptions", "gauge")
                    .containsEntry("router_delivery_latency_seconds", "histogram");
            assertThat(scrape.value("router_events_published_total")).isEqualTo(EVENTS);
            assertThat(scrape.value("router_clients")).isEqualTo(2);
            assertThat(scrape.value("router_subscriptions")).isEqualTo(1);
            assertThat(scrape.value("router_queue_depth{priority=\"10\"}")).isZero();
            assertThat(scrape.value("router_events_dropped_total{priority=\"3\",reason=\"queue_full\"}")).isZero();
            assertThat(scrape.value("router_events_dropped_total{priority=\"unknown\",reason=\"send_failed\"}"))
                    .isZero();
            for (String reason : new String[] {"queue_full", "evicted", "slow_consumer", "disconnected"}) {
                for (int p = 1; p <= 10; p++) {
                    assertThat(scrape.samples).containsKey(
                            "router_events_dropped_total{priority=\"" + p + "\",reason=\"" + reason + "\"}");
                }
            }
            assertThat(scrape.samples).containsKey("router_delivery_latency_seconds_bucket{le=\"+Inf\"}");

            // The server counts a delivery when its write completes, which may be just after the
            // subscriber read the frame.
            Awaitility.await().atMost(WsClient.WAIT).untilAsserted(() -> {
                Scrape later = Scrape.parse(http.get("/metrics").body());
                assertThat(later.value("router_events_delivered_total")).isEqualTo(EVENTS);
                assertThat(later.value("router_delivery_latency_seconds_count")).isEqualTo(EVENTS);
                assertThat(later.value("router_delivery_latency_seconds_bucket{le=\"+Inf\"}")).isEqualTo(EVENTS);
            });
        }
    }

    /** The samples (series → value) and {@code # TYPE} lines of one scrape. */
    private static final class Scrape {
        final Map<String, String> types = new HashMap<>();
        final Map<String, Double> samples = new HashMap<>();

        static Scrape parse(String body) {
            Scrape scrape = new Scrape();
            for (String line : body.split("\n")) {
                if (line.startsWith("# TYPE ")) {
                    String[] parts = line.split(" ");
                    scrape.types.put(parts[2], parts[3]);
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    int space = line.lastIndexOf(' ');
                    scrape.samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                }
            }
            return scrape;
        }

        double value(String series) {
            assertThat(samples).containsKey(series);
            return samples.get(series);
        }
    }
}
