package org.undervolt.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.undervolt.InvalidInputException;

/**
 * Writes one run out of the store, streaming: trials go from the database to the output row by row.
 *
 * <p>JSON: one object {@code {run, trials, curves, mappings, energy}}. CSV: one table per file,
 * chosen by {@link Table}; doubles are written with {@link Double#toString}, which reads back exactly.
 */
public final class RunExport {

    /** The tables a CSV export can hold. */
    public enum Table {
        TRIALS, CURVES, MAPPINGS, ENERGY;

        public static Table parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--table " + s + " is unknown: expected trials, curves, mappings or energy");
            }
        }
    }

    private final ResultsStore store;
    private final RunRecord run;
    private final java.util.function.UnaryOperator<String> configKey;

    public RunExport(ResultsStore store, long runId) {
        this(store, runId, java.util.function.UnaryOperator.identity());
    }

    /**
     * An export whose run configuration shows each top-level key as {@code configKey} names it now: a run is stored
     * under the key names of its identity, which keep old names so that old runs are still found.
     */
    public RunExport(ResultsStore store, long runId, java.util.function.UnaryOperator<String> configKey) {
        this.store = store;
        this.configKey = configKey;
        this.run = store.run(runId).orElseThrow(() -> new InvalidInputException(
                "run " + runId + " is not in results store " + store.file() + ": see 'undervolt runs list'"));
    }

    public void writeJson(OutputStream out) {
        Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8));
        writeJson(w);
        io(w::flush);
    }

    /** Writes the run as one JSON object; {@code out} is flushed, not closed. */
    public void writeJson(Writer out) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeFieldName("run");
            writeRun(g);
            g.writeArrayFieldStart("trials");
            long id = run.id();
            store.trials().forEach(id, t -> io(() -> {
                g.writeStartObject();
                g.writeStringField("point", t.key().point());
                g.writeNumberField("trial", t.key().trial());
                g.writeFieldName("seed_ids");
                g.writeArray(t.seedIds(), 0, t.seedIds().length);
                g.writeNumberField("accuracy", t.accuracy());
                if (t.flips().isPresent()) {
                    g.writeNumberField("flips", t.flips().getAsLong());
                }
                if (t.extra() != null) {
                    g.writeFieldName("extra");
                    g.writeRawValue(t.extra());
                }
                g.writeEndObject();
            }));
            g.writeEndArray();
            writeNamed(g, "curves", store.curves().names(id), name -> store.curves().get(id, name), (c, q) -> {
                c.writeNumberField("x", q.x());
                c.writeNumberField("y", q.y());
                writeOptional(c, "y_low", q.yLow());
                writeOptional(c, "y_high", q.yHigh());
                if (q.n() > 0) {
                    c.writeNumberField("n", q.n());
                }
                writeRaw(c, "extra", q.extra());
            });
            writeNamed(g, "mappings", store.mappings().names(id), name -> store.mappings().get(id, name), (c, m) -> {
                c.writeStringField("item", m.item());
                c.writeStringField("target", m.target());
                writeRaw(c, "extra", m.extra());
            });
            g.writeArrayFieldStart("energy");
            for (EnergyRow e : store.energy().get(id)) {
                g.writeStartObject();
                g.writeStringField("label", e.label());
                g.writeNumberField("vdd", e.vdd());
                writeOptional(g, "trcd_ns", e.trcdNs());
                g.writeNumberField("energy_j", e.energyJ());
                writeRaw(g, "extra", e.extra());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write export of run " + run.id() + ": " + e.getMessage(), e);
        }
    }

    private void writeRun(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", run.id());
        g.writeStringField("kind", run.kind());
        g.writeStringField("status", run.status().word());
        g.writeNumberField("seed", run.seed());
        g.writeStringField("created_at", run.createdAt().toString());
        g.writeStringField("updated_at", run.updatedAt().toString());
        g.writeFieldName("config");
        g.writeRawValue(shownConfig());
        g.writeFieldName("provenance");
        g.writeRawValue(run.provenance());
        writeRaw(g, "summary", run.summary().orElse(null));
        g.writeEndObject();
    }

    /** The run's configuration, its top-level keys renamed by {@link #configKey}, in their order. */
    private String shownConfig() throws IOException {
        com.fasterxml.jackson.databind.JsonNode c = org.undervolt.io.Json.mapper().readTree(run.config());
        if (!c.isObject()) {
            return run.config();
        }
        com.fasterxml.jackson.databind.node.ObjectNode shown = org.undervolt.io.Json.mapper().createObjectNode();
        c.fields().forEachRemaining(f -> shown.set(configKey.apply(f.getKey()), f.getValue()));
        return org.undervolt.io.Json.mapper().writeValueAsString(shown);
    }

    /** Writes one table as CSV with a header line. */
    public void writeCsv(Table table, Writer out) {
        long id = run.id();
        try {
            switch (table) {
                case TRIALS -> {
                    out.write("run_id,point,trial,seed_ids,accuracy,flips,extra\n");
                    store.trials().forEach(id, t -> io(() -> out.write(Csv.line(id, t.key().point(), t.key().trial(),
                            t.seedIdsJson(), t.accuracy(), t.flips().isPresent() ? t.flips().getAsLong() : null,
                            t.extra()))));
                }
                case CURVES -> {
                    out.write("run_id,curve,idx,x,y,y_low,y_high,n,extra\n");
                    for (String name : store.curves().names(id)) {
                        List<CurveRow> rows = store.curves().get(id, name);
                        for (int i = 0; i < rows.size(); i++) {
                            CurveRow c = rows.get(i);
                            out.write(Csv.line(id, name, i, c.x(), c.y(), nanToNull(c.yLow()), nanToNull(c.yHigh()),
                                    c.n() > 0 ? c.n() : null, c.extra()));
                        }
                    }
                }
                case MAPPINGS -> {
                    out.write("run_id,mapping,item,target,extra\n");
                    for (String name : store.mappings().names(id)) {
                        for (MappingRow m : store.mappings().get(id, name)) {
                            out.write(Csv.line(id, name, m.item(), m.target(), m.extra()));
                        }
                    }
                }
                case ENERGY -> {
                    out.write("run_id,label,vdd,trcd_ns,energy_j,extra\n");
                    for (EnergyRow e : store.energy().get(id)) {
                        out.write(Csv.line(id, e.label(), e.vdd(), nanToNull(e.trcdNs()), e.energyJ(), e.extra()));
                    }
                }
                default -> throw new IllegalStateException(table.toString());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write export of run " + id + ": " + e.getMessage(), e);
        }
    }

    /** Writes one row's fields into the object already opened for it. */
    @FunctionalInterface
    private interface RowFields<R> {
        void write(JsonGenerator g, R row) throws IOException;
    }

    /** Writes {@code field} as an object holding, for each name, the array of its rows, one object each. */
    private static <R> void writeNamed(JsonGenerator g, String field, List<String> names, Function<String, List<R>> rows,
            RowFields<R> fields) throws IOException {
        g.writeObjectFieldStart(field);
        for (String name : names) {
            g.writeArrayFieldStart(name);
            for (R row : rows.apply(name)) {
                g.writeStartObject();
                fields.write(g, row);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static Double nanToNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static void writeOptional(JsonGenerator g, String field, double v) throws IOException {
        if (!Double.isNaN(v)) {
            g.writeNumberField(field, v);
        }
    }

    private static void writeRaw(JsonGenerator g, String field, String json) throws IOException {
        if (json != null) {
            g.writeFieldName(field);
            g.writeRawValue(json);
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction a) {
        try {
            a.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
