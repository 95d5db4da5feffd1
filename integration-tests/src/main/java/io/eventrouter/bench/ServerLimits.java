package io.eventrouter.bench;

import java.util.List;

/**
 * The limits a scenario needs, passed as the same flags to both servers: the router enforces
 * them, the raw server enforces {@code --max-clients} and has no queues to size.
 */
record ServerLimits(int maxClients, int clientQueueSize, int maxQueueSize) {
    /** The router's defaults. */
    static final ServerLimits DEFAULTS = new ServerLimits(1000, 10_000, 10_000);

    ServerLimits {
        if (maxClients < 1 || clientQueueSize < 1 || maxQueueSize < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxClients + ", " + clientQueueSize
                    + ", " + maxQueueSize);
        }
    }

    /**
     * Limits that hold {@code connections} connections and {@code inFlight} events at once,
     * never below the router's defaults.
     */
    static ServerLimits forLoad(int connections, long inFlight) {
        int queue = (int) Math.min(Integer.MAX_VALUE, Math.max(DEFAULTS.maxQueueSize, 4 * inFlight));
        return new ServerLimits(Math.max(DEFAULTS.maxClients, connections + 16),
                Math.max(DEFAULTS.clientQueueSize, queue), queue);
    }

    List<String> flags() {
        return List.of("--max-clients", Integer.toString(maxClients),
                "--client-queue-size", Integer.toString(clientQueueSize),
                "--max-queue-size", Integer.toString(maxQueueSize));
    }
}
