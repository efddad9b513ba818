package nl.werkmatch.examples;

import java.util.logging.Level;
import java.util.logging.Logger;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code werkmatch} command line: one subcommand per task, one class per subcommand. */
@Command(name = "werkmatch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Matches refugee job seekers to vacancies on skills, Dutch level and place, with an explanation per match.",
        description = "%nStart with 'werkmatch demo'. Data lives in a directory (--data) that remembers its taxonomy.%n",
        subcommands = {
            DemoCommand.class,
            ImportCommand.class,
            MatchCommand.class,
            AllocateCommand.class,
            AuditCommand.class,
            AdviseCommand.class,
            SkillsCommand.class,
            GenerateCommand.class,
            ServeCommand.class,
            KeysCommand.class,
            EvaluateCommand.class,
            TuneCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:failure (the message says what went wrong)",
            "2:import: some lines were rejected",
            "64:wrong usage (unknown option, missing argument)"
        })
public final class WerkmatchCli implements Runnable {

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show the stack trace of a failure (for debugging).")
    boolean verbose;

    @Spec
    CommandSpec spec;

    // Lucene notes at startup that the incubating vector API is not enabled; the matcher does not use vectors,
    // so the note is noise for a person at the command line. Held strongly so the level sticks.
    private static final Logger LUCENE_VECTORS = Logger.getLogger("org.apache.lucene.internal.vectorization");

    public static void main(String[] args) {
        LUCENE_VECTORS.setLevel(Level.SEVERE);
        System.exit(commandLine().execute(args));
    }

    /** A configured command line; {@link CliCommand} routes its failures through the same handler. */
    public static CommandLine commandLine() {
        return new CommandLine(new WerkmatchCli()).setExecutionExceptionHandler(new ErrorHandler());
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing a command; see the list below");
    }
}
