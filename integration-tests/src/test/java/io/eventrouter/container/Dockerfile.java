package io.eventrouter.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of a Dockerfile's syntax to check ours: instructions with their continuation
 * lines joined, comments dropped. Not a general parser (no heredocs, no escape directive).
 */
record Dockerfile(List<Instruction> instructions) {

    /** One instruction, e.g. {@code COPY} with arguments {@code --from=build /src/a.jar /opt/a.jar}. */
    record Instruction(String keyword, String arguments) {
        List<String> words() {
            return List.of(arguments.trim().split("\\s+"));
        }
    }

    static Dockerfile read(Path file) throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String whole = pending.toString().strip();
            pending.setLength(0);
            int space = whole.indexOf(' ');
            instructions.add(new Instruction(whole.substring(0, space).toUpperCase(), whole.substring(space + 1).strip()));
        }
        return new Dockerfile(List.copyOf(instructions));
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
    }

    /** The instructions of the last stage, the one that becomes the image. */
    Dockerfile finalStage() {
        int from = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                from = i;
            }
        }
        return new Dockerfile(instructions.subList(from, instructions.size()));
    }

    /** The one instruction of this kind; fails if there is none or several. */
    Instruction only(String keyword) {
        List<Instruction> found = all(keyword);
        if (found.size() != 1) {
            throw new AssertionError("Expected one " + keyword + " instruction, found " + found);
        }
        return found.get(0);
    }

    /** The {@code ENV key=value} pairs, in order. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Instruction env : all("ENV")) {
            for (String pair : env.words()) {
                int equals = pair.indexOf('=');
                environment.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return environment;
    }
}
