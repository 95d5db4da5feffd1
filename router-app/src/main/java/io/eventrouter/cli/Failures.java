package io.eventrouter.cli;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns exceptions into the short reason a person reads after "error: ". */
final class Failures {
    private Failures() {}

    static String describe(Throwable problem) {
        Throwable cause = problem;
        // Future wrappers say nothing of their own; the reason is inside.
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer (timed out)";
        }
        if (cause.getMessage() != null) {
            return cause.getMessage();
        }
        return cause.getCause() != null ? describe(cause.getCause()) : cause.getClass().getSimpleName();
    }
}
