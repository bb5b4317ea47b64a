package org.undervolt.dram.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The bundled device tables against spot rows of the raw files they are derived from (test resources raw/). */
class DeviceTablesTest {

    private static String raw(String name) throws IOException {
        try (InputStream in = DeviceTablesTest.class.getResourceAsStream("/org/undervolt/dram/device/raw/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Device device(DeviceSet set, String id) {
        return set.devices().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    private static int index(Device d, double x) {
        for (int i = 0; i < d.x().length; i++) {
            if (d.x()[i] == x) {
                return i;
            }
        }
        throw new AssertionError(d + " has no point at " + x);
    }

    @Test
    void voltronRowsAreTheRawFailingLineFractionOver512AndAsIs() throws IOException {
        DeviceSet v = DeviceSet.voltron();
        List<String> rows = raw("voltron_dimm_faulty_cachelines_rows.csv").lines().skip(1).toList();
        assertThat(rows).hasSize(11);
        for (String row : rows) {
            String[] p = row.split(",");
            Device d = device(v, p[0]);
            assertThat(d.vendor()).isEqualTo(p[2]);
            int i = index(d, Double.parseDouble(p[1]));
            double f = Double.parseDouble(p[3]) / 100;
            assertThat(d.berLower()[i]).as(row).isCloseTo(f / 512, offset(1e-18));
            assertThat(d.berUpper()[i]).as(row).isCloseTo(f, offset(1e-15));
            assertThat(d.saturated()[i]).as(row).isEqualTo(Math.abs(f - 0.5) <= 0.01);
        }
    }

    @Test
    void voltronHoldsThirtyDimmsWithTheirOwnFloors() {
        DeviceSet v = DeviceSet.voltron();
        assertThat(v.devices()).hasSize(30);
        assertThat(v.knob()).isEqualTo(Knob.VDD);
        assertThat(v.nominal()).isEqualTo(1.35);
        Map<String, Long> vendors = new TreeMap<>();
        v.devices().forEach(d -> vendors.merge(d.vendor(), 1L, Long::sum));
        assertThat(vendors).containsExactlyEntriesOf(new TreeMap<>(Map.of("A", 10L, "B", 11L, "C", 9L)));
        assertThat(v.devices().stream().map(Device::id)).doesNotContain("B6");
        assertThat(device(v, "B1").lowestMeasured()).isEqualTo(1.025);
        assertThat(device(v, "B2").lowestMeasured()).isEqualTo(1.05);
        assertThat(device(v, "B5").lowestMeasured()).isEqualTo(1.075);
        assertThat(device(v, "A3").lowestMeasured()).isEqualTo(1.125);
        assertThat(device(v, "C7").lowestMeasured()).isEqualTo(1.2);
        assertThat(DeviceSet.select("voltron-C").devices()).hasSize(9).allMatch(d -> d.vendor().equals("C"));
        assertThat(DeviceSet.select("voltron:B7").devices()).singleElement().extracting(Device::name).isEqualTo("voltron:B7");
    }

    @Test
    void divaRowsSubtractTheNominalRetentionCountOverTwoGibibytes() throws IOException {
        DeviceSet diva = DeviceSet.diva();
        assertThat(diva.devices()).hasSize(103);
        assertThat(diva.knob()).isEqualTo(Knob.TRCD);
        assertThat(diva.nominal()).isEqualTo(12.5);
        for (String[] f : new String[][] {{"diva_vendorA_summary_01", "A01"}, {"diva_vendorC_summary_05", "C05"},
                {"diva_vendorA_summary_02", "A02"}}) {
            Map<Integer, Long> bits = new TreeMap<>();
            for (String line : raw(f[0]).lines().toList()) {
                String[] w = line.trim().split("\\s+");
                if (w[0].equals("READ") && w[3].equals("15") && w[4].equals("5")) {
                    bits.put(Integer.parseInt(w[2]), w[w.length - 1].equals("S") ? Long.parseLong(w[w.length - 2]) : 0L);
                }
            }
            assertThat(bits).containsOnlyKeys(2, 3, 4, 5);
            Device d = device(diva, f[1]);
            assertThat(d.x()).containsExactly(5.0, 7.5, 10.0, 12.5);
            for (Map.Entry<Integer, Long> e : bits.entrySet()) {
                int i = index(d, e.getKey() * 2.5);
                double want = Math.max(0, e.getValue() - bits.get(5)) / Math.pow(2, 34);
                assertThat(d.berLower()[i]).as(f[1] + " tRCD " + e.getKey()).isCloseTo(want, offset(1e-18));
                assertThat(d.berUpper()[i]).isEqualTo(d.berLower()[i]);
            }
        }
        // A01: 42209 error bits at tRCD 4, 619 of them retention failures already there at nominal timing
        assertThat(device(diva, "A01").berLower()[2]).isCloseTo((42209 - 619) / Math.pow(2, 34), offset(1e-18));
    }
}
