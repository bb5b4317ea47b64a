package org.undervolt.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Runs {@code dram energy} and {@code dram simulate} without picocli when their command line is plain: every argument
 * an option of the command, as {@code --name value}, {@code --name=value} or a flag, each at most once, and the required
 * ones present. Anything else (help, a misspelt or repeated option, a value of the wrong type, {@code @files}, a missing
 * required option) returns null and the caller runs picocli, which prints what it always prints. Errors of the run
 * itself are reported as picocli's run reports them ({@link UndervoltCli#report}).
 */
final class DirectRun {
    private DirectRun() {
    }

    /** The command {@code args} name when it is one of the direct commands, with its options set; else null. */
    static DirectCommand parse(String... args) {
        if (args.length < 2 || !args[0].equals("dram")) {
            return null;
        }
        DirectCommand c = switch (args[1]) {
            case "energy" -> new DramEnergyCommand();
            case "simulate" -> new DramSimulateCommand();
            default -> null;
        };
        if (c == null) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 2; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.equals("--")) {
                return null;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (!seen.add(c.canonical(name))) {
                return null;
            }
            String value;
            if (c.isFlag(name)) {
                if (eq >= 0) {
                    return null;
                }
                value = null;
            } else if (eq >= 0) {
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("-") && !args[i + 1].startsWith("@")) {
                value = args[++i];
            } else {
                return null;
            }
            if (!c.set(name, value)) {
                return null;
            }
        }
        return c.complete() ? c : null;
    }

    /** Runs {@code c} on standard output and error, in writers made as picocli makes its own: its exit code. */
    static int run(DirectCommand c) {
        return run(c, new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, charset("sun.stdout.encoding"))), true),
                new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.err, charset("sun.stderr.encoding"))), true));
    }

    /** Runs {@code c} printing on {@code out} and {@code err}: its exit code, errors reported as picocli's run reports them. */
    static int run(DirectCommand c, PrintWriter out, PrintWriter err) {
        c.jsonOption().streams(out, err);
        try {
            return c.call();
        } catch (Exception e) {
            return UndervoltCli.report(e, err);
        } finally {
            out.flush();
        }
    }

    /** {@code value} as picocli converts it to a path, or null where it would not. */
    static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** {@code value} as picocli converts it to a Double, or null where it would not. */
    static Double decimal(String value) {
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code value} as picocli converts it to an Integer, or null where it would not. */
    static Integer integer(String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The charset picocli's stream writers use: the console's, else the JVM's default. */
    private static Charset charset(String property) {
        String name = System.getProperty(property);
        return name != null ? Charset.forName(name) : Charset.defaultCharset();
    }
}
