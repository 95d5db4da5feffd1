package io.eventrouter.cli;

import java.time.Duration;

/** Durations as people read them: "45s", "3m 07s", "2h 05m", "4d 03h". */
final class Durations {
    private Durations() {}

    static String readable(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm %02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return String.format("%dh %02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format("%dd %02dh", seconds / 86_400, seconds % 86_400 / 3600);
    }
}
