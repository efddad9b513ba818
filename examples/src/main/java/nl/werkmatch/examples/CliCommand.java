package nl.werkmatch.examples;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: its output streams and the error handling. Failures go through
 * {@link ErrorHandler} here as well as in {@link WerkmatchCli#main}, so that a bare
 * {@code new CommandLine(new WerkmatchCli())} (as in tests or when embedded) reports them the same way.
 */
@Command(exitCodeOnInvalidInput = ExitCodes.USAGE) // inherited by every subcommand
abstract class CliCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** Does the work and answers the exit code. */
    abstract int execute() throws Exception;

    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (ParameterException e) {
            throw e; // picocli prints the usage for these
        } catch (Exception e) {
            return ErrorHandler.report(e, err(), ErrorHandler.verbose(spec.commandLine()));
        } finally {
            out().flush();
            err().flush();
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The commands that run on a data directory or a cluster take exactly one of {@code --data} and {@code --opensearch}. */
    void requireOneStore(Path data, String opensearch) {
        if ((data == null) == (opensearch == null)) {
            throw usage("give either --data DIR or --opensearch URL");
        }
    }

    /** A usage mistake that picocli reports with the command's usage. */
    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
