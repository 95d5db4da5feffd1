package io.eventrouter.bench;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the results table and writes it as JSON ({@code results-<timestamp>.json} and
 * {@code latest.json}) and as Markdown ({@code latest.md}, for the README).
 */
final class ReportWriter {
    private static final String[] HEADER = {"Scenario", "Metric", "Router", "Raw Jetty", "Router/Raw", "Target", "Result"};

    private ReportWriter() {}

    static String table(Report report) {
        List<String[]> lines = cells(report);
        int[] widths = new int[HEADER.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < lines.size(); n++) {
            String[] line = lines.get(n);
            for (int i = 0; i < line.length; i++) {
                String cell = line[i];
                boolean right = i >= 2 && i <= 4;
                out.append(right ? pad(cell, widths[i], true) : pad(cell, widths[i], false));
                out.append(i == line.length - 1 ? "\n" : "  ");
            }
            if (n == 0) {
                for (int i = 0; i < widths.length; i++) {
                    out.append("-".repeat(widths[i])).append(i == widths.length - 1 ? "\n" : "  ");
                }
            }
        }
        out.append(notes(report));
        return out.toString();
    }

    static String markdown(Report report) {
        List<String[]> lines = cells(report);
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < lines.size(); n++) {
            out.append("| ").append(String.join(" | ", lines.get(n))).append(" |\n");
            if (n == 0) {
                out.append("|---|---|---:|---:|---:|---|---|\n");
            }
        }
        String notes = notes(report);
        if (!notes.isEmpty()) {
            out.append('\n').append(notes);
        }
        return out.toString();
    }

    private static List<String[]> cells(Report report) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Row row : report.rows()) {
            double ratio = row.ratio();
            lines.add(new String[] {row.scenario(), row.metric(), format(row.unit(), row.router()),
                    format(row.unit(), row.raw()), Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio),
                    row.target().isEmpty() ? "-" : row.target(),
                    row.pass() == null ? "info" : row.pass() ? "PASS" : "FAIL"});
        }
        return lines;
    }

    private static String notes(Report report) {
        StringBuilder out = new StringBuilder();
        for (Report.Result result : report.results()) {
            String problems = Row.problems(result.router(), result.raw());
            if (problems != null) {
                out.append("* ").append(result.scenario().name()).append(": ").append(problems).append('\n');
            }
        }
        return out.toString();
    }

    static String format(Row.Unit unit, double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return switch (unit) {
            case PER_SECOND -> String.format(Locale.ROOT, "%,.0f/s", value);
            case MICROS -> String.format(Locale.ROOT, "%.3f ms", value / 1000);
            case CPU_MICROS -> String.format(Locale.ROOT, "%.1f us", value);
            case KILOBYTES -> String.format(Locale.ROOT, "%.1f kB", value);
            case COUNT -> String.format(Locale.ROOT, "%,.0f", value);
            case SECONDS -> String.format(Locale.ROOT, "%.2f s", value);
        };
    }

    private static String pad(String text, int width, boolean right) {
        String padding = " ".repeat(Math.max(0, width - text.length()));
        return right ? padding + text : text + padding;
    }

    /** Writes {@code results-<stamp>.json}, {@code latest.json} and {@code latest.md}; returns the first. */
    static Path write(Report report, Path directory, String stamp) throws IOException {
        Files.createDirectories(directory);
        Path json = directory.resolve("results-" + stamp + ".json");
        Files.writeString(json, json(report), StandardCharsets.UTF_8);
        Files.copy(json, directory.resolve("latest.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(directory.resolve("latest.md"), markdown(report), StandardCharsets.UTF_8);
        return json;
    }

    static String json(Report report) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createGenerator(text)) {
            out.writeStartObject();
            out.write("date", report.date());
            out.write("mode", report.mode());
            out.write("command", report.command());
            out.write("duration_s", round(report.durationSeconds()));
            out.writeStartObject("machine");
            report.machine().forEach((key, value) -> writeValue(out, key, value));
            out.writeEnd();
            out.writeStartArray("server_jvm_options");
            report.serverJvmOptions().forEach(out::write);
            out.writeEnd();
            out.writeStartObject("summary");
            out.write("rows", report.rows().size());
            out.write("passed", report.passed());
            out.write("failed", report.failed());
            out.writeEnd();
            out.writeStartArray("rows");
            for (Row row : report.rows()) {
                writeRow(out, row);
            }
            out.writeEnd();
            out.writeStartArray("scenarios");
            for (Report.Result result : report.results()) {
                writeResult(out, result);
            }
            out.writeEnd();
            out.writeEnd();
        }
        return text + "\n";
    }

    private static void writeRow(JsonGenerator out, Row row) {
        out.writeStartObject();
        out.write("scenario", row.scenario());
        out.write("metric", row.metric());
        out.write("unit", row.unit().name().toLowerCase(Locale.ROOT));
        writeNumber(out, "router", row.router());
        writeNumber(out, "raw", row.raw());
        writeNumber(out, "ratio", row.ratio());
        out.write("target", row.target());
        if (row.pass() == null) {
            out.writeNull("pass");
        } else {
            out.write("pass", row.pass());
        }
        if (row.note() != null) {
            out.write("note", row.note());
        }
        out.writeEnd();
    }

    private static void writeResult(JsonGenerator out, Report.Result result) {
        out.writeStartObject();
        out.write("name", result.scenario().name());
        out.write("group", result.scenario().group());
        out.writeStartObject("settings");
        result.scenario().settings().forEach((key, value) -> writeValue(out, key, value));
        out.writeEnd();
        out.writeStartObject("limits");
        out.write("max_clients", result.limits().maxClients());
        out.write("client_queue_size", result.limits().clientQueueSize());
        out.write("max_queue_size", result.limits().maxQueueSize());
        out.writeEnd();
        writeMeasurement(out, "router", result.router());
        writeMeasurement(out, "raw", result.raw());
        out.writeEnd();
    }

    private static void writeMeasurement(JsonGenerator out, String name, Measurement m) {
        out.writeStartObject(name);
        out.write("correct", m.correct());
        if (m.failure() != null) {
            out.write("failure", m.failure());
        }
        out.writeStartObject("figures");
        m.figures().forEach((key, value) -> writeValue(out, key, value));
        out.writeEnd();
        out.writeStartObject("checks");
        m.checks().forEach(out::write);
        out.writeEnd();
        out.writeStartArray("notes");
        m.notes().forEach(out::write);
        out.writeEnd();
        out.writeEnd();
    }

    private static void writeValue(JsonGenerator out, String key, Object value) {
        if (value == null) {
            out.writeNull(key);
        } else if (value instanceof Integer || value instanceof Long) {
            out.write(key, ((Number) value).longValue());
        } else if (value instanceof Number number) {
            writeNumber(out, key, number.doubleValue());
        } else if (value instanceof Boolean bool) {
            out.write(key, bool);
        } else {
            out.write(key, value.toString());
        }
    }

    private static void writeNumber(JsonGenerator out, String key, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            out.writeNull(key);
        } else {
            out.write(key, round(value));
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
