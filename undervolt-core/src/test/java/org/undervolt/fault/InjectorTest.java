package org.undervolt.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.error.RowSpan;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.random.Seeds;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.DramImage;
import org.undervolt.storage.Formats;
import org.undervolt.storage.SequentialPlacement;

class InjectorTest {
    private static final DramGeometry G = new DramGeometry(1, 1, 2, 2, 4, 32);

    private static DramImage image() {
        float[] a = new float[100];
        float[] b = new float[60];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i % 13) - 6;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = i * 0.01f;
        }
        return DramImage.builder(new SequentialPlacement(G, 20))
                .add("a", new int[] {100}, a, Formats.INT8)
                .add("b", new int[] {6, 10}, b, Formats.INT8)
                .build();
    }

    @Test
    void spansFollowRowsOfThePlacement() {
        List<RowSpan> spans = Injector.spans(new SequentialPlacement(G, 20), 0, 160);
        assertThat(spans.get(0)).isEqualTo(new RowSpan(0, 12, 0, 0, 0, 20));
        assertThat(spans.get(1)).isEqualTo(new RowSpan(12, 44, 0, 0, 1, 0));
        assertThat(spans.get(4)).isEqualTo(new RowSpan(108, 140, 0, 1, 0, 0));
        assertThat(spans.get(spans.size() - 1).to()).isEqualTo(160);
        assertThat(spans.stream().mapToInt(RowSpan::length).sum()).isEqualTo(160);
    }

    @Test
    void tensorInjectionTouchesOnlyThatTensor() {
        DramImage clean = image();
        DramImage trial = clean.copy();
        long flips = Injector.inject(trial, "b", new UniformErrorModel(0.2), Seeds.stream(1, 0));
        assertThat(flips).isPositive();
        assertThat(trial.decode("a")).isEqualTo(clean.decode("a"));
        assertThat(trial.decode("b")).isNotEqualTo(clean.decode("b"));
        assertThat(clean.bytes()).isEqualTo(image().bytes());
    }

    @Test
    void sameSeedAndTrialGiveTheSameImage() {
        DramImage x = image();
        DramImage y = image();
        long fx = Injector.inject(x, new UniformErrorModel(0.01), 42, 3, 7);
        long fy = Injector.inject(y, new UniformErrorModel(0.01), 42, 3, 7);
        assertThat(fx).isEqualTo(fy);
        assertThat(x.bytes()).isEqualTo(y.bytes());
    }
}
