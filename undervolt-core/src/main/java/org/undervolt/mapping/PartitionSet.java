package org.undervolt.mapping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.undervolt.EnumWords;
import org.undervolt.InvalidInputException;
import org.undervolt.dram.energy.CommandEnergies;
import org.undervolt.dram.energy.VoltageScaling;

/**
 * A DRAM module divided into partitions, each at its own VDD and tRCD (EDEN, Koppula et al., MICRO 2019, §6;
 * docs/PAPERS.md §2.6), with what each operating point costs and risks: its BER from
 * {@link OperatingPointBer}, its command energies from DRAMPower's equations with the core rail scaled
 * ({@link CommandEnergies#legacy}, {@link VoltageScaling}; docs/PAPERS.md §3.1, §3.4).
 *
 * <p>Built from a JSON file ({@link #load}) or generated ({@link #generate}).
 *
 * @param module     the module divided
 * @param berModel   the BER of each operating point
 * @param scaling    how the command energies scale with the core voltage
 * @param partitions the partitions, no unit in two of them
 */
public record PartitionSet(DramModule module, OperatingPointBer berModel, VoltageScaling scaling,
        List<Partition> partitions) {

    /** Checks that every partition's units lie in the module and that no unit is in two partitions. */
    public PartitionSet {
        partitions = List.copyOf(partitions);
        BitSet seen = new BitSet();
        for (Partition p : partitions) {
            for (int[] u : p.subarrays(module)) {
                int id = u[0] * module.subarraysPerBank() + u[1];
                if (u[0] < 0 || u[0] >= module.totalBanks() || seen.get(id)) {
                    throw new InvalidInputException("partition " + p.name() + ": unit outside the module or in two partitions");
                }
                seen.set(id);
            }
        }
    }

    public int size() {
        return partitions.size();
    }

    public Partition get(int i) {
        return partitions.get(i);
    }

    /** Index of the partition holding subarray {@code subarray} of {@code flatBank}, or -1. */
    public int indexOf(int flatBank, int subarray) {
        for (int i = 0; i < partitions.size(); i++) {
            if (partitions.get(i).contains(flatBank, subarray, module)) {
                return i;
            }
        }
        return -1;
    }

    /** Command energies of one device with the core rail at partition {@code i}'s voltage. */
    public CommandEnergies commandEnergies(int i) {
        return CommandEnergies.legacy(module.spec(), partitions.get(i).volts(), scaling);
    }

    /**
     * Energy in joules of one burst read ({@code write} false) or write streamed from partition {@code i}, over
     * the whole rank (all devices): the column command plus the row's ACT and PRE shared by the bursts of a row
     * (a sequential stream opens each row once). The objective of the mapping algorithms.
     */
    public double joulesPerBurst(int i, boolean write) {
        CommandEnergies e = commandEnergies(i);
        double rowShare = (double) module.organization().bytesPerBurst() / module.organization().bytesPerRow();
        return module.organization().devices() * ((write ? e.wr() : e.rd()) + rowShare * (e.act() + e.pre()));
    }

    /** Capacity of one unit of {@code g} in bytes. */
    static long unitBytes(DramModule m, Granularity g) {
        long bank = m.geometry().bankBytes();
        return switch (g) {
            case RANK -> bank * m.organization().banks();
            case BANK -> bank;
            case SUBARRAY -> m.geometry().subarrayBytes();
        };
    }

    /** Number of units of {@code g} in the module. */
    public static int unitCount(DramModule m, Granularity g) {
        return switch (g) {
            case RANK -> m.organization().channels() * m.organization().ranks();
            case BANK -> m.totalBanks();
            case SUBARRAY -> m.totalBanks() * m.subarraysPerBank();
        };
    }

    /** A partition of {@code units} at ({@code volts}, {@code trcd}), its BER from the model. */
    public static Partition partition(DramModule m, OperatingPointBer ber, String name, Granularity g, int[] units,
                                      double volts, int trcd) {
        int n = unitCount(m, g);
        for (int u : units) {
            if (u < 0 || u >= n) {
                throw new InvalidInputException("partition " + name + ": " + g.label() + " " + u + " outside 0.." + (n - 1));
            }
        }
        return new Partition(name, g, units, volts, trcd, ber.ber(volts, trcd), units.length * unitBytes(m, g));
    }

    /** How generated partitions choose their tRCD. */
    public enum TrcdSteps {
        /**
         * tRCD falls with the voltage, from nominal (partition 0) to trcdRelMin × nominal (the last): combined points,
         * so only where the BER(VDD) and BER(tRCD) devices are one DIMM ({@link OperatingPointBer#hasCombinedData}).
         */
        LINEAR,
        /**
         * EDEN's knobs as separate operating points: partition 0 (nominal VDD) at the shortest tRCD the BER(tRCD) device
         * shows error-free (at least trcdRelMin × nominal), the voltage partitions at nominal tRCD.
         */
        ERROR_FREE;

        public static TrcdSteps parse(String s) {
            return EnumWords.parse(values(), "--trcd-steps", s, Map.of("errorfree", ERROR_FREE));
        }
    }

    /**
     * {@link #generate(DramModule, OperatingPointBer, VoltageScaling, Granularity, int, double, double, TrcdSteps)} with
     * ERROR_FREE tRCD: EDEN's knobs as separate operating points, whatever the devices.
     */
    public static PartitionSet generate(DramModule m, OperatingPointBer ber, VoltageScaling scaling, Granularity g,
                                        int count, double vMin, double trcdRelMin) {
        return generate(m, ber, scaling, g, count, vMin, trcdRelMin, TrcdSteps.ERROR_FREE);
    }

    /**
     * {@code count} partitions of equal size at {@code granularity} (units dealt out in contiguous blocks),
     * partition i at VDD = Vnom − i (Vnom − vMin)/(count − 1) (partition 0 nominal, the last at vMin) and tRCD by
     * {@code steps}.
     */
    public static PartitionSet generate(DramModule m, OperatingPointBer ber, VoltageScaling scaling, Granularity g,
                                        int count, double vMin, double trcdRelMin, TrcdSteps steps) {
        int n = unitCount(m, g);
        if (count < 1 || count > n) {
            throw new InvalidInputException("--partition-count " + count + ": expected 1.." + n + " " + g.label() + " partitions");
        }
        if (!(vMin > 0) || vMin > m.nominalVolts()) {
            throw new InvalidInputException("--vdd-min: expected a voltage in (0, " + m.nominalVolts() + "] V, got " + vMin);
        }
        if (!(trcdRelMin > 0) || trcdRelMin > 1) {
            throw new InvalidInputException("--trcd-min: expected a fraction of nominal tRCD in (0, 1], got " + trcdRelMin);
        }
        if (steps == TrcdSteps.LINEAR && trcdRelMin < 1 && !ber.hasCombinedData()) {
            throw new InvalidInputException("--trcd-steps linear: " + ber.noCombinedDataReason()
                    + "; --trcd-steps error-free keeps them apart");
        }
        List<Partition> ps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int from = (int) ((long) i * n / count);
            int to = (int) ((long) (i + 1) * n / count);
            int[] units = new int[to - from];
            for (int k = 0; k < units.length; k++) {
                units[k] = from + k;
            }
            double f = count == 1 ? 1.0 : (double) i / (count - 1);
            double v = m.nominalVolts() - f * (m.nominalVolts() - vMin);
            int floor = (int) Math.ceil(m.nominalTrcd() * trcdRelMin - 1e-9);
            // ERROR_FREE keeps EDEN's two knobs apart: the nominal-voltage partition is the latency partition (shortest
            // error-free tRCD), the lowered ones are voltage partitions at nominal tRCD (lengthened in simulation)
            int trcd = steps == TrcdSteps.LINEAR ? (int) Math.ceil(m.nominalTrcd() * (1 - f * (1 - trcdRelMin)) - 1e-9)
                    : i == 0 ? Math.max(floor, ber.lowestErrorFreeTrcd()) : m.nominalTrcd();
            // generated settings stay where the devices have data (the floor policy's reach): a grid reaching below
            // it would ask for a BER nobody measured; a user's own partition file is checked, not moved
            trcd = Math.max(trcd, ber.lowestTrcdWithData());
            double volts = Math.max(i == count - 1 && count > 1 ? vMin : round(v), ber.lowestVolts());
            ps.add(partition(m, ber, "p" + i, g, units, volts, Math.max(1, trcd)));
        }
        return new PartitionSet(m, ber, scaling, ps);
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /**
     * Loads partitions from JSON: {@code {"granularity": "bank", "partitions": [{"name": "fast", "units": [0, 1],
     * "vdd": 1.2, "trcd": 8}, ...]}}; {@code trcd} (cycles) or {@code trcd_rel} (fraction of nominal) may be
     * left out (nominal). Units not listed are not used.
     */
    public static PartitionSet load(Path file, DramModule m, OperatingPointBer ber, VoltageScaling scaling) {
        JsonNode root = JsonObjectFile.read(file, "partition", "with 'granularity' and 'partitions'");
        Granularity g = Granularity.parse(text(root, "granularity", file));
        JsonNode list = root.get("partitions");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new InvalidInputException(file + ": 'partitions' must be a non-empty array");
        }
        List<Partition> ps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            String where = file + ": partitions[" + i + "]";
            String name = p.has("name") ? p.get("name").asText() : "p" + i;
            JsonNode u = p.get("units");
            if (u == null || !u.isArray() || u.isEmpty()) {
                throw new InvalidInputException(where + ".units: expected a non-empty array of " + g.label() + " indices");
            }
            int[] units = new int[u.size()];
            for (int k = 0; k < units.length; k++) {
                if (!u.get(k).canConvertToInt() || !u.get(k).isIntegralNumber()) {
                    throw new InvalidInputException(where + ".units[" + k + "]: expected an integer, got " + u.get(k));
                }
                units[k] = u.get(k).asInt();
            }
            JsonNode v = p.get("vdd");
            if (v == null || !v.isNumber()) {
                throw new InvalidInputException(where + ".vdd: expected a voltage (number)");
            }
            int trcd = m.nominalTrcd();
            if (p.has("trcd")) {
                if (!p.get("trcd").isIntegralNumber()) {
                    throw new InvalidInputException(where + ".trcd: expected whole cycles");
                }
                trcd = p.get("trcd").asInt();
            } else if (p.has("trcd_rel")) {
                trcd = (int) Math.ceil(p.get("trcd_rel").asDouble() * m.nominalTrcd() - 1e-9);
            }
            try {
                ps.add(partition(m, ber, name, g, units, v.asDouble(), trcd));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(where + ": " + e.getMessage());
            }
        }
        try {
            return new PartitionSet(m, ber, scaling, ps);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode n, String field, Path file) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new InvalidInputException(file + ": '" + field + "' must be a string (rank, bank or subarray)");
        }
        return v.asText();
    }
}
