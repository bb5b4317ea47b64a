package org.undervolt.dram.energy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.Organization;
import org.undervolt.dram.spec.Rail;

/**
 * Read IO and termination energy as DRAMPower 4.1 computes it with {@code -r} ({@code MemoryPowerModel::power_calc}
 * and {@code io_term_power}): per data beat (half a clock period at double data rate), a fixed power per pin. Reads
 * drive DQ + DQS pins (width + width/8), writes terminate DQ + DQS + DM (width + 2·width/8); in a system of more
 * than one rank the idle rank also terminates every read (DQ + DQS) and write (DQ + DQS + DM).
 *
 * <p>Powers per pin, DRAMPower 4.1's figures from Micron's power calculators ({@code MemoryType::getIoPower},
 * {@code getWrOdtPower}, {@code getTermRdPower}, {@code getTermWrPower}): read IO DDR2 1.5 mW, DDR3 4.6 mW, DDR4
 * 3.7 mW; write ODT 8.2, 21.2, 17.0 mW; idle-rank read termination 13.1, 15.5, 12.4 mW; idle-rank write
 * termination 14.6, 15.4, 12.3 mW. LPDDR, LPDDR2 and LPDDR3 have no termination and read IO power
 * 0.5·C·VDD2²·f with C = 4.5, 2.5 and 1.8 pF ({@code getCapacitance}; a part without VDD2 reads 0 W, as DRAMPower
 * reads an absent {@code vdd2}); Wide I/O SDR has none of these (0 J, as DRAMPower). Other standards (DDR5,
 * LPDDR4, LPDDR5, unknown types) are not modelled ({@link #energy} returns null). IO energy is not voltage-scaled
 * (it rides on VDDQ). The golden DRAMPower 4.1 "-r" outputs agree within 0.01 pJ.
 */
final class LegacyIoModel {
    private LegacyIoModel() {
    }

    /** Per-pin powers in watts: read IO, write ODT, idle-rank read and write termination. */
    private record PinPowers(double readIo, double writeOdt, double idleRankRead, double idleRankWrite) {
    }

    /**
     * {@code read_io} and {@code write_termination} joules, with {@code read_idle_rank_termination} and
     * {@code write_idle_rank_termination} for more than one rank; null where not modelled.
     */
    static Map<String, Double> energy(DramSpec spec, StateCycles s) {
        PinPowers p = pinPowers(spec);
        if (p == null) {
            return null;
        }
        Organization o = spec.organization();
        int dqDqs = o.width() + o.width() / 8;
        int dqDqsDm = o.width() + 2 * (o.width() / 8);
        double beat = spec.timings().tckSeconds() / o.dataRate();
        double readBeats = (double) (s.rd() + s.rda()) * o.burstLength();
        double writeBeats = (double) (s.wr() + s.wra()) * o.burstLength();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("read_io", readBeats * beat * p.readIo() * dqDqs * o.devices());
        m.put("write_termination", writeBeats * beat * p.writeOdt() * dqDqsDm * o.devices());
        if (o.ranks() > 1) {
            m.put("read_idle_rank_termination", readBeats * beat * p.idleRankRead() * dqDqs * o.devices());
            m.put("write_idle_rank_termination", writeBeats * beat * p.idleRankWrite() * dqDqsDm * o.devices());
        }
        return m;
    }

    private static PinPowers pinPowers(DramSpec spec) {
        return switch (spec.standard()) {
            case DDR2 -> new PinPowers(1.5e-3, 8.2e-3, 13.1e-3, 14.6e-3);
            case DDR3 -> new PinPowers(4.6e-3, 21.2e-3, 15.5e-3, 15.4e-3);
            case DDR4 -> new PinPowers(3.7e-3, 17.0e-3, 12.4e-3, 12.3e-3);
            case LPDDR -> capacitive(spec, 4.5e-12);
            case LPDDR2 -> capacitive(spec, 2.5e-12);
            case LPDDR3 -> capacitive(spec, 1.8e-12);
            case WIDEIO_SDR -> new PinPowers(0, 0, 0, 0);
            default -> null;
        };
    }

    /** Read IO 0.5·C·VDD2²·f, no termination. */
    private static PinPowers capacitive(DramSpec spec, double farads) {
        double vdd2 = spec.rails().stream().filter(r -> r.name().equals("VDD2")).mapToDouble(Rail::volts).findFirst()
                .orElse(0);
        return new PinPowers(0.5 * farads * vdd2 * vdd2 / spec.timings().tckSeconds(), 0, 0, 0);
    }
}
