package io.eventrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
    @TempDir
    Path data;

    @Test
    void shouldPreferTheFlagThenTheVariableThenTheHomeDirectory() {
        Map<String, String> environment = Map.of("ROUTER_DATA_DIR", "/var/lib/router");

        assertThat(DataDirectory.resolve(Path.of("/srv/router"), environment).root()).isEqualTo(Path.of("/srv/router"));
        assertThat(DataDirectory.resolve(null, environment).root()).isEqualTo(Path.of("/var/lib/router"));
        assertThat(DataDirectory.resolve(null, Map.of()).root())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".event-router").toAbsolutePath());
    }

    @Test
    void shouldResolveARelativeDirectoryToAnAbsoluteOne() {
        assertThat(DataDirectory.resolve(Path.of("router-data"), Map.of()).root())
                .isEqualTo(Path.of("router-data").toAbsolutePath());
    }

    @Test
    void shouldKeepItsFilesInsideTheDirectory() {
        DataDirectory directory = new DataDirectory(data);

        assertThat(directory.pidFile()).isEqualTo(data.resolve("router.pid"));
        assertThat(directory.logFile()).isEqualTo(data.resolve("router.log"));
        assertThat(directory.propertiesFile()).isEqualTo(data.resolve("router.properties"));
    }

    @Test
    void shouldReadRouterPropertiesUnlessAnotherConfigFileIsNamed() throws Exception {
        DataDirectory directory = new DataDirectory(data);
        assertThat(directory.configFile(null, Map.of())).isNull();

        Files.writeString(directory.propertiesFile(), "port=9191\n");
        Path other = Path.of("/etc/router.properties");

        assertThat(directory.configFile(null, Map.of())).isEqualTo(directory.propertiesFile());
        assertThat(directory.configFile(other, Map.of())).isEqualTo(other);
        // null lets ConfigLoader read ROUTER_CONFIG itself, exactly as the bare command does
        assertThat(directory.configFile(null, Map.of("ROUTER_CONFIG", other.toString()))).isNull();
    }
}
