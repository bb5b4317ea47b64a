package org.undervolt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class DeviceSpreadSectionsTest {

    private static Map<String, Object> row(double tol, double min, double median, double max, Map<String, Integer> why) {
        return Map.of("tolerable_ber", tol, "energy_saving", Map.of("min", min, "median", median, "max", max), "limited_by", why);
    }

    private static final List<Map<String, Object>> CURVE = List.of(
            row(1e-8, 0.05, 0.20, 0.25, Map.of("tolerance", 3)),
            row(1e-6, 0.06, 0.22, 0.27, Map.of("tolerance", 2, "data-floor", 1)),
            row(1e-4, 0.07, 0.24, 0.30, Map.of("data-floor", 3)));

    @Test
    void savingVersusToleranceDrawsMinMedianMaxWithTheToleranceMarkedAndSaysWhatLimited() {
        LinePlotSection s = DeviceSpreadSections.savingVersusTolerance(CURVE, 1e-5, "this network's tolerance", "quadratic",
                "a test mix").orElseThrow();
        String svg = s.svg();
        for (String series : new String[] {"median device", "least saving device", "most saving device"}) {
            Matcher m = Pattern.compile("class=\"uv-line\" data-series=\"" + series + "\" data-points=\"(\\d+)\"").matcher(svg);
            assertThat(m.find()).as(series).isTrue();
            assertThat(m.group(1)).isEqualTo("3");
        }
        assertThat(svg).contains("data-series=\"this network&#39;s tolerance\"");
        Html h = new Html();
        s.render(h);
        assertThat(h.toString()).contains("quadratic energy law").contains("a test mix")
                .contains("1e-04: {data-floor=3}");
        // the median line rises from 20 % to 24 %: its first point lies lower in the picture than its last
        Matcher d = Pattern.compile("data-series=\"median device\" data-points=\"3\" d=\"([^\"]+)\"").matcher(svg);
        assertThat(d.find()).isTrue();
        List<double[]> pts = SvgPaths.points(d.group(1));
        assertThat(pts.get(0)[1]).isGreaterThan(pts.get(2)[1]);
    }

    @Test
    void noCurveNoSection() {
        assertThat(DeviceSpreadSections.savingVersusTolerance(null, 1e-4, "m", "linear", "x")).isEmpty();
        assertThat(DeviceSpreadSections.savingVersusTolerance(List.of(), 1e-4, "m", "linear", "x")).isEmpty();
        assertThat(DeviceSpreadSections.devicesAtTolerance(List.of(), Map.of(), 1e-4, null, "x")).isEmpty();
    }

    @Test
    void devicesAtToleranceListsEveryDeviceWithWhatLimitedItAndMarksThePlannedOne() {
        List<Map<String, Object>> devices = List.of(
                device("voltron:A1", 0.978, "data-floor", 0.25),
                device("voltron:B7", 1.1, "tolerance", 0.10));
        Map<String, Object> summary = Map.of("chosen", Map.of("min", 0.978, "median", 0.978, "max", 1.1),
                "energy_saving", Map.of("min", 0.10, "median", 0.10, "max", 0.25),
                "limited_by", Map.of("tolerance", 1, "data-floor", 1));
        TableSection t = DeviceSpreadSections.devicesAtTolerance(devices, summary, 1e-4, "voltron:B7",
                DeviceSpreadSections.scope("network inference trace")).orElseThrow();
        Html h = new Html();
        t.render(h);
        String html = h.toString();
        assertThat(html).contains("0.978 / 0.978 / 1.100 V").contains("10.0 / 10.0 / 25.0 %")
                .contains("<td>voltron:A1</td>").contains("<td>voltron:B7 (planned with)</td>")
                .contains("<td>data-floor</td>").contains("<td>tolerance</td>").contains("+8.6 %")
                .contains("Savings on this network&#39;s inference (its DRAM requests simulated");
        assertThat(t.title()).contains("1.00e-04");
    }

    private static Map<String, Object> device(String name, double v, String why, double saving) {
        return Map.of("device", name, "vendor", name.substring(8, 9), "knob", "vdd", "chosen", v, "ber_at_chosen", 1e-5,
                "limited_by", why, "energy_saving", saving, "energy_saving_linear", saving / 2, "energy_saving_quadratic", saving,
                "latency_change", 0.086);
    }
}
