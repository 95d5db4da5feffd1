package io.eventrouter.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes settings into a properties file, keeping everything else in it: a line setting a given
 * key is replaced in place, other lines (comments included) stay as they are, and keys not yet in
 * the file are appended. Someone may have written the file by hand; {@link
 * java.util.Properties#store} would drop their comments and order.
 */
public final class ConfigFileWriter {
    private ConfigFileWriter() {}

    /**
     * Sets {@code values} (key → value) in {@code file}, creating it and its directory if needed.
     * The file is replaced atomically where the file system allows, so a crash mid-write cannot
     * leave half a configuration behind.
     */
    public static void update(Path file, Map<String, String> values) throws IOException {
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        Map<String, String> pending = new LinkedHashMap<>(values);
        List<String> result = new ArrayList<>(lines.size() + pending.size());
        boolean continuing = false;
        boolean replacing = false;
        for (String line : lines) {
            boolean continuesEntry = continuing;
            continuing = continues(line, continuesEntry);
            if (continuesEntry) {
                if (!replacing) {
                    result.add(line);
                }
                continue;
            }
            String key = keyOf(line);
            replacing = key != null && values.containsKey(key);
            if (!replacing) {
                result.add(line);
            } else if (pending.containsKey(key)) {
                // The first line setting the key is replaced in place; any later repeat is dropped.
                result.add(entry(key, pending.remove(key)));
            }
        }
        pending.forEach((key, value) -> result.add(entry(key, value)));
        write(file, result);
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        try {
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The key a line sets, or null for blank and comment lines. */
    static String keyOf(String line) {
        String trimmed = line.stripLeading();
        if (trimmed.isEmpty() || trimmed.charAt(0) == '#' || trimmed.charAt(0) == '!') {
            return null;
        }
        int end = 0;
        while (end < trimmed.length() && "=: \t\f".indexOf(trimmed.charAt(end)) < 0) {
            end++;
        }
        return trimmed.substring(0, end);
    }

    /** Whether the next line continues this one (an odd number of trailing backslashes). */
    private static boolean continues(String line, boolean isContinuation) {
        if (!isContinuation && keyOf(line) == null) {
            return false;
        }
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static String entry(String key, String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                case ' ' -> escaped.append(i == 0 ? "\\ " : " ");
                default -> escaped.append(c);
            }
        }
        return key + "=" + escaped;
    }
}
