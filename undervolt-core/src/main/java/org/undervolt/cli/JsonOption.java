package org.undervolt.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

import org.undervolt.io.Json;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --json}, shared by every command that prints a result: one JSON object on stdout, no progress lines.
 * Also the command's streams ({@link #out()}, {@link #err()}) and the one way a result is printed ({@link #print}).
 */
final class JsonOption {
    @Option(names = "--json", description = "Print one JSON object on stdout instead of text (no progress lines).")
    boolean json;

    /** The command this option is mixed into (null when the command runs without picocli, {@link DirectRun}). */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The streams of a command run without picocli, else null. */
    private PrintWriter out, err;

    /** Gives a command run without picocli its streams. */
    void streams(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** The command's standard output. */
    PrintWriter out() {
        return out != null ? out : command.commandLine().getOut();
    }

    /** The command's standard error (progress, notes). */
    PrintWriter err() {
        return err != null ? err : command.commandLine().getErr();
    }

    /** Notes for stderr (what a run does, where it wrote): each line printed and flushed; none with {@code --json}. */
    Consumer<String> log() {
        if (json) {
            return m -> { };
        }
        PrintWriter e = err();
        return m -> {
            e.println(m);
            e.flush();
        };
    }

    /**
     * {@code result} (a map, or a record written as its {@link Json#fields}) as one JSON object with {@code --json},
     * else what {@code text} writes; flushed.
     */
    void print(Object result, Consumer<PrintWriter> text) {
        print(result, text, false);
    }

    /** As {@link #print(Object, Consumer)}, the JSON object on one line (the commands whose JSON always was). */
    void printLine(Object result, Consumer<PrintWriter> text) {
        print(result, text, true);
    }

    private void print(Object result, Consumer<PrintWriter> text, boolean oneLine) {
        PrintWriter o = out();
        if (json) {
            Object tree = result instanceof Record r ? Json.fields(r) : result; // a result record: its fields, snake_case
            o.println(oneLine ? oneLine(tree) : Json.write(tree));
        } else {
            text.accept(o);
        }
        o.flush();
    }

    /** Jackson's default compact text, written without loading Jackson for plain trees ({@link Json#compact}). */
    private static String oneLine(Object result) {
        return Json.compact(result);
    }
}
