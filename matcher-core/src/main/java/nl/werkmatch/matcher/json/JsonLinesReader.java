package nl.werkmatch.matcher.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Problem;

/**
 * Reads a JSON Lines stream ({@code .jsonl}: UTF-8, one JSON object per line) for bulk import, and hands each
 * line to a sink as either a value or its problems; a bad line never stops the import unless in
 * {@link Mode#STRICT}.
 *
 * <pre>{@code
 * ExchangeFormat format = ExchangeFormat.create();
 * JsonLinesReader.Summary s = JsonLinesReader.read(in, format::readProfile, Mode.LENIENT, line -> {
 *     if (line.ok()) matcher.upsert(line.value());
 *     else log.warn("line {}: {}", line.number(), line.problems());
 * });
 * }</pre>
 *
 * <p>Lines are numbered from 1 as in an editor; blank lines are skipped but counted. A line that is not valid
 * UTF-8, is not JSON (including a last line cut off in the middle), is longer than {@link #MAX_LINE_BYTES} or
 * that the parser rejects with an {@link InvalidInputException} becomes an error line; reading goes on at the
 * next line. A leading byte order mark and Windows line ends ({@code \r\n}) are accepted.
 *
 * <p>Why not a {@code BufferedReader}: a {@code Reader} cannot go on after a malformed byte. Lines are split on
 * the newline byte instead (it never occurs inside a UTF-8 multi-byte sequence) and each line is decoded on
 * its own by a strict decoder, which also gives exact byte counts for progress.
 */
public final class JsonLinesReader {
    /** The longest line accepted; a profile or vacancy within the format's limits is far shorter. */
    public static final int MAX_LINE_BYTES = 1 << 20;

    private static final int CHUNK = 64 * 1024;

    /** Whether to go on after a bad line. */
    public enum Mode {
        /** Report each bad line and go on with the next. */
        LENIENT,
        /** Report the first bad line and stop. */
        STRICT
    }

    /**
     * One non-blank line: either a {@code value} or its {@code problems} (never both).
     *
     * @param number the line number, from 1
     * @param bytesRead bytes of the stream consumed up to and including this line, for progress against a file size
     */
    public record Line<T>(long number, long bytesRead, T value, List<Problem> problems) {
        /** Checks that a line has a value or problems, not both. */
        public Line {
            problems = List.copyOf(problems);
            if ((value == null) == problems.isEmpty()) {
                throw new IllegalArgumentException("a line has either a value or problems");
            }
        }

        /** Whether the line gave a value. */
        public boolean ok() {
            return value != null;
        }
    }

    /**
     * What a read did.
     *
     * @param lines lines read, blank ones included
     * @param values lines that gave a value
     * @param errors lines that gave problems
     * @param bytesRead bytes of the stream consumed
     * @param stopped whether a strict read stopped at a bad line (lines after it, if any, were not read)
     */
    public record Summary(long lines, long values, long errors, long bytesRead, boolean stopped) {
    }

    private JsonLinesReader() {
    }

    /**
     * Reads {@code in} to its end (or, in strict mode, to the first bad line), giving every non-blank line to
     * {@code sink} in order. Does not close {@code in}.
     *
     * @param parser turns one line's text into a value, e.g. {@code format::readProfile}; it signals a bad line
     *               with {@link InvalidInputException}, and any other exception it throws ends the read
     * @throws IOException when reading {@code in} fails
     */
    public static <T> Summary read(InputStream in, Function<String, ? extends T> parser, Mode mode,
                                   Consumer<? super Line<T>> sink) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(sink, "sink");
        Run<T> run = new Run<>(parser, mode, sink);
        byte[] chunk = new byte[CHUNK];
        long consumed = 0;
        int n;
        while ((n = in.read(chunk)) != -1) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (chunk[i] == '\n') {
                    run.append(chunk, start, i - start);
                    if (!run.endLine(consumed + i + 1)) {
                        return run.summary(consumed + i + 1, true);
                    }
                    start = i + 1;
                }
            }
            run.append(chunk, start, n - start);
            consumed += n;
        }
        if (run.pending()) {
            // The last line has no newline: a file written without one, or one cut off.
            boolean going = run.endLine(consumed);
            return run.summary(consumed, !going);
        }
        return run.summary(consumed, false);
    }

    /** The state of one read: the line being collected and the counts. */
    private static final class Run<T> {
        private final Function<String, ? extends T> parser;
        private final Mode mode;
        private final Consumer<? super Line<T>> sink;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);

        private byte[] buffer = new byte[8192];
        private int length;
        private boolean tooLong;
        private boolean started;
        private long lines;
        private long values;
        private long errors;

        Run(Function<String, ? extends T> parser, Mode mode, Consumer<? super Line<T>> sink) {
            this.parser = parser;
            this.mode = mode;
            this.sink = sink;
        }

        void append(byte[] bytes, int offset, int count) {
            if (count == 0) {
                return;
            }
            started = true;
            if (tooLong || length + count > MAX_LINE_BYTES + 1) {
                // Keep nothing more of an overlong line; it is skipped up to its newline.
                tooLong = true;
                return;
            }
            if (length + count > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(length + count, Math.min(buffer.length * 2, MAX_LINE_BYTES + 1)));
            }
            System.arraycopy(bytes, offset, buffer, length, count);
            length += count;
        }

        boolean pending() {
            return started;
        }

        /** Ends the current line; false when the read should stop. */
        boolean endLine(long bytesRead) {
            lines++;
            Line<T> line = line(bytesRead);
            length = 0;
            tooLong = false;
            started = false;
            if (line == null) {
                return true;
            }
            if (line.ok()) {
                values++;
            } else {
                errors++;
            }
            sink.accept(line);
            return line.ok() || mode == Mode.LENIENT;
        }

        Summary summary(long bytesRead, boolean stopped) {
            return new Summary(lines, values, errors, bytesRead, stopped);
        }

        /** The current line as a value or an error, or null when it is blank. */
        private Line<T> line(long bytesRead) {
            int start = 0;
            int end = length;
            if (end > 0 && buffer[end - 1] == '\r') {
                end--;
            }
            if (lines == 1 && end >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
                start = 3;
            }
            if (tooLong || end - start > MAX_LINE_BYTES) {
                return error(bytesRead, "line is longer than the limit of " + MAX_LINE_BYTES + " bytes; skipped");
            }
            ByteBuffer in = ByteBuffer.wrap(buffer, start, end - start);
            CharBuffer out = CharBuffer.allocate(end - start);
            decoder.reset();
            CoderResult result = decoder.decode(in, out, true);
            if (!result.isError()) {
                result = decoder.flush(out);
            }
            if (result.isError()) {
                int at = in.position();
                return error(bytesRead, String.format(Locale.ROOT, "not valid UTF-8: byte 0x%02X at byte %d of the line; save the file as UTF-8",
                        buffer[at] & 0xFF, at - start + 1));
            }
            String text = out.flip().toString();
            if (text.isBlank()) {
                return null;
            }
            T value;
            try {
                value = parser.apply(text);
            } catch (InvalidInputException e) {
                return new Line<>(lines, bytesRead, null, e.problems());
            }
            return new Line<>(lines, bytesRead, Objects.requireNonNull(value, "the parser returned null"), List.of());
        }

        private Line<T> error(long bytesRead, String message) {
            return new Line<>(lines, bytesRead, null, List.of(new Problem("", message)));
        }
    }
}
