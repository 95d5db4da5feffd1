package io.eventrouter.management;

import io.eventrouter.admin.ConfigUpdate;
import io.eventrouter.config.ConfigException;
import io.eventrouter.config.ConfigFileWriter;
import io.eventrouter.config.ConfigLoader;
import io.eventrouter.config.RouterConfig;
import io.eventrouter.config.Setting;
import io.eventrouter.routing.Router;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configuration changes made through the admin API. Each change is validated as a whole, saved
 * to the data directory's {@code router.properties} so it survives a restart, and applied at
 * once where the running router can take it; the rest wait for the next start.
 */
final class RuntimeConfiguration {
    static final String ORIGIN = "admin API";
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeConfiguration.class);

    private final Router router;
    private final Path file;
    /** The configuration as saved for the next start: what is in effect plus pending changes. */
    private RouterConfig saved;

    RuntimeConfiguration(Router router) {
        this.router = router;
        this.saved = router.config();
        this.file = ConfigLoader.savedConfigFile(saved);
    }

    /**
     * Validates every change, saves them all, applies those a running router can take.
     *
     * @throws IllegalArgumentException naming an unknown setting or an invalid value; then
     *     nothing was saved or applied
     * @throws IllegalStateException if the file cannot be written; nothing was applied
     */
    synchronized ConfigUpdate update(Map<String, String> changes) {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("No settings given");
        }
        if (changes.containsKey(Setting.DATA_DIR.key())) {
            throw new IllegalArgumentException(Setting.DATA_DIR.key() + " cannot be changed through the admin API: "
                    + "it locates the saved configuration; use " + Setting.DATA_DIR.environmentVariable()
                    + " or " + Setting.DATA_DIR.flag());
        }
        RouterConfig next;
        try {
            next = ConfigLoader.applyChanges(saved, changes, ORIGIN);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        List<Setting> settings = changes.keySet().stream().map(Setting::fromKey).toList();
        save(next, settings);

        RouterConfig current = router.config();
        Map<String, String> live = new LinkedHashMap<>();
        List<String> applied = new ArrayList<>();
        List<String> restartRequired = new ArrayList<>();
        for (Setting setting : settings) {
            if (setting.changeableAtRunTime()) {
                live.put(setting.key(), text(setting, next));
                applied.add(setting.key());
            } else if (Objects.equals(setting.valueIn(next), setting.valueIn(current))) {
                applied.add(setting.key()); // already the value in effect
            } else {
                restartRequired.add(setting.key());
            }
        }
        if (!live.isEmpty()) {
            RouterConfig changed = ConfigLoader.applyChanges(current, live, ORIGIN);
            router.reconfigure(changed);
            if (live.containsKey(Setting.LOG_LEVEL.key())) {
                LogLevels.setRoot(changed.logLevel());
            }
        }
        saved = next;
        LOG.info("Settings changed through the admin API and saved to {}: applied {}, restart required for {}",
                file, applied, restartRequired);
        return new ConfigUpdate(applied, restartRequired);
    }

    /**
     * Every setting's value in effect, the saved values that differ (waiting for a restart),
     * which settings need a restart, and the file changes are saved to.
     */
    synchronized JsonObject describe() {
        RouterConfig current = router.config();
        JsonObjectBuilder settings = Json.createObjectBuilder();
        JsonObjectBuilder pending = Json.createObjectBuilder();
        JsonArrayBuilder restartOnly = Json.createArrayBuilder();
        for (Setting setting : Setting.values()) {
            Object value = setting.valueIn(current);
            add(settings, setting.key(), value);
            Object savedValue = setting.valueIn(saved);
            if (!Objects.equals(savedValue, value)) {
                add(pending, setting.key(), savedValue);
            }
            if (!setting.changeableAtRunTime()) {
                restartOnly.add(setting.key());
            }
        }
        return Json.createObjectBuilder()
                .add("settings", settings)
                .add("pending_restart", pending)
                .add("restart_required_settings", restartOnly)
                .add("saved_to", file.toString())
                .build();
    }

    private void save(RouterConfig next, List<Setting> settings) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Setting setting : settings) {
            // The validated, normalised value ("yes" → true, "debug" → DEBUG), not the raw text.
            values.put(setting.key(), text(setting, next));
        }
        try {
            ConfigFileWriter.update(file, values);
        } catch (IOException e) {
            throw new IllegalStateException("Unable to save the configuration to " + file + ": " + e, e);
        }
    }

    private static String text(Setting setting, RouterConfig config) {
        return String.valueOf(setting.valueIn(config));
    }

    private static void add(JsonObjectBuilder json, String key, Object value) {
        if (value instanceof Integer number) {
            json.add(key, number);
        } else if (value instanceof Long number) {
            json.add(key, number);
        } else if (value instanceof Boolean flag) {
            json.add(key, flag);
        } else {
            json.add(key, String.valueOf(value));
        }
    }
}
