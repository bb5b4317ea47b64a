package org.undervolt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.experiment.ReportCurves;
import org.undervolt.resilience.CurvePoint;

/**
 * Renders a report in a real browser (Debian's headless {@code chromium}) and checks that the plots
 * are drawn: the browser measures every plotted path (so it parsed them as SVG geometry, with the
 * points we wrote), and a screenshot holds the plot's colours where the plot is.
 */
class ReportInBrowserTest {
    private static final int POINTS = 7;
    private static final int[] MEAN_RGB = {0x1f, 0x5f, 0xa8};

    /** A report with one accuracy curve of {@value #POINTS} points and an energy section. */
    private static HtmlReport report() {
        List<CurvePoint> curve = new ArrayList<>();
        for (int i = 0; i < POINTS; i++) {
            double ber = Math.pow(10, -7 + i);
            double m = 0.97 / (1 + 2000 * ber);
            curve.add(new CurvePoint(ber, new double[] {m - 0.03, m, m + 0.02, Math.max(0, m - 0.1)}));
        }
        return new HtmlReport("Browser check", "a plot that must be drawn")
                .add(new AccuracyVsBerSection("accuracy", "Accuracy versus BER",
                        List.of(new AccuracyVsBerSection.Curve("no retraining", ReportCurves.of(curve))), 0.97, 0.96,
                        OptionalDouble.of(1e-5)))
                .add(new EnergyBarsSection("energy", "Energy", List.of(new EnergyBarsSection.Bar("nominal", 1.2, 4e-3),
                        new EnergyBarsSection.Bar("chosen", 0.93, 2.5e-3)), null));
    }

    private static HeadlessChromium browser(Path tmp) {
        Optional<HeadlessChromium> b = HeadlessChromium.find(tmp);
        assumeTrue(b.isPresent(), "chromium is not installed (apt-get install chromium, as .ci/run does): "
                + "the report is not checked in a browser");
        return b.get();
    }

    @Test
    void theBrowserMeasuresEveryPlottedPathWithThePointsWeWrote(@TempDir Path tmp) throws Exception {
        HeadlessChromium chromium = browser(tmp);
        String html = report().render();
        // A test-only script appended to a copy: the browser writes what it measured into the DOM.
        String probe = "<script>for (const p of document.querySelectorAll('path.uv-line, path.uv-band')) {"
                + " const b = p.getBBox(); p.setAttribute('data-measured-length', p.getTotalLength());"
                + " p.setAttribute('data-measured-box', b.width + ' ' + b.height); }"
                + " document.body.setAttribute('data-markers', document.querySelectorAll('circle.uv-marker').length);"
                + " document.body.setAttribute('data-bars', document.querySelectorAll('rect.uv-bar').length);"
                + "</script>";
        Path page = tmp.resolve("probe.html");
        Files.writeString(page, html.replace("</body>", probe + "</body>"));
        String dom = chromium.dumpDom(page);

        assertThat(dom).contains("data-markers=\"" + POINTS + "\"").contains("data-bars=\"2\"");
        Matcher m = Pattern.compile("<path class=\"(uv-line|uv-band)\"[^>]*?data-points=\"(\\d+)\"[^>]*?d=\"([^\"]+)\""
                + "[^>]*?data-measured-length=\"([0-9.]+)\" data-measured-box=\"([0-9.]+) ([0-9.]+)\"").matcher(dom);
        int lines = 0;
        int bands = 0;
        while (m.find()) {
            List<double[]> pts = SvgPaths.points(m.group(3));
            boolean band = m.group(1).equals("uv-band");
            assertThat(pts).hasSize(Integer.parseInt(m.group(2)) * (band ? 2 : 1));
            assertThat(Integer.parseInt(m.group(2))).isEqualTo(POINTS);
            double measured = Double.parseDouble(m.group(4));
            assertThat(measured).as("length the browser measured for " + m.group(0))
                    .isCloseTo(SvgPaths.length(pts, band), org.assertj.core.data.Percentage.withPercentage(0.5));
            assertThat(Double.parseDouble(m.group(5))).isGreaterThan(500); // 7 decades across the plot
            lines += band ? 0 : 1;
            bands += band ? 1 : 0;
        }
        assertThat(lines).as("mean and worst-trial lines measured").isEqualTo(2);
        assertThat(bands).as("confidence band measured").isEqualTo(1);
    }

    @Test
    void aScreenshotShowsTheCurveAndItsBandInThePlotArea(@TempDir Path tmp) throws Exception {
        HeadlessChromium chromium = browser(tmp);
        Path page = tmp.resolve("report.html");
        report().write(page);
        BufferedImage img = ImageIO.read(chromium.screenshot(page, 1100, 900).toFile());
        assertThat(img.getWidth()).isEqualTo(1100);

        int mean = 0;
        int band = 0;
        int meanTop = Integer.MAX_VALUE;
        int meanBottom = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 255;
                int g = (rgb >> 8) & 255;
                int b = rgb & 255;
                if (near(r, g, b, MEAN_RGB, 6)) {
                    mean++;
                    meanTop = Math.min(meanTop, y);
                    meanBottom = Math.max(meanBottom, y);
                }
                // the band: the mean colour at 18% opacity over white
                if (near(r, g, b, blend(MEAN_RGB, 0.18), 4)) {
                    band++;
                }
            }
        }
        assertThat(mean).as("pixels of the mean line and its markers").isGreaterThan(400);
        assertThat(band).as("pixels of the confidence band").isGreaterThan(300);
        assertThat(meanBottom - meanTop).as("the curve falls across the plot's height").isGreaterThan(200);
    }

    private static int[] blend(int[] rgb, double alpha) {
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            out[i] = (int) Math.round(alpha * rgb[i] + (1 - alpha) * 255);
        }
        return out;
    }

    private static boolean near(int r, int g, int b, int[] want, int tol) {
        return Math.abs(r - want[0]) <= tol && Math.abs(g - want[1]) <= tol && Math.abs(b - want[2]) <= tol;
    }
}
