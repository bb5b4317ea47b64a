package org.undervolt.nn.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;
import org.undervolt.nn.zoo.LeNet5;

/** Bad ONNX bytes end in one-line InvalidInputExceptions naming the source, never in other exceptions. */
class OnnxReaderTest {

    private static byte[] lenet() {
        return OnnxWriter.encode(SequentialExporter.export(LeNet5.mnist(1), "lenet"));
    }

    @Test
    void decodesWhatItEncodes() {
        OnnxModel m = OnnxReader.decode(lenet(), "lenet.onnx");
        assertThat(m.opsetVersion()).isEqualTo(SequentialExporter.OPSET);
        assertThat(m.irVersion()).isEqualTo(SequentialExporter.IR_VERSION);
        assertThat(m.producerName()).isEqualTo("undervolt");
        assertThat(m.graph().nodes()).extracting(OnnxNode::opType).containsExactly("Conv", "Relu", "MaxPool", "Conv",
                "Relu", "MaxPool", "Flatten", "Gemm", "Relu", "Gemm", "Relu", "Gemm");
        assertThat(m.graph().initializers().get("conv1.weight").shape()).containsExactly(6, 1, 5, 5);
        assertThat(m.graph().inputs().get(0).dims()).containsExactly(-1, 1, 28, 28);
        assertThat(m.graph().inputs().get(0).dimNames()[0]).isEqualTo("N");
    }

    @Test
    void emptyAndNonProtobufFiles() {
        assertThatThrownBy(() -> OnnxReader.decode(new byte[0], "e.onnx"))
                .isInstanceOf(InvalidInputException.class).hasMessage("e.onnx: empty file (expected an ONNX ModelProto)");
        assertThatThrownBy(() -> OnnxReader.decode("hello, world\n".getBytes(StandardCharsets.US_ASCII), "t.onnx"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("t.onnx: not a valid ONNX model: ");
    }

    @Test
    void truncatedFileNamesTheProblem() {
        byte[] b = lenet();
        assertThatThrownBy(() -> OnnxReader.decode(Arrays.copyOf(b, b.length / 2), "cut.onnx"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("cut.onnx: not a valid ONNX model: ")
                .hasMessageContaining("runs past the end");
    }

    @Test
    void wrongElementTypeIsNamed() {
        // TensorProto: dims=[2], data_type=INT32 (6), name "w", int32_data packed [1, 2]
        ProtoWriter t = new ProtoWriter().varint(1, 2).varint(2, 6).string(8, "w").bytes(5, new byte[] {1, 2});
        ProtoWriter g = new ProtoWriter().message(5, t)
                .message(12, new ProtoWriter().string(1, "w"));
        byte[] model = new ProtoWriter().varint(1, 8).message(7, g)
                .message(8, new ProtoWriter().varint(2, 17)).toByteArray();
        assertThatThrownBy(() -> OnnxReader.decode(model, "i.onnx"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("i.onnx: not a valid ONNX model: tensor 'w' has data of type INT32; supported: FLOAT, INT64");
    }

    @Test
    void missingGraphOrOpsetAndExternalData() {
        byte[] noGraph = new ProtoWriter().varint(1, 8).toByteArray();
        assertThatThrownBy(() -> OnnxReader.decode(noGraph, "g.onnx")).hasMessageContaining("no graph");
        ProtoWriter ext = new ProtoWriter().varint(1, 1).varint(2, 1).string(8, "w")
                .message(13, new ProtoWriter().string(1, "location").string(2, "w.bin"));
        byte[] model = new ProtoWriter().varint(1, 8).message(7, new ProtoWriter().message(5, ext)).toByteArray();
        assertThatThrownBy(() -> OnnxReader.decode(model, "x.onnx")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("external data");
    }

    @Test
    void wrongFeedShapeIsNamed() {
        OnnxInterpreter in = new OnnxInterpreter(OnnxReader.decode(lenet(), "l.onnx"), "l.onnx");
        assertThatThrownBy(() -> in.run(NdArray.of(new int[] {1, 1, 27, 28}, new float[27 * 28])))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("l.onnx: graph input 'input' has shape [-1, 1, 28, 28], fed [1, 1, 27, 28]");
    }

    @Test
    void undefinedValueIsNamed() {
        OnnxGraph g = new OnnxGraph("g", List.of(new OnnxNode("r", "Relu", "", List.of("nowhere"), List.of("y"),
                java.util.Map.of())), List.of(), List.of(new OnnxValueInfo("y", 1, null, null)), java.util.Map.of());
        assertThatThrownBy(() -> new OnnxInterpreter(new OnnxModel(8, 17, "", "", g), "u.onnx"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("u.onnx: node 'r' (Relu) reads 'nowhere', which no earlier node, graph input or initializer defines");
    }

    /** Random truncations and byte corruptions: decoding and conversion either succeed or throw InvalidInputException. */
    @Test
    void damagedFilesNeverEscapeAsOtherExceptions() {
        byte[] good = lenet();
        SplittableRandom r = new SplittableRandom(42);
        int rejected = 0;
        for (int trial = 0; trial < 400; trial++) {
            byte[] b = trial % 2 == 0 ? Arrays.copyOf(good, r.nextInt(good.length)) : good.clone();
            if (trial % 2 == 1) {
                for (int k = 0; k < 1 + r.nextInt(4); k++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
            }
            try {
                OnnxModel m = OnnxReader.decode(b, "d.onnx");
                SequentialImporter.convert(m, "d.onnx");
            } catch (InvalidInputException e) {
                assertThat(e.getMessage()).startsWith("d.onnx: ").doesNotContain("\n");
                rejected++;
            }
        }
        assertThat(rejected).isGreaterThan(200);
    }
}
