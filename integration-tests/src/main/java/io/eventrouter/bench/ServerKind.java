package io.eventrouter.bench;

import java.nio.file.Path;
import java.util.List;

/** The two servers every scenario runs against. */
enum ServerKind {
    /** The Event Router, from its executable jar. */
    ROUTER("router"),
    /** {@link RawJettyServer}: the transport alone. */
    RAW("raw");

    final String label;

    ServerKind(String label) {
        this.label = label;
    }

    /** What follows {@code java <jvm flags>} to start this server. */
    List<String> launchArguments(Path routerJar, String generatorClasspath) {
        return this == ROUTER
                ? List.of("-jar", routerJar.toString())
                : List.of("-cp", generatorClasspath, RawJettyServer.class.getName());
    }
}
