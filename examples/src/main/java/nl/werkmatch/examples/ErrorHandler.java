package nl.werkmatch.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.WerkmatchException;

/**
 * Turns a failure into one message on stderr and an exit code. A person's mistake (bad input, unknown id,
 * missing file, other taxonomy) gets a message naming it and never a stack trace; {@code --verbose} adds the
 * trace for debugging.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        return report(e, commandLine.getErr(), verbose(commandLine));
    }

    static boolean verbose(CommandLine commandLine) {
        return commandLine.getCommandSpec().root().userObject() instanceof WerkmatchCli root && root.verbose;
    }

    static int report(Throwable e, PrintWriter err, boolean verbose) {
        Throwable cause = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        err.println("werkmatch: " + message(cause));
        if (cause instanceof InvalidInputException invalid && invalid.problems().size() > 1) {
            for (Problem p : invalid.problems()) {
                err.println("  " + p);
            }
        }
        if (verbose) {
            cause.printStackTrace(err);
        } else if (!expected(cause)) {
            err.println("werkmatch: run again with --verbose to see the stack trace");
        }
        err.flush();
        return ExitCodes.FAILURE;
    }

    private static boolean expected(Throwable e) {
        return e instanceof WerkmatchException || e instanceof IOException || e instanceof UserError;
    }

    static String message(Throwable e) {
        return switch (e) {
            case InvalidInputException invalid -> invalid.problems().size() == 1
                    ? "invalid input: " + invalid.problems().get(0)
                    : "invalid input (" + invalid.problems().size() + " problems):";
            case WerkmatchException w -> w.getMessage();
            case UserError u -> u.getMessage();
            case NoSuchFileException f -> "no such file or directory: " + f.getFile();
            case AccessDeniedException f -> "permission denied: " + f.getFile();
            case NotDirectoryException f -> "not a directory: " + f.getFile();
            case FileAlreadyExistsException f -> "already exists: " + f.getFile();
            case FileSystemException f -> f.getFile() + ": " + (f.getReason() == null ? "file system error" : f.getReason());
            case IOException io -> io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage();
            default -> "internal error: " + e;
        };
    }
}
