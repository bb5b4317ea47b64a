package org.undervolt.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.nn.zoo.LeNet5;

class DataflowTest {
    // conv: 2 channels 6x6 -> 4 channels 4x4, 3x3 kernel, stride 1, no padding; then dense 64 -> 3; INT8
    static final NetworkData NET = new NetworkData(List.of(
            new LayerShape("c", true, 2, 6, 6, 4, 4, 4, 3, 1, 0), LayerShape.dense("d", 64, 3)), 1);

    static long bytes(List<Transfer> t, String item, boolean write) {
        return t.stream().filter(x -> x.item().equals(item) && x.write() == write).mapToLong(Transfer::length).sum();
    }

    @Test
    void streamingReadsEverythingOnceAndWritesEachOutputOnce() {
        List<Transfer> t = new StreamingDataflow().transfers(NET);
        assertThat(bytes(t, "c.ifm", false)).isEqualTo(72);
        assertThat(bytes(t, "c.weights", false)).isEqualTo(72);
        assertThat(bytes(t, "d.ifm", true)).isEqualTo(64);
        assertThat(bytes(t, "d.ifm", false)).isEqualTo(64);
        assertThat(bytes(t, "d.weights", false)).isEqualTo(192);
        assertThat(bytes(t, "output", true)).isEqualTo(3);
    }

    @Test
    void weightStationaryRereadsTheIfmOncePerWeightTileWhenItDoesNotFit() {
        List<Transfer> t = new WeightStationaryDataflow(40, 50).transfers(NET);
        assertThat(bytes(t, "c.weights", false)).isEqualTo(72); // 2 tiles of 36
        assertThat(bytes(t, "c.ifm", false)).isEqualTo(2 * 72); // 72 > 50: once per tile
        assertThat(bytes(t, "d.weights", false)).isEqualTo(192); // 5 tiles
        assertThat(bytes(t, "d.ifm", false)).isEqualTo(5 * 64);
        assertThat(bytes(t, "d.ifm", true)).isEqualTo(64);
        List<Transfer> big = new WeightStationaryDataflow(40, 100).transfers(NET);
        assertThat(bytes(big, "c.ifm", false)).isEqualTo(72);
        assertThat(bytes(big, "d.ifm", false)).isEqualTo(64);
    }

    @Test
    void rowStationaryReadsHaloRowsAgainAndWeightsPerStripWhenTheyDoNotFit() {
        // half buffer 24 B, IFM row 2 ch x 6 px = 12 B: at least k = 3 rows per strip -> 1 output row per strip,
        // 4 strips of 3 input rows (36 B) = 144 B; weights 72 B > 24 B: read per strip
        List<Transfer> t = new RowStationaryDataflow(48).transfers(NET);
        assertThat(bytes(t, "c.ifm", false)).isEqualTo(144);
        assertThat(bytes(t, "c.weights", false)).isEqualTo(4 * 72);
        assertThat(t.stream().filter(x -> x.item().equals("c.ifm")).map(Transfer::offset).toList())
                .containsExactly(0L, 12L, 24L, 36L);
        assertThat(bytes(t, "d.weights", false)).isEqualTo(192);
        assertThat(bytes(t, "d.ifm", false)).isEqualTo(64);
        // a buffer holding all rows and weights: everything once
        List<Transfer> once = new RowStationaryDataflow(1000).transfers(NET);
        assertThat(bytes(once, "c.ifm", false)).isEqualTo(72);
        assertThat(bytes(once, "c.weights", false)).isEqualTo(72);
    }

    @Test
    void rowStationaryWithPaddingClipsStripsToTheInput() {
        // 1 channel 4x4, k 3, pad 1 -> 4x4; half buffer of 3 rows (4 B each): 1 output row per strip
        NetworkData n = new NetworkData(List.of(new LayerShape("p", true, 1, 4, 4, 1, 4, 4, 3, 1, 1)), 1);
        List<Transfer> t = new RowStationaryDataflow(24).transfers(n);
        // input rows per output row: [0,2) [0,3) [1,4) [2,4) -> 2+3+3+2 = 10 rows = 40 B
        assertThat(bytes(t, "p.ifm", false)).isEqualTo(40);
    }

    @Test
    void layerShapesOfLeNet5AndBurstCounts() {
        List<LayerShape> s = LayerShape.of(LeNet5.mnist(1));
        assertThat(s).extracting(LayerShape::name).containsExactly("conv1", "conv2", "fc1", "fc2", "fc3");
        assertThat(s.get(1)).isEqualTo(new LayerShape("conv2", true, 6, 14, 14, 16, 10, 10, 5, 1, 0));
        assertThat(s.stream().mapToLong(LayerShape::weights).sum()).isEqualTo(61_470);
        NetworkData net = new NetworkData(s, 4);
        assertThat(net.bytesOf("fc1.ifm")).isEqualTo(400 * 4);
        Map<String, long[]> tr = MapEvaluation.traffic(new StreamingDataflow().transfers(net), 64);
        assertThat(tr.get("conv2.weights")[0]).isEqualTo((16 * 6 * 25 * 4 + 63) / 64);
        assertThat(tr.get("fc1.ifm")).containsExactly(25, 25); // 1600 B read once and written once
    }
}
