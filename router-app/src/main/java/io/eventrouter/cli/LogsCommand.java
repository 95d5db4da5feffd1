package io.eventrouter.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code logs}: the end of {@code <data-dir>/router.log}, and with {@code -f} what follows. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Print the end of the background router's log (<data-dir>/router.log); -f keeps printing "
                + "what it writes until Ctrl-C.",
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILURE_LINE, ExitCode.USAGE_LINE})
final class LogsCommand extends DataDirectoryCommand {
    /**
     * Following polls the file: portable, and a log line reaching the screen a quarter second
     * late is fine (file-watch events are not delivered on every platform or file system).
     */
    private static final Duration FOLLOW_POLL = Duration.ofMillis(250);

    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "20",
            description = "How many lines from the end to print (default: ${DEFAULT-VALUE}).")
    int lines;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines as the router writes them.")
    boolean follow;

    LogsCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (lines < 0) {
            err().println("error: -n must not be negative, got " + lines);
            return ExitCode.USAGE;
        }
        Path log = dataDirectory().logFile();
        if (!Files.isRegularFile(log)) {
            err().println("error: no log file at " + log + "; 'event-router start --daemon' writes it");
            return ExitCode.FAILURE;
        }
        try (LogFile file = LogFile.open(log).lastLines(lines)) {
            file.copyNew(out());
            while (follow) {
                Thread.sleep(FOLLOW_POLL.toMillis());
                if (!file.copyNew(out())) {
                    err().println("(" + log + " was truncated or replaced; reading it from the start)");
                }
            }
        }
        return ExitCode.OK;
    }
}
