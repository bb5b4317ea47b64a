package org.undervolt.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.undervolt.InvalidInputException;
import org.undervolt.io.AtomicFiles;
import org.undervolt.store.ResultsStore;
import org.undervolt.store.RunExport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code undervolt runs export ID}: a run as JSON (everything) or CSV (one table), streamed. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export one run as JSON (run, trials, curves, mappings, energy) or as CSV (one table).",
        footer = {"", "Examples:",
                "  undervolt runs export 3 --as csv --out trials.csv",
                "  undervolt runs export 3 --as json"})
public final class RunsExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin StoreOption store;

    @Parameters(paramLabel = "ID", description = "Run id (see 'undervolt runs list').")
    long id;

    @Option(names = "--as", paramLabel = "csv|json", description = "What to write: csv (one table) or json (the whole run).")
    String as;

    /** The old name of {@code --as} (--format is a storage format elsewhere), hidden; it still runs, with a note. */
    @Option(names = "--format", hidden = true, paramLabel = "csv|json")
    void format(String value) {
        spec.commandLine().getErr().println("note: runs export --format is now --as (--format names a storage format elsewhere)");
        as = value;
    }

    @Option(names = "--table", defaultValue = "trials", paramLabel = "NAME",
            description = "CSV only: trials, curves, mappings or energy (default: ${DEFAULT-VALUE}).")
    String table;

    @Mixin OutFileOrStdoutOption output = new OutFileOrStdoutOption();

    @Override
    public Integer call() throws IOException {
        if (as == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--as=csv|json'");
        }
        String f = as.toLowerCase(Locale.ROOT);
        if (!f.equals("csv") && !f.equals("json")) {
            throw new InvalidInputException("--as " + as + " is unknown: expected csv or json");
        }
        RunExport.Table t = RunExport.Table.parse(table);
        try (ResultsStore s = store.open()) {
            RunExport export = new RunExport(s, id, org.undervolt.experiment.PipelineConfig::currentName);
            if (output.out != null) {
                AtomicFiles.write(output.out, os -> {
                    Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
                    write(export, f, t, w);
                    w.flush();
                });
            } else {
                write(export, f, t, spec.commandLine().getOut());
            }
        }
        return 0;
    }

    private static void write(RunExport export, String format, RunExport.Table table, Writer w) throws IOException {
        if (format.equals("json")) {
            export.writeJson(w);
            w.write('\n');
        } else {
            export.writeCsv(table, w);
        }
        w.flush();
    }
}
