package io.eventrouter.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileWriterTest {
    @TempDir
    Path dir;

    @Test
    void shouldCreateTheFileAndItsDirectory() throws IOException {
        Path file = dir.resolve("nested/router.properties");

        ConfigFileWriter.update(file, Map.of("max_clients", "20"));

        assertThat(Files.readAllLines(file)).containsExactly("max_clients=20");
        assertThat(read(file)).containsEntry("max_clients", "20");
    }

    @Test
    void shouldReplaceKeysInPlaceKeepCommentsAndAppendNewKeys() throws IOException {
        Path file = Files.writeString(dir.resolve("router.properties"), String.join("\n",
                "# written by hand", "port = 9191", "", "! another comment", "max_clients: 5", "log_level=INFO") + "\n");
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("max_clients", "50");
        changes.put("use_multi_queue", "true");

        ConfigFileWriter.update(file, changes);

        assertThat(Files.readAllLines(file)).containsExactly("# written by hand", "port = 9191", "",
                "! another comment", "max_clients=50", "log_level=INFO", "use_multi_queue=true");
    }

    @Test
    void shouldReplaceAValueSpreadOverContinuationLinesAndDropRepeats() throws IOException {
        Path file = Files.writeString(dir.resolve("router.properties"), String.join("\n",
                "host=exam\\", "  ple.org", "# comment ending in a backslash \\", "port=1", "host=again") + "\n");

        ConfigFileWriter.update(file, Map.of("host", "0.0.0.0"));

        assertThat(Files.readAllLines(file)).containsExactly("host=0.0.0.0", "# comment ending in a backslash \\",
                "port=1");
        assertThat(read(file)).containsEntry("host", "0.0.0.0").containsEntry("port", "1");
    }

    @Test
    void shouldEscapeValuesSoTheyReadBackUnchanged() throws IOException {
        Path file = dir.resolve("router.properties");

        ConfigFileWriter.update(file, Map.of("host", " C:\\odd\tvalue"));

        assertThat(read(file)).containsEntry("host", " C:\\odd\tvalue");
        assertThat(ConfigFileWriter.keyOf("  key=value")).isEqualTo("key");
        assertThat(ConfigFileWriter.keyOf("# key=value")).isNull();
    }

    private static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
