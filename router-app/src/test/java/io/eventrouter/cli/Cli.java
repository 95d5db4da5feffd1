package io.eventrouter.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

/** Runs the command line in this JVM with given input, capturing what it prints. */
final class Cli {
    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Cli() {}

    static Result run(Map<String, String> environment, String input, Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] text = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = String.valueOf(args[i]);
        }
        int exitCode = Main.run(environment, new BufferedReader(new StringReader(input)),
                new PrintWriter(out, true), new PrintWriter(err, true), text);
        return new Result(exitCode, out.toString(), err.toString());
    }

    static Result run(Object... args) {
        return run(Map.of(), "", args);
    }
}
