package org.undervolt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline report's sections (tolerance bars, energy versus VDD, placement map, energy breakdown)
 * rendered in headless chromium: every bar and box is laid out with the width and height we wrote,
 * and the energy line is measured as a path through all its points.
 */
class PipelineSectionsInBrowserTest {

    private static HtmlReport report() {
        Map<String, Map<String, Double>> breakdown = new LinkedHashMap<>();
        breakdown.put("nominal", Map.of("act", 2e-6, "rd", 5e-6));
        breakdown.put("chosen", Map.of("act", 1.5e-6, "rd", 3.5e-6));
        return new HtmlReport("Sections", "pipeline sections in a browser")
                .add(new ToleranceBarsSection("tolerance", "Tolerable BER", List.of(
                        new ToleranceBarsSection.Bar("conv1.weights", 1e-3, null),
                        new ToleranceBarsSection.Bar("conv1.ifm", 1e-5, null),
                        new ToleranceBarsSection.Bar("fc1.weights", 0, "none")), 1e-6, null))
                .add(new LinePlotSection("energy-vdd", "Energy vs VDD", "VDD (V)", "energy (µJ)", List.of(
                        new LinePlotSection.Series("tolerated", new double[] {1.2, 1.15, 1.1}, new double[] {7, 6.5, 6}, false),
                        new LinePlotSection.Series("not", new double[] {1.1, 1.05, 1.0, 0.95}, new double[] {6, 5.5, 5, 4.6}, true)),
                        1.1, "chosen", null))
                .add(new PlacementMapSection("map", "Map", List.of(
                        new PlacementMapSection.Region("p1", "1.2 V", List.of(new PlacementMapSection.Item("output", 10, 0, 0))),
                        new PlacementMapSection.Region("p2", "1.0 V", List.of(
                                new PlacementMapSection.Item("fc1.weights", 48000, 1e-4, 1e-5),
                                new PlacementMapSection.Item("conv1.ifm", 784, 1e-4, 1e-5)))), null))
                .add(new StackedBarsSection("breakdown", "Breakdown", breakdown, "J", null));
    }

    @Test
    void everyBarBoxAndLineIsLaidOutAsWritten(@TempDir Path tmp) throws Exception {
        Optional<HeadlessChromium> b = HeadlessChromium.find(tmp);
        assumeTrue(b.isPresent(), "chromium is not installed (apt-get install chromium, as .ci/run does)");
        String probe = "<script>for (const r of document.querySelectorAll('rect.uv-bar, rect.uv-item')) {"
                + " const x = r.getBBox(); r.setAttribute('data-measured', x.width + ' ' + x.height); }"
                + " for (const p of document.querySelectorAll('path.uv-line')) {"
                + " p.setAttribute('data-measured-length', p.getTotalLength()); }</script>";
        Path page = tmp.resolve("probe.html");
        Files.writeString(page, report().render().replace("</body>", probe + "</body>"));
        String dom = b.get().dumpDom(page);

        Matcher m = Pattern.compile("<rect class=\"(uv-bar|uv-item)\"[^>]*? width=\"([0-9.]+)\" height=\"([0-9.]+)\"[^>]*?"
                + "data-measured=\"([0-9.]+) ([0-9.]+)\"").matcher(dom);
        int bars = 0;
        int items = 0;
        int nonEmpty = 0;
        while (m.find()) {
            assertThat(Double.parseDouble(m.group(4))).as(m.group(0)).isCloseTo(Double.parseDouble(m.group(2)),
                    org.assertj.core.data.Offset.offset(0.01));
            assertThat(Double.parseDouble(m.group(5))).isCloseTo(Double.parseDouble(m.group(3)),
                    org.assertj.core.data.Offset.offset(0.01));
            nonEmpty += Double.parseDouble(m.group(4)) > 1 ? 1 : 0;
            if (m.group(1).equals("uv-bar")) {
                bars++;
            } else {
                items++;
            }
        }
        assertThat(bars).as("3 tolerance bars + 2 x 2 stacked parts").isEqualTo(7);
        assertThat(items).isEqualTo(3);
        assertThat(nonEmpty).as("all but the tolerance bar of a site with none").isEqualTo(9);

        Matcher l = Pattern.compile("<path class=\"uv-line\"[^>]*?data-points=\"(\\d+)\"[^>]*?d=\"([^\"]+)\"[^>]*?"
                + "data-measured-length=\"([0-9.]+)\"").matcher(dom);
        int lines = 0;
        while (l.find()) {
            List<double[]> pts = SvgPaths.points(l.group(2));
            assertThat(pts).hasSize(Integer.parseInt(l.group(1)));
            assertThat(Double.parseDouble(l.group(3))).isCloseTo(SvgPaths.length(pts, false),
                    org.assertj.core.data.Percentage.withPercentage(0.5));
            lines++;
        }
        assertThat(lines).isEqualTo(2);
    }
}
