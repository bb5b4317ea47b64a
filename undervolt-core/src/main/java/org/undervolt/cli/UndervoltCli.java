package org.undervolt.cli;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        subcommands = CommandLine.HelpCommand.class,
        footer = {"", "Examples:",
                "  undervolt demo",
                "  undervolt eden --quick",
                "  undervolt train --network lenet5 --out lenet5.uvnn",
                "  undervolt demo --help"})
public final class UndervoltCli extends CommandGroup {
    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_BAD_INPUT = 2;

    /**
     * The subcommands by name, in help order. They are registered by {@link #commandLine(String...)} rather than
     * in the annotation so that a run builds (and loads the classes of) only the command it runs: picocli
     * reflects over every registered command when the command line is built.
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("demo", DemoCommand.class);
        SUBCOMMANDS.put("eden", EdenCommand.class);
        SUBCOMMANDS.put("sparkxd", SparkxdCommand.class);
        SUBCOMMANDS.put("data", DataCommand.class);
        SUBCOMMANDS.put("train", TrainCommand.class);
        SUBCOMMANDS.put("eval", EvalCommand.class);
        SUBCOMMANDS.put("import-onnx", ImportOnnxCommand.class);
        SUBCOMMANDS.put("export-onnx", ExportOnnxCommand.class);
        SUBCOMMANDS.put("snn", SnnCommand.class);
        SUBCOMMANDS.put("retrain", RetrainCommand.class);
        SUBCOMMANDS.put("tolerance", ToleranceCommand.class);
        SUBCOMMANDS.put("sweep", SweepCommand.class);
        SUBCOMMANDS.put("map", MapCommand.class);
        SUBCOMMANDS.put("operating-point", OperatingPointCommand.class);
        SUBCOMMANDS.put("dram", DramCommand.class);
        SUBCOMMANDS.put("errors", ErrorsCommand.class);
        SUBCOMMANDS.put("runs", RunsCommand.class);
        SUBCOMMANDS.put("bench", BenchCommand.class);
        SUBCOMMANDS.put("nn-bench", NnBenchCommand.class);
    }

    /** A configured command line with every subcommand, used by tests. */
    public static CommandLine commandLine() {
        return configure(SUBCOMMANDS.keySet(), new String[0]);
    }

    /**
     * A configured command line for running {@code args}: only the subcommand that {@code args} names (none
     * for a lone {@code --version}); every subcommand when none is named or the name is unknown (usage, help,
     * suggestions).
     */
    public static CommandLine commandLine(String... args) {
        return configure(needed(args), args);
    }

    /** The subcommand names that running {@code args} needs registered. */
    static Collection<String> needed(String... args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return SUBCOMMANDS.containsKey(a) ? List.of(a) : SUBCOMMANDS.keySet();
            }
        }
        boolean versionOnly = args.length > 0;
        for (String a : args) {
            versionOnly &= a.equals("--version") || a.equals("-V");
        }
        return versionOnly ? List.of() : SUBCOMMANDS.keySet();
    }

    private static CommandLine configure(Collection<String> subcommands, String[] args) {
        CommandLine cl = new CommandLine(new UndervoltCli());
        for (String name : subcommands) {
            // built on its own first: picocli applies a command's model transformer (BenchCommand's) only then;
            // 'dram' registers only the subcommand args name, as here
            cl.addSubcommand(name, name.equals("dram") ? DramCommand.commandLine(args)
                    : new CommandLine(SUBCOMMANDS.get(name)));
        }
        WholeExamples.install(cl);
        cl.setExecutionExceptionHandler(UndervoltCli::handleExecutionException);
        cl.setParameterExceptionHandler(UndervoltCli::handleParameterException);
        return cl;
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // the same lines picocli prints, without building a command line (a third of a second on a busy
            // two-core machine: its classes predate class-data sharing and load from the jar every time)
            for (String line : new VersionProvider().getVersion()) {
                System.out.println(line);
            }
            System.exit(0);
        }
        DirectCommand direct = DirectRun.parse(args);
        if (direct != null) {
            System.exit(DirectRun.run(direct));
        }
        System.exit(commandLine(args).execute(args));
    }

    private static int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        return report(ex, cl.getErr());
    }

    /**
     * Reports a command's failure on {@code err}: bad input as one line (exit code 2), anything else as an internal
     * error with its stack trace (1).
     */
    static int report(Exception ex, PrintWriter err) {
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
        List<String> extra = ex.getCommandLine().getUnmatchedArguments();
        if (!(ex instanceof CommandLine.UnmatchedArgumentException) && !extra.isEmpty()) {
            // a misspelt option also leaves its real one missing: the typo, with its suggestions, is what to fix
            ex = new CommandLine.UnmatchedArgumentException(ex.getCommandLine(), extra);
        }
        String suggestion = "";
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            suggestion = "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        err.println("undervolt: " + ex.getMessage() + suggestion + " (see '"
                + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return EXIT_BAD_INPUT;
    }
}
