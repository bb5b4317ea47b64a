package org.undervolt.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.energy.AccessEnergy;
import org.undervolt.dram.energy.CommandEnergies;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.LoadedSpec;
import org.undervolt.dram.spec.Organization;
import org.undervolt.dram.spec.Rail;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/** {@code undervolt dram info --part PRESET|FILE [--vdd V]}: a part's organisation, command and access energies. */
@CommandLine.Command(name = "info",
        mixinStandardHelpOptions = true,
        description = "Organisation, rails, DRAMPower-4 command energies and per-burst access energies of a part.",
        footer = {"", "Examples:",
                "  undervolt dram info --part LPDDR3-1600_4Gb_x32",
                "  undervolt dram info --part DDR4-2400_4Gb_x8 --vdd 1.1 --energy-law linear --json",
                "  undervolt dram info --part DDR3L-1600"})
public final class DramInfoCommand implements Callable<Integer> {

    @Mixin PartFileOption part = new PartFileOption();

    @Mixin CoreVoltageOptions voltage = new CoreVoltageOptions();
    @Mixin JsonOption jsonOption = new JsonOption();

    @Override
    public Integer call() throws Exception {
        VoltageScaling law = voltage.energyLaw.law();
        Double vdd = voltage.vdd();
        LoadedSpec loaded = part.load();
        DramSpec s = loaded.spec();
        double v = vdd == null ? s.coreVolts() : vdd;
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new InvalidInputException("--vdd " + v + ": expected a positive voltage");
        }
        CommandEnergies ce = CommandEnergies.legacy(s, v, law);
        AccessEnergy rd = AccessEnergy.reads(ce);
        AccessEnergy wr = AccessEnergy.writes(ce);
        Map<String, Double> rails = new LinkedHashMap<>();
        for (Rail r : s.rails()) {
            rails.put(r.name(), r.volts());
        }
        Described out = new Described(s.name(), s.standard().name(), loaded.format().name(), s.organization(),
                s.timings().tckSeconds(), s.timings().cycles(), rails, s.coreRail(), v, law.toString(), ce,
                s.organization().bytesPerBurst(), rd, wr, s.source());
        jsonOption.printLine(out, w -> {
            var o = s.organization();
            w.printf(Locale.ROOT, "%s (%s, %s)%n  %d channel(s), %d rank(s), %d bank group(s) of %d banks, %d rows x %d "
                    + "columns, x%d, %d device(s), burst length %d%n", s.name(), s.standard(), loaded.format().label(),
                    o.channels(), o.ranks(), o.bankGroups(), o.banks(), o.rows(), o.columns(), o.width(), o.devices(),
                    o.burstLength());
            w.printf(Locale.ROOT, "  rails %s; core %s at %.4f V (%s)%n", String.join(", ", rails.entrySet().stream()
                    .map(e -> e.getKey() + " " + HumanNumbers.text(e.getValue()) + " V").toList()), s.coreRail(), v, law);
            w.printf(Locale.ROOT, "  per command (pJ): ACT %.2f  PRE %.2f  RD %.2f  WR %.2f  REF %.2f%n", ce.act() * 1e12,
                    ce.pre() * 1e12, ce.rd() * 1e12, ce.wr() * 1e12, ce.ref() * 1e12);
            w.printf(Locale.ROOT, "  per %d-byte read (pJ): hit %.2f  miss %.2f  conflict %.2f%n",
                    s.organization().bytesPerBurst(), rd.hit() * 1e12, rd.miss() * 1e12, rd.conflict() * 1e12);
            w.printf(Locale.ROOT, "  source: %s%n", s.source());
        });
        return 0;
    }

    /**
     * What {@code dram info --json} prints: its components are the keys in order (snake_case).
     *
     * @param format           how the part was described (preset, DRAMPower XML or JSON memspec)
     * @param tckS             the clock period, s
     * @param timingsCycles    every timing in clock cycles, by name
     * @param railsV           every supply rail's voltage
     * @param vdd              the core rail's voltage priced
     * @param commandEnergiesJ energy per command at {@code vdd}
     * @param readAccessJ      energy of one read burst by row-buffer outcome; {@code writeAccessJ} likewise
     * @param source           where the part's figures come from
     */
    record Described(String name, String standard, String format, Organization organization, double tckS,
            Map<String, Integer> timingsCycles, Map<String, Double> railsV, String coreRail, double vdd, String energyLaw,
            CommandEnergies commandEnergiesJ, int bytesPerBurst, AccessEnergy readAccessJ, AccessEnergy writeAccessJ,
            String source) {
    }
}
