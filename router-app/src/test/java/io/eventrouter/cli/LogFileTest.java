package io.eventrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileTest {
    @TempDir
    Path data;

    private Path log(String content) throws Exception {
        return Files.writeString(data.resolve("router.log"), content, StandardCharsets.UTF_8);
    }

    private static String tail(Path file, int lines) throws Exception {
        StringWriter out = new StringWriter();
        try (LogFile log = LogFile.open(file).lastLines(lines)) {
            log.copyNew(out);
        }
        return out.toString();
    }

    @Test
    void shouldPrintTheLastLines() throws Exception {
        Path file = log("one\ntwo\nthree\nfour\n");

        assertThat(tail(file, 2)).isEqualTo("three\nfour\n");
        assertThat(tail(file, 10)).isEqualTo("one\ntwo\nthree\nfour\n");
        assertThat(tail(file, 0)).isEmpty();
    }

    @Test
    void shouldCountAnUnfinishedLastLine() throws Exception {
        assertThat(tail(log("one\ntwo\nthree"), 2)).isEqualTo("two\nthree");
    }

    @Test
    void shouldFindLinesAcrossReadBlocks() throws Exception {
        String line = "x".repeat(5000);
        Path file = log(IntStream.range(0, 10).mapToObj(i -> i + line).collect(Collectors.joining("\n", "", "\n")));

        String[] lines = tail(file, 3).split("\n");

        assertThat(Arrays.stream(lines).map(l -> l.substring(0, 1))).containsExactly("7", "8", "9");
    }

    @Test
    void shouldPrintWhatIsAppendedAndKeepACharacterSplitBetweenWrites() throws Exception {
        Path file = log("start\n");
        byte[] euro = "€\n".getBytes(StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        try (LogFile log = LogFile.open(file).lastLines(1)) {
            log.copyNew(out);
            Files.write(file, Arrays.copyOfRange(euro, 0, 1), StandardOpenOption.APPEND);
            log.copyNew(out);
            Files.write(file, Arrays.copyOfRange(euro, 1, euro.length), StandardOpenOption.APPEND);
            log.copyNew(out);
        }
        assertThat(out.toString()).isEqualTo("start\n€\n");
    }

    @Test
    void shouldStartOverWhenTheFileIsTruncated() throws Exception {
        Path file = log("a long first life of the log\n");
        StringWriter out = new StringWriter();
        try (LogFile log = LogFile.open(file).lastLines(5)) {
            log.copyNew(out);
            log("new\n");
            assertThat(log.copyNew(out)).isFalse();
            assertThat(log.copyNew(out)).isTrue();
        }
        assertThat(out.toString()).isEqualTo("a long first life of the log\nnew\n");
    }
}
