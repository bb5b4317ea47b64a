package org.undervolt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class SvgPlotTest {

    @Test
    void logScalePutsDecadesAtEqualSpacingWithSuperscriptLabels() {
        Scale s = Scale.logDecadesAround(2e-7, 0.05);
        assertThat(s.min()).isEqualTo(1e-7);
        assertThat(s.max()).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(s.fraction(1e-4)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.ticks()).extracting(Scale.Tick::label)
                .containsExactly("10⁻⁷", "10⁻⁶", "10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹");
        assertThat(s.accepts(0)).isFalse();
        assertThat(Scale.Log.powerOfTen(12)).isEqualTo("10¹²");
    }

    @Test
    void linearTicksAreRoundNumbers() {
        assertThat(Scale.linear(0, 1).ticks()).extracting(Scale.Tick::label)
                .containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
        assertThat(Scale.linear(0.9, 1.3).ticks()).extracting(Scale.Tick::label)
                .containsExactly("0.90", "0.95", "1.00", "1.05", "1.10", "1.15", "1.20", "1.25", "1.30");
        assertThatThrownBy(() -> Scale.linear(1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLineHasOneCommandPerPointAndItsEndsAtTheAxisCorners() {
        double[] x = {1e-6, 1e-5, 1e-4, 1e-3, 1e-2};
        double[] y = {1.0, 0.9, 0.5, 0.25, 0.0};
        String svg = new SvgPlot("t", "x", Scale.log(1e-6, 1e-2), "y", Scale.linear(0, 1))
                .line("mean", x, y, "#1f5fa8", SvgPlot.Stroke.SOLID, true).svg();
        Matcher m = Pattern.compile("class=\"uv-line\" data-series=\"mean\" data-points=\"5\" d=\"([^\"]+)\"")
                .matcher(svg);
        assertThat(m.find()).as(svg).isTrue();
        List<double[]> pts = SvgPaths.points(m.group(1));
        assertThat(pts).hasSize(5);
        // plot area: x from 74 to 960-250, y from 500-58 (value 0) up to 20 (value 1)
        assertThat(pts.get(0)).containsExactly(74, 20);
        assertThat(pts.get(4)).containsExactly(710, 442);
        assertThat(pts.get(2)[0]).isEqualTo(392); // 1e-4: half way on the log axis
        assertThat(pts.get(2)[1]).isEqualTo(231); // 0.5: half way up
        assertThat(svg.split("class=\"uv-marker\"", -1)).hasSize(6);
    }

    @Test
    void aBandIsAClosedOutlineOverBothEdges() {
        String svg = new SvgPlot("t", "x", Scale.linear(0, 2), "y", Scale.linear(0, 1))
                .band("ci", new double[] {0, 1, 2}, new double[] {0.1, 0.2, 0.3}, new double[] {0.5, 0.6, 0.7}, "#123456")
                .svg();
        Matcher m = Pattern.compile("class=\"uv-band\" data-series=\"ci\" data-points=\"3\" d=\"([^\"]+Z)\"")
                .matcher(svg);
        assertThat(m.find()).as(svg).isTrue();
        assertThat(SvgPaths.points(m.group(1))).hasSize(6);
    }

    @Test
    void namesAreEscapedAndNothingIsFetched() {
        String svg = new SvgPlot("<b>", "x", Scale.linear(0, 1), "y", Scale.linear(0, 1))
                .line("a\"<script>", new double[] {0, 1}, new double[] {0, 1}, "#000", SvgPlot.Stroke.DASHED, false)
                .vertical("v", 0.5, "#000", SvgPlot.Stroke.DOTTED).svg();
        assertThat(svg).doesNotContain("<script>").doesNotContain("<b>").contains("a&quot;&lt;script&gt;");
        assertThat(svg.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http").doesNotContain("href");
    }
}
