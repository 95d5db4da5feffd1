package io.eventrouter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientOptionsTest {

    @Test
    void shouldDefaultToTheOriginalClientsSettings() {
        ClientOptions options = ClientOptions.defaults();
        assertThat(options.urls()).containsExactly(URI.create("ws://localhost:9090"));
        assertThat(options.autoReconnect()).isTrue();
        assertThat(options.reconnectInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.maxReconnectInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.reconnectDecay()).isEqualTo(1.5);
        assertThat(options.heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.clientName()).isNull();
        assertThat(options.offlineBufferSize()).isEqualTo(ClientOptions.DEFAULT_OFFLINE_BUFFER_SIZE);
    }

    @Test
    void shouldKeepSeveralUrlsForFailover() {
        ClientOptions options = ClientOptions.builder()
                .urls(List.of(URI.create("ws://a:1/"), URI.create("ws://b:2/"))).build();
        assertThat(options.urls()).hasSize(2);
    }

    @Test
    void shouldRejectInvalidSettingsWithClearMessages() {
        assertThatThrownBy(() -> ClientOptions.builder().url("http://x").build()).hasMessageContaining("ws://");
        assertThatThrownBy(() -> ClientOptions.builder().urls(List.of()).build()).hasMessageContaining("url");
        assertThatThrownBy(() -> ClientOptions.builder().timeout(Duration.ZERO).build()).hasMessageContaining("timeout");
        assertThatThrownBy(() -> ClientOptions.builder().reconnectInterval(Duration.ofSeconds(5))
                .maxReconnectInterval(Duration.ofSeconds(1)).build()).hasMessageContaining("maxReconnectInterval");
        assertThatThrownBy(() -> ClientOptions.builder().offlineBufferSize(-1).build()).hasMessageContaining("offlineBufferSize");
    }
}
