package io.eventrouter.cli;

import io.eventrouter.config.ConfigException;
import io.eventrouter.config.ConfigLoader;
import io.eventrouter.config.RouterConfig;
import io.eventrouter.config.Setting;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings in {@code router.properties}: read, changed, validated with the router's own
 * rules ({@link ConfigLoader}) and written back in a stable order. Keys it does not know are
 * kept as they are, so a newer router's settings survive an older CLI.
 */
final class SettingsFile {
    private static final Pattern FLAG_ORIGIN = Pattern.compile("\\(from flag --[a-z0-9-]+\\)");

    private final Path file;
    private final Map<Setting, String> values = new EnumMap<>(Setting.class);
    private final Map<String, String> unknown = new LinkedHashMap<>();

    private SettingsFile(Path file) {
        this.file = file;
    }

    /** The file's settings; a missing file has none. */
    static SettingsFile read(Path file) throws IOException {
        SettingsFile settings = new SettingsFile(file);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return settings;
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + Failures.describe(e), e);
        }
        for (String key : properties.stringPropertyNames()) {
            Setting setting = Setting.fromKey(key.trim());
            if (setting == null) {
                settings.unknown.put(key, properties.getProperty(key));
            } else {
                settings.values.put(setting, properties.getProperty(key).trim());
            }
        }
        return settings;
    }

    Path path() {
        return file;
    }

    /** The value in the file, or null. */
    String get(Setting setting) {
        return values.get(setting);
    }

    /** The value in the file, else the router's default. */
    String effective(Setting setting) {
        String value = values.get(setting);
        return value != null ? value : SettingDefaults.of(setting);
    }

    Map<String, String> unknownKeys() {
        return unknown;
    }

    /**
     * Sets one value after checking it alone, so the error names this setting.
     *
     * @param origin how the value was given, e.g. "--set"; names the source in the error
     * @throws ConfigException with a one-line message when the router would reject the value
     */
    void set(Setting setting, String value, String origin) {
        String trimmed = value.trim();
        Map<Setting, String> one = new EnumMap<>(Setting.class);
        one.put(setting, trimmed);
        try {
            ConfigLoader.load(null, Map.of(), one);
        } catch (ConfigException e) {
            throw reorigin(e, origin);
        }
        values.put(setting, trimmed);
    }

    /** Back to the router's default: the key leaves the file. */
    void unset(Setting setting) {
        values.remove(setting);
    }

    /** All the file's settings together, as the router will load them. */
    RouterConfig validate() {
        try {
            return ConfigLoader.load(null, Map.of(), values);
        } catch (ConfigException e) {
            throw reorigin(e, file.toString());
        }
    }

    /**
     * Values are checked by handing them to {@link ConfigLoader} as flags, so its messages name
     * a flag as their origin; name where the value really came from instead.
     */
    private static ConfigException reorigin(ConfigException e, String origin) {
        return new ConfigException(FLAG_ORIGIN.matcher(e.getMessage()).replaceFirst(
                Matcher.quoteReplacement("(from " + origin + ")")));
    }

    /** Writes the file (and its directory) atomically: a router starting meanwhile reads old or new. */
    void write() throws IOException {
        validate();
        StringBuilder text = new StringBuilder();
        text.append("# Event Router settings, read by 'event-router start'. Edit with 'event-router configure'.\n");
        text.append("# Keys missing here take their defaults; see README.md (Configuration).\n");
        values.forEach((setting, value) -> text.append(line(setting.key(), value)));
        unknown.forEach((key, value) -> text.append(line(key, value)));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + Failures.describe(e), e);
        }
    }

    /** One {@code key=value} line with the escaping {@link Properties} expects. */
    private static String line(String key, String value) {
        Properties single = new Properties();
        single.setProperty(key, value);
        StringWriter buffer = new StringWriter();
        try {
            single.store(buffer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        // store() starts with a "#date" comment line; the entry follows.
        return buffer.toString().lines().filter(l -> !l.startsWith("#")).findFirst().orElseThrow() + "\n";
    }
}
