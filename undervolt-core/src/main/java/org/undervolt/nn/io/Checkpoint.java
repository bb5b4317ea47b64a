package org.undervolt.nn.io;

import org.undervolt.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.InvalidInputException;
import org.undervolt.nn.layer.Layer;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.layer.ParameterKind;
import org.undervolt.nn.model.Sequential;

/**
 * Saves and loads a {@link Sequential} (architecture, parameter values, metadata) in Undervolt's
 * checkpoint format.
 *
 * <h2>Format, version 1</h2>
 * All integers big-endian; strings are Java "modified UTF-8" as written by
 * {@link DataOutputStream#writeUTF} (u16 byte length, then bytes); floats are IEEE 754 binary32,
 * big-endian.
 * <pre>
 *   u8[4]  magic "UVNN" (0x55 0x56 0x4E 0x4E)
 *   u32    format version (1)
 *   u32    number of metadata entries M; M × (string key, string value), e.g. model=lenet5
 *   u32    input rank R; R × i32 per-item input dimensions
 *   u32    number of layers L; L × layer, where a layer is (string type, string name, u32 n,
 *          n × i32 config) followed by its child layers, as many as its type and config say
 *   u32    number of parameters P; P × (string name, string kind, u8 rank r, r × i32 dims,
 *          f32 values, row-major)
 *   u32    CRC-32 (ISO-HDLC, as java.util.zip.CRC32) of every preceding byte
 * </pre>
 * Layer types and configs are those of {@link LayerRegistry}. Parameters are matched to the rebuilt
 * layers by name; each must be present exactly once with the shape the layer expects. A network needs
 * at least one weighted (dense or conv) layer: a file without one is refused when read.
 *
 * <p>Compatibility: a reader accepts every version up to {@link #VERSION}; a later version changes
 * this class by adding a branch on the version number, never by reinterpreting version-1 fields.
 */
public final class Checkpoint {
    /** "UVNN". */
    public static final int MAGIC = 0x55564E4E;
    /** The version this code writes. */
    public static final int VERSION = 1;
    private static final int MAX_COUNT = 1 << 20;

    private Checkpoint() {
    }

    /** Writes {@code model} to {@code file} atomically (a temporary sibling, then a move), creating parent directories. */
    public static void save(Sequential model, Map<String, String> metadata, Path file) throws IOException {
        AtomicFiles.writeOrThrow(file, out -> write(model, metadata, out));
    }

    /** Encodes {@code model} in the current format. */
    public static void write(Sequential model, Map<String, String> metadata, OutputStream out) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(buf);
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeInt(metadata.size());
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            d.writeUTF(e.getKey());
            d.writeUTF(e.getValue());
        }
        writeInts(d, model.inputShape());
        d.writeInt(model.layers().size());
        for (Layer l : model.layers()) {
            writeLayer(d, l);
        }
        List<Parameter> ps = model.parameters();
        d.writeInt(ps.size());
        for (Parameter p : ps) {
            d.writeUTF(p.name());
            d.writeUTF(p.kind().name());
            int[] s = p.shape();
            d.writeByte(s.length);
            for (int v : s) {
                d.writeInt(v);
            }
            for (float v : p.data()) {
                d.writeFloat(v);
            }
        }
        CrcTrailer.append(buf, d);
        buf.writeTo(out);
    }

    private static void writeLayer(DataOutputStream d, Layer l) throws IOException {
        d.writeUTF(l.type());
        d.writeUTF(l.name());
        writeInts(d, l.config());
        for (Layer child : l.children()) {
            writeLayer(d, child);
        }
    }

    /** A u32 count, then the values as i32. */
    private static void writeInts(DataOutputStream d, int[] values) throws IOException {
        d.writeInt(values.length);
        for (int v : values) {
            d.writeInt(v);
        }
    }

    /** Reads one layer record; {@code declared[0]} sums the parameter values of the layers read so far. */
    private static Layer readLayer(DataInputStream d, String source, int depth, long[] declared) throws IOException {
        if (depth > 64) {
            throw bad(source, "layers nested deeper than 64");
        }
        String type = d.readUTF();
        String name = d.readUTF();
        int[] cfg = new int[count(d, source, "config values")];
        for (int j = 0; j < cfg.length; j++) {
            cfg[j] = d.readInt();
        }
        int nc = LayerRegistry.childCount(type, cfg);
        if (nc > MAX_COUNT) {
            throw bad(source, "implausible number of child layers: " + nc);
        }
        List<Layer> children = new ArrayList<>(nc);
        for (int i = 0; i < nc; i++) {
            children.add(readLayer(d, source, depth + 1, declared));
        }
        // Every parameter value is stored as 4 bytes after the layer records: refuse a config the
        // rest of the file cannot hold before allocating it.
        declared[0] += LayerRegistry.parameterCount(type, cfg);
        if (declared[0] > d.available() / 4) {
            throw bad(source, type + " layer '" + name + "' brings the parameter count to " + declared[0]
                    + ", more than the " + d.available() + " bytes left in the file hold");
        }
        return LayerRegistry.create(type, name, cfg, children);
    }

    /** Loads a checkpoint; InvalidInputException (naming the file) if it is not a valid one. */
    public static Loaded load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such checkpoint file");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A decoded checkpoint: the model and its metadata. */
    public record Loaded(Sequential model, Map<String, String> metadata, int version) {
    }

    /** Decodes a checkpoint from {@code in}; {@code source} names it in error messages. */
    public static Loaded read(InputStream in, String source) throws IOException {
        byte[] all = in.readAllBytes();
        if (all.length < 12) {
            throw bad(source, "too short for a checkpoint (" + all.length + " bytes)");
        }
        DataInputStream d = new DataInputStream(new java.io.ByteArrayInputStream(all));
        int magic = d.readInt();
        if (magic != MAGIC) {
            throw bad(source, String.format("wrong magic 0x%08X, expected 0x%08X (\"UVNN\" Undervolt checkpoint)", magic, MAGIC));
        }
        int version = d.readInt();
        if (version < 1 || version > VERSION) {
            throw bad(source, "format version " + version + " not supported, expected 1.." + VERSION);
        }
        int stored = CrcTrailer.stored(all);
        int computed = CrcTrailer.computed(all);
        if (computed != stored) {
            throw bad(source, String.format("CRC-32 mismatch (stored 0x%08X, computed 0x%08X): file is corrupt or truncated",
                    stored, computed));
        }
        try {
            return readBody(d, source, version);
        } catch (EOFException e) {
            throw bad(source, "truncated body");
        } catch (UTFDataFormatException e) {
            throw bad(source, "malformed name string (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw bad(source, e.getMessage());
        }
    }

    private static Loaded readBody(DataInputStream d, String source, int version) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        int m = count(d, source, "metadata entries");
        for (int i = 0; i < m; i++) {
            meta.put(d.readUTF(), d.readUTF());
        }
        int[] inShape = new int[count(d, source, "input rank")];
        for (int i = 0; i < inShape.length; i++) {
            inShape[i] = d.readInt();
        }
        int nl = count(d, source, "layers");
        List<Layer> layers = new ArrayList<>(nl);
        long[] declared = {0};
        for (int i = 0; i < nl; i++) {
            layers.add(readLayer(d, source, 0, declared));
        }
        Sequential model = new Sequential(inShape, layers);
        if (model.parameters().stream().noneMatch(p -> p.kind() == ParameterKind.WEIGHT)) {
            throw bad(source, "no weighted layer: expected a network with at least one weighted (dense or conv) layer");
        }
        Map<String, Parameter> byName = new HashMap<>();
        for (Parameter p : model.parameters()) {
            if (byName.put(p.name(), p) != null) {
                throw bad(source, "two parameters named '" + p.name() + "'");
            }
        }
        int np = count(d, source, "parameters");
        if (np != byName.size()) {
            throw bad(source, np + " parameters stored, the layers have " + byName.size());
        }
        for (int i = 0; i < np; i++) {
            String name = d.readUTF();
            String kind = d.readUTF();
            Parameter p = byName.remove(name);
            if (p == null) {
                throw bad(source, "parameter '" + name + "' is unknown or repeated");
            }
            if (!p.kind().name().equals(kind)) {
                throw bad(source, "parameter '" + name + "' has kind " + kind + ", expected " + p.kind());
            }
            int[] shape = new int[d.readUnsignedByte()];
            for (int j = 0; j < shape.length; j++) {
                shape[j] = d.readInt();
            }
            if (!Arrays.equals(shape, p.shape())) {
                throw bad(source, "parameter '" + name + "' has shape " + Arrays.toString(shape)
                        + ", expected " + Arrays.toString(p.shape()));
            }
            float[] data = p.data();
            for (int j = 0; j < data.length; j++) {
                data[j] = d.readFloat();
            }
        }
        if (d.available() != 4) {
            throw bad(source, (d.available() - 4) + " unexpected bytes after the parameters");
        }
        return new Loaded(model, meta, version);
    }

    private static int count(DataInputStream d, String source, String what) throws IOException {
        int n = d.readInt();
        if (n < 0 || n > MAX_COUNT) {
            throw bad(source, "implausible number of " + what + ": " + n);
        }
        return n;
    }

    private static InvalidInputException bad(String source, String msg) {
        return new InvalidInputException(source + ": " + msg);
    }
}
