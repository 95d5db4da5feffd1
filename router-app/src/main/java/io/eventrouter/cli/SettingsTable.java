package io.eventrouter.cli;

import io.eventrouter.config.Setting;
import java.io.PrintWriter;
import java.util.Map;

/** {@code configure --show}: each setting, its value, and whether a default or a variable decides it. */
final class SettingsTable {
    private final Map<String, String> environment;

    SettingsTable(Map<String, String> environment) {
        this.environment = environment;
    }

    void print(SettingsFile settings, PrintWriter out) {
        out.println("Settings in " + settings.path() + ":");
        for (Setting setting : Setting.values()) {
            String note = settings.get(setting) == null ? "(default)" : "";
            String variable = environment.get(setting.environmentVariable());
            if (variable != null) {
                note = (note + " (overridden by " + setting.environmentVariable() + "=" + variable + ")").trim();
            }
            row(out, setting.key(), settings.effective(setting), note);
        }
        settings.unknownKeys().forEach((key, value) -> row(out, key, value, "(unknown key: 'start' refuses it)"));
    }

    private static void row(PrintWriter out, String key, String value, String note) {
        out.println(String.format("  %-30s %-12s %s", key, value, note).stripTrailing());
    }
}
