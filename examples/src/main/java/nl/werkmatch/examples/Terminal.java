package nl.werkmatch.examples;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether the standard streams are an interactive terminal (to draw a progress bar rather than log lines). */
final class Terminal {
    private Terminal() {
    }

    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // From Java 22 System.console() is not null when redirected; Console.isTerminal() then tells. Looked
        // up reflectively because the code targets Java 21, where a non-null console is always a terminal.
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
