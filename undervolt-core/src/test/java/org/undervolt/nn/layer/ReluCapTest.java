package org.undervolt.nn.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.onnx.OnnxGraph;
import org.undervolt.nn.onnx.OnnxNode;
import org.undervolt.nn.onnx.SequentialExporter;
import org.undervolt.nn.tensor.Tensor;

class ReluCapTest {

    @Test
    void aCappedReluClampsToZeroAndTheCapAndPassesGradientOnlyInBetween() {
        Relu r = new Relu("r", 1.5f);
        Tensor x = new Tensor(new int[] {1, 5}, new float[] {-2f, 0.5f, 1.5f, 3f, 1.25f});
        Tensor y = r.forward(x, new ForwardContext(true, 0, 0, LayerHooks.NONE), null);
        assertThat(y.data()).containsExactly(0f, 0.5f, 1.5f, 1.5f, 1.25f);
        Tensor g = r.backward(new Tensor(new int[] {1, 5}, new float[] {1f, 2f, 3f, 4f, 5f}));
        assertThat(g.data()).containsExactly(0f, 2f, 0f, 0f, 5f);
        assertThat(r.type()).isEqualTo("relucap");
        assertThat(r.config()).containsExactly(Float.floatToIntBits(1.5f));
        assertThat(r.copy().cap()).isEqualTo(1.5f);
        // a plain ReLU is unchanged: no cap, type relu, empty config
        Relu plain = new Relu("p");
        assertThat(plain.cap()).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(plain.type()).isEqualTo("relu");
        assertThat(plain.config()).isEmpty();
        assertThat(plain.forward(x, ForwardContext.inference(0), null).data()).containsExactly(0f, 0.5f, 1.5f, 3f, 1.25f);
        assertThatThrownBy(() -> new Relu("bad", 0f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Relu("bad", Float.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCapSurvivesACheckpoint() throws IOException {
        Sequential m = new Sequential(new int[] {3}, List.of(new Dense("d", 3, 2), new Relu("r", 0.75f)));
        m.initialize(3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Checkpoint.write(m, Map.of(), out);
        Sequential back = Checkpoint.read(new ByteArrayInputStream(out.toByteArray()), "m.uvnn").model();
        assertThat(back.layers().get(1)).isInstanceOf(Relu.class);
        assertThat(((Relu) back.layers().get(1)).cap()).isEqualTo(0.75f);
        Tensor x = new Tensor(new int[] {1, 3}, new float[] {5f, -5f, 5f});
        assertThat(back.infer(x).data()).containsExactly(m.infer(x).data());
    }

    @Test
    void aCappedReluExportsAsOnnxClipFromZeroToTheCap() {
        Sequential m = new Sequential(new int[] {3}, List.of(new Dense("d", 3, 2), new Relu("r", 0.75f)));
        OnnxGraph g = SequentialExporter.export(m, "m").graph();
        OnnxNode clip = g.nodes().stream().filter(n -> n.opType().equals("Clip")).findFirst().orElseThrow();
        assertThat(clip.inputs()).hasSize(3);
        assertThat(g.initializers().get(clip.inputs().get(1)).floats()).containsExactly(0f);
        assertThat(g.initializers().get(clip.inputs().get(2)).floats()).containsExactly(0.75f);
    }
}
