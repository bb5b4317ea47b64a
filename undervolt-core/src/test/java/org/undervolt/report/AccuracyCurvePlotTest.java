package org.undervolt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.experiment.ReportCurves;
import org.undervolt.resilience.CurvePoint;

class AccuracyCurvePlotTest {

    @Test
    void writesADecodablePngAndNoTemporaryFiles(@TempDir Path dir) throws Exception {
        var curve = List.of(new CurvePoint(1e-5, new double[] {0.98, 0.97}),
                new CurvePoint(1e-3, new double[] {0.96, 0.95}), new CurvePoint(1e-1, new double[] {0.1, 0.12}));
        Path png = dir.resolve("sub").resolve("curve.png");
        new AccuracyCurvePlot("test", ReportCurves.of(curve), 0.98, 0.97, OptionalDouble.of(1e-5)).writePng(png);

        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png)));
        assertThat(img.getWidth()).isEqualTo(960);
        assertThat(img.getHeight()).isEqualTo(600);
        try (var files = Files.list(png.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("curve.png");
        }
    }
}
