package org.undervolt.dram.energy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.Organization;

/**
 * Read IO and write termination energy as DRAMPower 4.1 computes it with {@code -r}
 * ({@code MemoryPowerModel::power_calc} and {@code io_term_power}): per data beat, a fixed power per pin
 * over half a clock period; reads drive DQ + DQS pins (width + width/8), writes terminate DQ + DQS + DM
 * (width + 2·width/8). Powers per pin from DRAMPower 4.1's Micron-power-calculator figures: DDR3 read IO
 * 4.6 mW, write ODT 21.2 mW; DDR4 3.7 mW and 17.0 mW; LPDDR3 read IO 0.5·C·VDD2²·f with C = 1.8 pF and no
 * termination. Idle-rank termination of multi-rank systems and other standards are not modelled
 * ({@link #energy} returns null). IO energy is not voltage-scaled (it rides on VDDQ).
 * The golden DRAMPower 4.1 "-r" outputs agree within 0.01 pJ.
 */
final class LegacyIoModel {
    private LegacyIoModel() {
    }

    /** {@code read_io} and {@code write_termination} joules, or null where not modelled. */
    static Map<String, Double> energy(DramSpec spec, StateCycles s) {
        Organization o = spec.organization();
        if (o.ranks() != 1) {
            return null;
        }
        double ioWattsPerPin;
        double odtWattsPerPin;
        switch (spec.standard()) {
            case DDR3 -> {
                ioWattsPerPin = 4.6e-3;
                odtWattsPerPin = 21.2e-3;
            }
            case DDR4 -> {
                ioWattsPerPin = 3.7e-3;
                odtWattsPerPin = 17.0e-3;
            }
            case LPDDR3 -> {
                double vdd2 = spec.rail("VDD2").volts();
                ioWattsPerPin = 0.5 * 1.8e-12 * vdd2 * vdd2 / spec.timings().tckSeconds();
                odtWattsPerPin = 0;
            }
            default -> {
                return null;
            }
        }
        int dqDqs = o.width() + o.width() / 8;
        int dqDqsDm = o.width() + 2 * (o.width() / 8);
        double beat = spec.timings().tckSeconds() / o.dataRate();
        double readBeats = (double) (s.rd() + s.rda()) * o.burstLength();
        double writeBeats = (double) (s.wr() + s.wra()) * o.burstLength();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("read_io", readBeats * beat * ioWattsPerPin * dqDqs * o.devices());
        m.put("write_termination", writeBeats * beat * odtWattsPerPin * dqDqsDm * o.devices());
        return m;
    }
}
