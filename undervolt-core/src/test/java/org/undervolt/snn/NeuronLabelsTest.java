package org.undervolt.snn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NeuronLabelsTest {

    @Test
    void labelsByHighestAverageResponseNotTotal() {
        // 3 neurons, 2 classes; class 0 has 4 images, class 1 has 1
        long[] sums = {
            8, 0, 0, // class 0: neuron 0 fired 8 times (2 per image), neuron 1 never
            3, 3, 0, // class 1: neuron 0 fired 3 (3 per image > 2), neuron 1 fired 3
        };
        int[] labels = NeuronLabels.assign(sums, new int[] {4, 1}, 3);
        assertThat(labels).containsExactly(1, 1, -1);
    }

    @Test
    void classifiesByMeanCountOfAssignedNeurons() {
        int[] labels = {0, 0, 0, 1, -1};
        // class 0: (3+0+0)/3 = 1; class 1: 2/1 = 2 -> class 1 although class 0's total is larger
        assertThat(NeuronLabels.classify(new int[] {3, 0, 0, 2, 9}, labels, 2)).isEqualTo(1);
        assertThat(NeuronLabels.classify(new int[] {6, 1, 0, 2, 0}, labels, 2)).isEqualTo(0);
        assertThat(NeuronLabels.classify(new int[] {0, 0, 0, 0, 9}, labels, 2)).isEqualTo(-1);
    }

    @Test
    void legitimateLabelsAreUnassignedOrAClass() {
        assertThat(NeuronLabels.legitimate(NeuronLabels.UNASSIGNED, 10)).isTrue();
        assertThat(NeuronLabels.legitimate(0, 10)).isTrue();
        assertThat(NeuronLabels.legitimate(9, 10)).isTrue();
        assertThat(NeuronLabels.legitimate(10, 10)).isFalse();
        assertThat(NeuronLabels.legitimate(99, 10)).isFalse();
        assertThat(NeuronLabels.legitimate(-5, 10)).isFalse();
    }
}
