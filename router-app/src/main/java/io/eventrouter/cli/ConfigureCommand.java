package io.eventrouter.cli;

import io.eventrouter.config.ConfigException;
import io.eventrouter.config.Setting;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code configure}: edits {@code <data-dir>/router.properties}, the file {@code start} reads,
 * either by asking for each setting or with {@code --set}/{@code --unset} for scripts. Every
 * value passes the router's own validation before anything is written.
 */
@Command(name = "configure", mixinStandardHelpOptions = true,
        description = {"Edit <data-dir>/router.properties, the settings 'start' uses.",
                "Without options, asks for each setting with its current value as the default "
                + "(Enter keeps it, '-' restores the router's default).",
                "Keys are those of the Configuration table in README.md; --show lists them with their values."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILURE_LINE, ExitCode.USAGE_LINE})
final class ConfigureCommand extends DataDirectoryCommand {
    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set a value, e.g. --set max_clients=500 (repeatable).")
    List<String> assignments = new ArrayList<>();

    @Option(names = "--unset", paramLabel = "KEY", description = "Remove a value so the default applies (repeatable).")
    List<String> removals = new ArrayList<>();

    @Option(names = "--show", description = "Print the settings (after any --set and --unset).")
    boolean show;

    private final BufferedReader in;

    ConfigureCommand(Map<String, String> environment, BufferedReader in) {
        super(environment);
        this.in = in;
    }

    @Override
    public Integer call() throws IOException {
        DataDirectory directory = dataDirectory();
        SettingsFile settings = SettingsFile.read(directory.propertiesFile());
        if (assignments.isEmpty() && removals.isEmpty() && !show) {
            return interactive(settings, directory);
        }
        if (!assignments.isEmpty() || !removals.isEmpty()) {
            try {
                removals.forEach(key -> settings.unset(setting(key)));
                for (String assignment : assignments) {
                    int equals = assignment.indexOf('=');
                    if (equals < 0) {
                        throw new ConfigException("--set needs KEY=VALUE, got '" + assignment + "'");
                    }
                    settings.set(setting(assignment.substring(0, equals).trim()), assignment.substring(equals + 1), "--set");
                }
                settings.write();
            } catch (ConfigException e) {
                err().println("error: " + e.getMessage());
                return ExitCode.USAGE;
            }
            out().println("Saved " + settings.path() + ".");
            hintRestart(directory);
        }
        if (show) {
            new SettingsTable(environment).print(settings, out());
        }
        return ExitCode.OK;
    }

    private int interactive(SettingsFile settings, DataDirectory directory) throws IOException {
        PrintWriter out = out();
        out.println("Settings in " + settings.path() + " (Enter keeps the value in brackets, '-' restores the default).");
        warnAboutUnknownKeys(settings);
        for (Setting setting : Setting.values()) {
            while (true) {
                out.print(setting.key() + " - " + setting.description() + " [" + settings.effective(setting) + "]: ");
                out.flush();
                String answer = in.readLine();
                if (answer == null) {
                    out.println();
                    err().println("error: the input ended before every setting was answered; nothing was saved");
                    return ExitCode.FAILURE;
                }
                try {
                    if (answer.trim().equals("-")) {
                        settings.unset(setting);
                    } else if (!answer.isBlank()) {
                        settings.set(setting, answer, "your answer");
                    }
                    break;
                } catch (ConfigException e) {
                    out.println("  " + e.getMessage() + "; try again");
                }
            }
        }
        try {
            settings.write();
        } catch (ConfigException e) {
            err().println("error: " + e.getMessage());
            return ExitCode.USAGE;
        }
        out.println("Saved " + settings.path() + ".");
        hintRestart(directory);
        return ExitCode.OK;
    }

    private static Setting setting(String key) {
        Setting setting = Setting.fromKey(key.trim());
        if (setting == null) {
            List<String> keys = new ArrayList<>();
            for (Setting known : Setting.values()) {
                keys.add(known.key());
            }
            throw new ConfigException("unknown setting '" + key + "'; known: " + String.join(", ", keys));
        }
        return setting;
    }

    private void warnAboutUnknownKeys(SettingsFile settings) {
        settings.unknownKeys().keySet().forEach(key -> err().println(
                "warning: " + settings.path() + " has the unknown key '" + key + "'; it is kept, but 'start' refuses it"));
    }

    /** A running router keeps the settings it started with; say so rather than let people wonder. */
    private void hintRestart(DataDirectory directory) throws IOException {
        if (new PidFile(directory).check() instanceof PidFile.State.Running running) {
            out().println("The running router (pid " + running.process().pid()
                    + ") keeps its settings until 'event-router restart'.");
        }
    }
}
