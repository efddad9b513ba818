package nl.werkmatch.examples.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a JSON Lines body through and fails with {@link LineTooLongException} as soon as one line is longer
 * than the limit, so that a bulk upload with an over-long line is refused (413) when that line arrives instead of
 * being collected first.
 */
final class LineLimitInputStream extends FilterInputStream {
    /** A line longer than the limit; {@code line} is its number, from 1. */
    static final class LineTooLongException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long line;

        LineTooLongException(long line, long limit) {
            super("line " + line + " is longer than " + limit + " bytes");
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    private final long limit;
    private long line = 1;
    private long length;

    LineLimitInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        int n = super.read(buffer, offset, count);
        for (int i = offset; i < offset + n; i++) {
            count(buffer[i]);
        }
        return n;
    }

    private void count(byte b) throws LineTooLongException {
        if (b == '\n') {
            line++;
            length = 0;
        } else if (++length > limit) {
            throw new LineTooLongException(line, limit);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported here: every byte is counted");
    }
}
