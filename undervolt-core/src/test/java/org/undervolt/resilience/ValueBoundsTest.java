package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.zoo.Mlp;

class ValueBoundsTest {

    @Test
    void valuesOutsideTheRangeAndNanBecomeZeroAndBoundsThemselvesStay() {
        ValueBounds.Range r = new ValueBounds.Range(-1f, 2f);
        float[] v = {-1f, 2f, 0.5f, Math.nextDown(-1f), Math.nextUp(2f), Float.NaN, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, 1e30f};
        int zeroed = ValueBounds.apply(v, r);
        assertThat(zeroed).isEqualTo(6);
        assertThat(v).containsExactly(-1f, 2f, 0.5f, 0f, 0f, 0f, 0f, 0f, 0f);
    }

    @Test
    void weightBoundsAreTheCleanRangeWidenedByTheSlack() {
        ValueBounds.Range r = ValueBounds.weightBounds(new float[] {-0.5f, 0.25f, Float.NaN, 1f});
        assertThat((double) r.lo()).isCloseTo(-0.5 - 1.5e-5, org.assertj.core.data.Offset.offset(1e-7));
        assertThat((double) r.hi()).isCloseTo(1 + 1.5e-5, org.assertj.core.data.Offset.offset(1e-7));
    }

    @Test
    void profilesTheIfmRangeOfEachLayer() {
        ImageDataset data = SyntheticDatasets.separableBlobs(64, 4, 4, 3, 5);
        Sequential m = Mlp.create(new int[] {16, 8, 3}, 2);
        List<Site> sites = Site.of(m, Set.of(DataKind.IFMS));
        ValueBounds b = ValueBounds.profile(m, data, 64, sites.stream().map(Site::layer).toList());
        // The first layer's IFM is the image scaled to [0, 1]: its range is the pixel range / 255.
        int lo = 255;
        int hi = 0;
        for (byte p : data.pixels()) {
            lo = Math.min(lo, p & 0xFF);
            hi = Math.max(hi, p & 0xFF);
        }
        ValueBounds.Range first = b.ifm(sites.get(0).layer());
        assertThat((double) first.lo()).isCloseTo(lo / 255.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat((double) first.hi()).isCloseTo(hi / 255.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(first.lo()).isLessThanOrEqualTo(lo / 255f);
        // The second dense layer reads ReLU outputs: never negative.
        ValueBounds.Range second = b.ifm(sites.get(1).layer());
        assertThat(second.lo()).isLessThanOrEqualTo(0f).isGreaterThan(-1e-4f);
        assertThat(second.hi()).isGreaterThan(0f);
    }
}
