package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;
import org.undervolt.dram.error.MemoryRegion;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.random.Seeds;

class ErrorModelsTest {
    private static List<Long> flips(String spec) {
        List<Long> out = new ArrayList<>();
        ErrorModels.parse(spec, 0).apply(1e-3).inject(MemoryRegion.of(new byte[4000]), Seeds.stream(9, 1), out::add);
        return out;
    }

    private static List<Long> flips(UniformErrorModel.Sampler sampler) {
        List<Long> out = new ArrayList<>();
        new UniformErrorModel(1e-3, sampler).inject(MemoryRegion.of(new byte[4000]), Seeds.stream(9, 1), out::add);
        return out;
    }

    @Test
    void uniformNamesItsSamplerAndDefaultsToBlocked() {
        assertThat(flips("uniform")).isNotEmpty().isEqualTo(flips(UniformErrorModel.Sampler.BLOCKED));
        assertThat(flips("uniform:blocked")).isEqualTo(flips(UniformErrorModel.Sampler.BLOCKED));
        assertThat(flips("uniform:sequential")).isNotEmpty().isEqualTo(flips(UniformErrorModel.Sampler.SEQUENTIAL))
                .isNotEqualTo(flips("uniform"));
    }

    @Test
    void anUnknownSamplerOrModelIsOneLineNamingTheForms() {
        assertThatThrownBy(() -> ErrorModels.parse("uniform:fast", 0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("error model 'uniform:fast': expected uniform, uniform:blocked or uniform:sequential");
        assertThatThrownBy(() -> ErrorModels.parse("gaussian", 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("expected uniform[:blocked|sequential], bitline[:F]");
    }
}
