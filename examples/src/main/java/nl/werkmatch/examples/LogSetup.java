package nl.werkmatch.examples;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Logging for {@code serve}: one line per record on stderr, unless the user configured java.util.logging. */
final class LogSetup {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    // Held strongly: java.util.logging keeps loggers weakly, and a collected logger loses its configuration.
    private static final Logger ROOT = Logger.getLogger("nl.werkmatch");
    // Jetty announces its version and connectors at INFO; the serve command prints its own URL line instead.
    private static final Logger JETTY = Logger.getLogger("org.eclipse.jetty");

    private LogSetup() {
    }

    static synchronized void oneLinePerRecord() {
        if (System.getProperty("java.util.logging.config.file") != null || !ROOT.getUseParentHandlers()) {
            return;
        }
        JETTY.setLevel(java.util.logging.Level.WARNING);
        ConsoleHandler handler = new ConsoleHandler();
        handler.setFormatter(new OneLine());
        ROOT.addHandler(handler);
        ROOT.setUseParentHandlers(false);
    }

    /** "2026-11-24 04:36:01.123 INFO PUT /profiles/p-1 201 12 ms", plus the stack trace when there is one. */
    static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder line = new StringBuilder()
                    .append(TIME.format(Instant.ofEpochMilli(r.getMillis()))).append(' ')
                    .append(r.getLevel().getName()).append(' ')
                    .append(formatMessage(r)).append(System.lineSeparator());
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }
}
