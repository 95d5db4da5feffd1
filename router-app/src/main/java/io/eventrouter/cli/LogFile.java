package io.eventrouter.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the daemon's log from a byte position on, as {@code tail} does: the last lines, then
 * whatever is appended. A byte position (not a line count) is what survives a growing file,
 * and a decoder that keeps a split UTF-8 character for the next read keeps text intact.
 */
final class LogFile implements AutoCloseable {
    private static final int BLOCK = 8192;

    private final FileChannel channel;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer bytes = ByteBuffer.allocate(BLOCK);
    private final CharBuffer chars = CharBuffer.allocate(BLOCK);
    private long position;

    private LogFile(FileChannel channel) {
        this.channel = channel;
    }

    static LogFile open(Path file) throws IOException {
        return new LogFile(FileChannel.open(file, StandardOpenOption.READ));
    }

    /** Positions the reader at the start of the last {@code lines} lines. */
    LogFile lastLines(int lines) throws IOException {
        position = startOfLastLines(lines);
        return this;
    }

    private long startOfLastLines(int lines) throws IOException {
        long size = channel.size();
        if (lines <= 0) {
            return size;
        }
        ByteBuffer block = ByteBuffer.allocate(BLOCK);
        int found = 0;
        long blockStart = size;
        while (blockStart > 0) {
            int length = (int) Math.min(BLOCK, blockStart);
            blockStart -= length;
            block.clear().limit(length);
            while (block.hasRemaining() && channel.read(block, blockStart + block.position()) >= 0) {
                // read the whole block
            }
            for (int i = length - 1; i >= 0; i--) {
                long offset = blockStart + i;
                // The final newline ends the last line; it does not start an empty one.
                if (block.get(i) == '\n' && offset != size - 1 && ++found == lines) {
                    return offset + 1;
                }
            }
        }
        return 0;
    }

    /**
     * Copies everything from the current position to the end of the file.
     *
     * @return false if the file shrank (truncated or replaced), in which case reading starts over
     */
    boolean copyNew(Writer out) throws IOException {
        if (channel.size() < position) {
            position = 0;
            decoder.reset();
            return false;
        }
        while (true) {
            int read = channel.read(bytes, position);
            if (read <= 0) {
                break;
            }
            position += read;
            bytes.flip();
            decoder.decode(bytes, chars, false);
            bytes.compact();
            chars.flip();
            out.append(chars);
            chars.clear();
        }
        out.flush();
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
