package org.undervolt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.experiment.ReportCurves;
import org.undervolt.resilience.CurvePoint;

class HtmlReportTest {

    /** A section of a later pipeline, written against the section API only. */
    private record Custom(String id, String title, String body) implements ReportSection {
        @Override
        public void render(Html html) {
            html.element("p", body, "class", "custom");
        }
    }

    private static HtmlReport sample() {
        List<CurvePoint> curve = List.of(new CurvePoint(1e-5, new double[] {0.97, 0.98}),
                new CurvePoint(1e-4, new double[] {0.95, 0.97}), new CurvePoint(1e-3, new double[] {0.5, 0.7}));
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("git_revision", "abc123");
        prov.put("config", Map.of("seed", 7));
        return new HtmlReport("Run <1>", "subtitle & more")
                .add(new TableSection("headline", "Headline", List.of("figure", "this run", "paper"))
                        .figure("39.1%", "DRAM energy saved").row("saving", "39.1%", PaperFigures.SPARKXD_ENERGY_SAVING))
                .add(new AccuracyVsBerSection("accuracy", "Accuracy", List.of(
                        new AccuracyVsBerSection.Curve("no retraining", ReportCurves.of(curve)),
                        new AccuracyVsBerSection.Curve("retrained", ReportCurves.of(curve))), 0.975, 0.965, OptionalDouble.of(1e-4)))
                .add(new EnergyBarsSection("energy", "Energy", List.of(new EnergyBarsSection.Bar("nominal", 1.2, 4e-3),
                        new EnergyBarsSection.Bar("chosen", 0.93, 2.5e-3)), "scope"))
                .add(new Custom("partition-map", "Partition map", "fc1 -> 1.10 V"))
                .add(TableSection.keyValues("provenance", "Provenance", prov));
    }

    @Test
    void sectionsAppearInOrderWithAnchorsAndANavigationLink() {
        String html = sample().render();
        int a = html.indexOf("id=\"headline\"");
        int b = html.indexOf("id=\"accuracy\"");
        int c = html.indexOf("id=\"energy\"");
        int d = html.indexOf("id=\"partition-map\"");
        int e = html.indexOf("id=\"provenance\"");
        assertThat(a).isPositive().isLessThan(b);
        assertThat(b).isLessThan(c);
        assertThat(c).isLessThan(d);
        assertThat(d).isLessThan(e);
        assertThat(html).contains("href=\"#partition-map\"").contains("<p class=\"custom\">fc1 -&gt; 1.10 V</p>");
        assertThat(html).contains("<td>config.seed</td><td>7</td>").contains("<td>git_revision</td><td>abc123</td>");
        assertThat(html).contains("<title>Run &lt;1&gt;</title>").contains("subtitle &amp; more");
    }

    @Test
    void twoCurvesGiveTwoBandsTwoMeansAndTheirTables() {
        String html = sample().render();
        assertThat(html.split("class=\"uv-band\"", -1)).hasSize(3);
        assertThat(html).contains("data-series=\"retrained: mean\"").contains("data-series=\"no retraining: mean\"");
        assertThat(html).contains("<h3>retrained</h3>");
        // the CI of {0.95, 0.97}: t(0.975, 1) * 0.01414 / sqrt 2 = 12.706 * 0.01 = 0.1271
        assertThat(html).contains("± 0.1271");
        assertThat(html).contains("data-series=\"tolerable BER\"");
        assertThat(html).contains("2.50 mJ  (−37.5%)");
    }

    @Test
    void theFileIsSelfContained(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("r/report.html");
        sample().write(f);
        String html = Files.readString(f, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">");
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=")
                .doesNotContain("url(http").doesNotContain("@import");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:").doesNotContain("https:");
        try (var files = Files.list(f.getParent())) {
            assertThat(files).containsExactly(f); // no temporary file left behind
        }
    }

    @Test
    void sectionIdsMustBeUniqueAndPlain() {
        HtmlReport r = new HtmlReport("t", "s").add(new Custom("a", "A", "x")).add(new Custom("a", "B", "y"));
        assertThatThrownBy(r::render).isInstanceOf(IllegalStateException.class).hasMessageContaining("id a");
        assertThatThrownBy(() -> new HtmlReport("t", "s").add(new Custom("a b", "A", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void energyUnitsAreHuman() {
        assertThat(EnergyBarsSection.joules(4.3065e-3)).isEqualTo("4.31 mJ");
        assertThat(EnergyBarsSection.joules(2.5e-7)).isEqualTo("250 nJ");
        assertThat(EnergyBarsSection.joules(12.0)).isEqualTo("12.0 J");
        assertThat(EnergyBarsSection.joules(3e-5)).isEqualTo("30.0 µJ");
    }
}
