package io.eventrouter.management;

import static io.eventrouter.testing.Messages.type;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.eventrouter.config.RouterConfig;
import io.eventrouter.testing.AdminHttp;
import io.eventrouter.testing.RunningRouter;
import io.eventrouter.testing.WsClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** GET and PUT /admin/api/config against a real router whose data directory is a temporary one. */
class ConfigApiTest {
    private static final String CONFIG = "/admin/api/config";

    @TempDir
    Path dataDir;

    private RunningRouter router;
    private AdminHttp http;

    @BeforeEach
    void start() {
        router = RunningRouter.start(RouterConfig.builder().dataDir(dataDir).maxClients(50));
        http = new AdminHttp(router);
    }

    @AfterEach
    void stop() {
        router.close();
    }

    @Test
    void shouldShowEverySettingInEffectAndWhichNeedARestart() {
        JsonObject config = http.getJson(CONFIG);

        JsonObject settings = config.getJsonObject("settings");
        assertThat(settings.keySet()).contains("host", "port", "max_queue_size", "max_clients", "use_multi_queue",
                "max_frame_size", "max_subscriptions_per_client", "client_queue_size", "slow_consumer_drop_limit",
                "idle_timeout_seconds", "shutdown_timeout_seconds", "log_level", "data_dir");
        assertThat(settings.getInt("max_clients")).isEqualTo(50);
        assertThat(settings.getBoolean("use_multi_queue")).isFalse();
        assertThat(settings.getString("data_dir")).isEqualTo(dataDir.toString());
        assertThat(config.getJsonObject("pending_restart")).isEmpty();
        assertThat(strings(config, "restart_required_settings"))
                .containsExactlyInAnyOrder("host", "port", "max_queue_size", "use_multi_queue", "max_frame_size",
                        "data_dir");
        assertThat(config.getString("saved_to")).isEqualTo(dataDir.resolve("router.properties").toString());
    }

    @Test
    void shouldApplyARunTimeSettingAtOnceAndSaveIt() throws IOException {
        try (WsClient first = router.client()) {
            HttpResponse<String> response = http.put(CONFIG, "{\"max_clients\": 1}");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonObject update = AdminHttp.json(response);
            assertThat(strings(update, "applied")).containsExactly("max_clients");
            assertThat(strings(update, "restart_required")).isEmpty();
            assertThat(update.getJsonObject("config").getJsonObject("settings").getInt("max_clients")).isEqualTo(1);

            try (WsClient second = WsClient.connect(router.uri())) {
                assertThat(second.next().getString("code")).isEqualTo("max_clients_reached");
                assertThat(second.awaitClose()).isEqualTo(1013);
            }
            assertThat(first.request(type("ping")).getString("type")).isEqualTo("pong");
            assertThat(saved()).containsEntry("max_clients", "1");
        }
    }

    @Test
    void shouldSaveARestartSettingWithoutApplyingIt() throws IOException {
        HttpResponse<String> response = http.put(CONFIG, "{\"port\": 9191, \"client_queue_size\": \"500\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject update = AdminHttp.json(response);
        assertThat(strings(update, "applied")).containsExactly("client_queue_size");
        assertThat(strings(update, "restart_required")).containsExactly("port");
        JsonObject config = http.getJson(CONFIG);
        assertThat(config.getJsonObject("settings").getInt("port")).isZero();
        assertThat(config.getJsonObject("settings").getInt("client_queue_size")).isEqualTo(500);
        assertThat(config.getJsonObject("pending_restart").toString()).isEqualTo("{\"port\":9191}");
        assertThat(saved()).containsEntry("port", "9191").containsEntry("client_queue_size", "500");
        assertThat(router.server().router().config().port()).isZero();
        try (WsClient stillServed = router.client()) {
            assertThat(stillServed.request(type("ping")).getString("type")).isEqualTo("pong");
        }
    }

    @Test
    void shouldSaveNormalisedValues() throws IOException {
        HttpResponse<String> response = http.put(CONFIG, "{\"use_multi_queue\": \"yes\", \"idle_timeout_seconds\": 30}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(saved()).containsEntry("use_multi_queue", "true").containsEntry("idle_timeout_seconds", "30");
        assertThat(router.server().router().config().idleTimeout()).hasSeconds(30);
    }

    @ParameterizedTest(name = "body {0}")
    @CsvSource(delimiter = '|', value = {
        "{\"max_clients\": -1}                  | invalid value '-1' for max_clients (from admin API): max_clients must be a positive integer",
        "{\"max_clients\": \"lots\"}            | invalid value 'lots' for max_clients (from admin API): expected an integer",
        "{\"max_clients\": 2.5}                 | expected an integer",
        "{\"max_clientz\": 5}                   | unknown setting 'max_clientz'",
        "{\"max_clients\": 5, \"port\": 70000}  | port must be from 0 to 65535",
        "{\"max_clients\": null}                | The value of 'max_clients' must be a string, number or boolean, not null",
        "{\"max_clients\": [5]}                 | must be a string, number or boolean, not array",
        "{\"data_dir\": \"/tmp/elsewhere\"}     | data_dir cannot be changed through the admin API",
        "{}                                     | names no settings",
        "not json                               | The body is not valid JSON",
        "[{\"max_clients\": 5}]                 | The body must be a JSON object of settings",
        "''                                     | The body is not valid JSON",
    })
    void shouldRefuseInvalidChangesWith400AndChangeNothing(String body, String message) {
        JsonObject before = http.getJson(CONFIG);

        HttpResponse<String> response = http.put(CONFIG, body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject error = AdminHttp.json(response);
        assertThat(error.getInt("status")).isEqualTo(400);
        assertThat(error.getString("error")).contains(message);
        assertThat(http.getJson(CONFIG)).isEqualTo(before);
        assertThat(router.server().router().config().maxClients()).isEqualTo(50);
        assertThat(dataDir.resolve("router.properties")).doesNotExist();
    }

    @Test
    void shouldRefuseABodyThatIsNotJsonWith415() {
        HttpResponse<String> response = http.put(CONFIG, "max_clients=5", "application/x-www-form-urlencoded");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(AdminHttp.json(response).getString("error")).contains("application/json");
        assertThat(router.server().router().config().maxClients()).isEqualTo(50);
    }

    @Test
    void shouldChangeTheRootLogLevelAtOnce() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        try {
            HttpResponse<String> response = http.put(CONFIG, "{\"log_level\": \"error\"}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(root.getLevel()).isEqualTo(Level.ERROR);
            assertThat(http.getJson(CONFIG).getJsonObject("settings").getString("log_level")).isEqualTo("ERROR");
        } finally {
            root.setLevel(before);
        }
    }

    private Properties saved() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve("router.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    private static List<String> strings(JsonObject json, String key) {
        return json.getJsonArray(key).getValuesAs(JsonString::getString);
    }
}
