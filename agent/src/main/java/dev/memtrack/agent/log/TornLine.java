package dev.memtrack.agent.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Repairs the end of a JSON Lines file that a crash (kill -9, power loss) left in the middle of a
 * line, before more lines are appended: otherwise the next line would run into the torn one and both
 * would be lost. A torn memtrack line (it starts like one and does not parse) is cut off: it could
 * never be read. Anything else is ended with a newline and kept: a complete line that only lacks its
 * newline, or text that is not memtrack's to delete.
 */
final class TornLine {

    /** How a line of memtrack's log starts ({@link JsonLogSubsystem}). */
    static final String LINE_START = "{\"time\":";
    private static final int CHUNK = 64 * 1024;
    /** Longer last lines are not memtrack's (its lines are a few KiB) and are kept. */
    private static final long MAX_LINE_BYTES = 4L * 1024 * 1024;

    private TornLine() {
    }

    /**
     * @return the size of the file after the repair (0 if it does not exist)
     */
    static long repair(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size == 0 || byteAt(channel, size - 1) == '\n') {
                return size;
            }
            long lineStart = lastLineStart(channel, size);
            if (lineStart >= 0 && isTornMemtrackLine(channel, lineStart, size)) {
                channel.truncate(lineStart);
                return lineStart;
            }
            channel.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
            return size + 1;
        }
    }

    /** A last line that starts like memtrack's and does not parse; a complete one only lacks its newline. */
    private static boolean isTornMemtrackLine(FileChannel channel, long lineStart, long size) throws IOException {
        long length = size - lineStart;
        ByteBuffer tail = ByteBuffer.allocate((int) length);
        while (tail.hasRemaining() && channel.read(tail, lineStart + tail.position()) > 0) {
            // read until the end of the file
        }
        String text = new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8);
        return text.startsWith(LINE_START) && JsonLinesReader.parse(text).isEmpty();
    }

    private static byte byteAt(FileChannel channel, long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, position);
        return one.get(0);
    }

    /** Where the last line starts (after the last newline before {@code end}); -1 if it is too long to be memtrack's. */
    private static long lastLineStart(FileChannel channel, long end) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        long to = end;
        long limit = Math.max(0, end - MAX_LINE_BYTES);
        while (to > limit) {
            long from = Math.max(limit, to - CHUNK);
            chunk.clear().limit((int) (to - from));
            channel.read(chunk, from);
            for (int i = (int) (to - from) - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            to = from;
        }
        return limit == 0 ? 0 : -1;
    }
}
