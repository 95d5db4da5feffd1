package io.eventrouter.cli;

import io.eventrouter.config.ConfigLoader;
import io.eventrouter.config.RouterConfig;
import io.eventrouter.config.Setting;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Which router {@code status} and {@code monitor} talk to: {@code --host}/{@code --port} if
 * given; else the URL the running router recorded beside its PID file; else the host and port
 * the router itself would use ({@code ROUTER_HOST}/{@code ROUTER_PORT}, the config file,
 * the defaults), resolved by the same {@link ConfigLoader}.
 */
final class RouterAddress {
    @Option(names = "--host", paramLabel = "HOST", description = "Router host (default: the running router's, else as configured).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Router port (default: the running router's, else as configured).")
    String port;

    URI resolve(DataDirectory directory, Map<String, String> environment, PidFile.State state) {
        if (host == null && port == null && state instanceof PidFile.State.Running running && running.uri() != null) {
            return running.uri();
        }
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        if (host != null) {
            flags.put(Setting.HOST, host);
        }
        if (port != null) {
            flags.put(Setting.PORT, port);
        }
        RouterConfig config = ConfigLoader.load(directory.configFile(null, environment), environment, flags);
        String literal = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return URI.create("ws://" + literal + ":" + config.port() + "/");
    }
}
