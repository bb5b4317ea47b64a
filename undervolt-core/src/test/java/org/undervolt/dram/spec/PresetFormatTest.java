package org.undervolt.dram.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;

class PresetFormatTest {

    private static String lpddr3() throws IOException {
        try (InputStream in = PresetFormatTest.class.getResourceAsStream("/org/undervolt/dram/presets/LPDDR3-1600_4Gb_x32.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aUserPresetFileLoadsThroughTheMemspecLoader() throws IOException {
        LoadedSpec l = MemspecLoader.parse("my.json", lpddr3().replace("\"name\": \"LPDDR3-1600_4Gb_x32\"", "\"name\": \"mine\""));
        assertThat(l.format()).isEqualTo(SpecFormat.UNDERVOLT_PRESET);
        assertThat(l.spec().name()).isEqualTo("mine");
        assertThat(l.spec().rails()).isEqualTo(DramPresets.get("LPDDR3-1600").rails());
    }

    @Test
    void badPresetsNameTheField() throws IOException {
        String ok = lpddr3();
        assertThatThrownBy(() -> MemspecLoader.parse("p.json", ok.replace("\"coreRail\": \"VDD2\"", "\"coreRail\": \"VDDX\"")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("p.json").hasMessageContaining("coreRail")
                .hasMessageContaining("VDDX");
        assertThatThrownBy(() -> MemspecLoader.parse("p.json", ok.replace("\"IDD4R\": 260.0", "\"IDD4R\": \"lots\"")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rails[1].currents_mA.IDD4R");
        assertThatThrownBy(() -> MemspecLoader.parse("p.json", ok.replace("\"tCK_ns\": 1.25", "\"tCK_ns\": -1")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("timing.tCK_ns");
        assertThatThrownBy(() -> MemspecLoader.parse("p.json", ok.replace("\"RAS\": 36,", "")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("timing.cycles.RAS");
        assertThatThrownBy(() -> MemspecLoader.parse("p.json", ok.replace("\"banks\": 8", "\"banks\": 8.5")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("organization.banks");
    }
}
