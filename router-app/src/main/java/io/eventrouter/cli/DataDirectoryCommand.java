package io.eventrouter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every management command shares: the environment, {@code --data-dir} and its output. */
abstract class DataDirectoryCommand implements Callable<Integer> {
    final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "PID file, log and router.properties live here (default: $ROUTER_DATA_DIR, else ~/.event-router).")
    Path dataDirOption;

    DataDirectoryCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    DataDirectory dataDirectory() {
        return DataDirectory.resolve(dataDirOption, environment);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Whether {@code seconds}, the value of {@code option}, is positive; if not, says so on stderr. */
    boolean positiveSeconds(String option, int seconds) {
        if (seconds > 0) {
            return true;
        }
        err().println("error: " + option + " must be a positive number of seconds, got " + seconds);
        return false;
    }
}
