package org.undervolt.cli;

import java.io.PrintWriter;

import org.undervolt.InvalidInputException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code undervolt} command: entry point and subcommand registry.
 *
 * <p>Exit codes: 0 success, 1 internal failure, 2 bad input (one line on stderr naming what is
 * wrong and what is expected).
 */
@Command(name = "undervolt",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Neural networks on approximate DRAM: tolerable bit error rate, voltage, energy saved.",
        subcommands = {
                CommandLine.HelpCommand.class,
                DemoCommand.class,
                EdenCommand.class,
                SparkxdCommand.class,
                DataCommand.class,
                TrainCommand.class,
                EvalCommand.class,
                ImportOnnxCommand.class,
                ExportOnnxCommand.class,
                SnnCommand.class,
                RetrainCommand.class,
                ToleranceCommand.class,
                SweepCommand.class,
                MapCommand.class,
                OperatingPointCommand.class,
                DramCommand.class,
                ErrorsCommand.class,
                RunsCommand.class,
                BenchCommand.class,
                NnBenchCommand.class,
        })
public final class UndervoltCli implements Runnable {

    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A configured command line, used by {@link #main} and by tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new UndervoltCli());
        cl.setExecutionExceptionHandler(UndervoltCli::handleExecutionException);
        cl.setParameterExceptionHandler(UndervoltCli::handleParameterException);
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    private static int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        Throwable cause = ex;
        while (cause != null && !(cause instanceof InvalidInputException)) {
            cause = cause.getCause();
        }
        if (cause != null) {
            err.println("undervolt: " + cause.getMessage());
            err.flush();
            return EXIT_BAD_INPUT;
        }
        err.println("undervolt: internal error: " + ex);
        ex.printStackTrace(err);
        err.flush();
        return EXIT_INTERNAL;
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println("undervolt: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                + " --help')");
        err.flush();
        return EXIT_BAD_INPUT;
    }
}
