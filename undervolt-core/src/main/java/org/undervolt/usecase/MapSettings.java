package org.undervolt.usecase;

import java.nio.file.Path;

import org.undervolt.dram.device.Device;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.dram.device.FloorPolicy;
import org.undervolt.dram.device.Knob;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.sim.PagePolicy;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.mapping.Dataflow;
import org.undervolt.mapping.DramModule;
import org.undervolt.mapping.Granularity;
import org.undervolt.mapping.OperatingPointBer;
import org.undervolt.mapping.PartitionSet;
import org.undervolt.mapping.RowAllocator;

/**
 * Everything about the DRAM side of a mapping run, checked when made: the same bounds for {@code undervolt map}
 * and the pipelines' mapping stage. A value out of range is a {@link BadSetting} naming its key.
 *
 * @param scheme         eden, eden-exact or sparkxd
 * @param part           the DRAM part
 * @param devicesPerRank devices per rank, or null for the part's own (a 64-bit rank for DDR, 1 for LPDDR)
 * @param dataflow       how one inference moves data ({@link #dataflow(String, long, long, long)})
 * @param vddDevices     the BER(VDD) devices; the plan uses the median at the items' tolerance
 * @param trcdDevice     the BER(tRCD) device
 * @param floor          below a device's lowest measured voltage: stop or extrapolate
 * @param law            core-rail energy versus voltage
 * @param pagePolicy     the controller's page policy
 * @param rowOrder       the order rows are filled in
 * @param vddStep        voltage step of the searches (sparkxd's plan, the energy-versus-VDD sweep), in (0, 1] V
 * @param partitions     eden: the partitions (null for sparkxd)
 * @param weak           sparkxd: where the errors fall (null for eden)
 */
public record MapSettings(MapScheme scheme, DramSpec part, Integer devicesPerRank, Dataflow dataflow, DeviceSet vddDevices,
        Device trcdDevice, FloorPolicy floor, VoltageScaling law, PagePolicy pagePolicy, RowAllocator.Order rowOrder,
        double vddStep, Partitions partitions, WeakSubarrays weak) {

    /** Row-stationary global buffer, KiB: Eyeriss's 108 KiB (Chen et al., ISCA 2016). */
    public static final long GLOBAL_BUFFER_KIB = 108;
    /** Weight-stationary weight buffer, KiB: one 256x256 INT8 tile (TPU v1, Jouppi et al., ISCA 2017). */
    public static final long WEIGHT_BUFFER_KIB = 64;
    /** Weight-stationary activation buffer, KiB. */
    public static final long ACTIVATION_BUFFER_KIB = 256;

    public MapSettings {
        if (devicesPerRank != null) {
            BadSetting.range("devices_per_rank", devicesPerRank, 1, 1024);
        }
        BadSetting.within("vdd_step", vddStep, 1e-4, 1, "a voltage step");
        if (trcdDevice.knob() != Knob.TRCD) {
            throw new BadSetting("trcd_device", trcdDevice.name(), "one BER(tRCD) device, e.g. diva:A01");
        }
        DramModule m = module(part, devicesPerRank);
        if (scheme == MapScheme.SPARKXD ? weak == null : partitions == null) {
            throw new IllegalArgumentException(scheme.label() + " needs " + (weak == null ? "weak subarrays" : "partitions"));
        }
        if (scheme != MapScheme.SPARKXD && partitions.file() == null) {
            int units = PartitionSet.unitCount(m, partitions.granularity());
            if (partitions.count() > units) {
                throw new BadSetting("partition_count", partitions.count(), "1.." + units + " " + partitions.granularity().label()
                        + " partitions");
            }
        }
    }

    /** The part as a module with {@link #devicesPerRank}. */
    public DramModule module() {
        return module(part, devicesPerRank);
    }

    private static DramModule module(DramSpec part, Integer devices) {
        if (devices == null) {
            return DramModule.of(part);
        }
        DramModule m;
        try {
            m = DramModule.withDevices(part, devices);
        } catch (IllegalArgumentException e) {
            throw new BadSetting("devices_per_rank", devices, "a device count " + part.name() + " can form a rank of ("
                    + e.getMessage() + ")");
        }
        int burst = m.organization().bytesPerBurst();
        if (Integer.bitCount(burst) != 1) { // the address mappings split addresses at powers of two
            throw new BadSetting("devices_per_rank", devices, "a device count whose burst is a power of two bytes ("
                    + devices + " x " + part.name() + " makes " + burst + ")");
        }
        return m;
    }

    /** The dataflow {@code name} with buffers in KiB (row-stationary: {@code globalKib}; weight-stationary: the others). */
    public static Dataflow dataflow(String name, long globalKib, long weightKib, long activationKib) {
        return Dataflow.parse(name, globalKib * 1024, weightKib * 1024, activationKib * 1024);
    }

    /** The dataflow {@code name} with the default buffers. */
    public static Dataflow dataflow(String name) {
        return dataflow(name, GLOBAL_BUFFER_KIB, WEIGHT_BUFFER_KIB, ACTIVATION_BUFFER_KIB);
    }

    /** The BER(tRCD) device a run uses unless told: {@link OperatingPointBer#DEFAULT_TRCD_DEVICE}. */
    public static Device defaultTrcdDevice() {
        return DeviceSet.select(OperatingPointBer.DEFAULT_TRCD_DEVICE).devices().get(0);
    }

    /**
     * EDEN's partitions: read from {@code file}, or {@code count} generated at {@code granularity}, VDD from nominal
     * down to {@code vddMin} (null: the BER device's lowest), tRCD down to {@code trcdMin} of nominal by {@code trcdSteps}.
     *
     * @param lowerIdle run partitions that hold none of the network's data at their own voltage too (else nominal)
     */
    public record Partitions(Path file, Granularity granularity, int count, Double vddMin, double trcdMin,
            PartitionSet.TrcdSteps trcdSteps, boolean lowerIdle) {
        public Partitions {
            BadSetting.range("partition_count", count, 1, Integer.MAX_VALUE);
            BadSetting.aboveZero("trcd_min", trcdMin, 1, "a fraction of nominal tRCD");
            if (vddMin != null && !(vddMin > 0)) {
                throw new BadSetting("vdd_min", vddMin, "a voltage > 0");
            }
        }
    }

    /**
     * SparkXD's weak subarrays: below 1, {@code fraction} selects the location model (weak subarrays following VDD,
     * {@link org.undervolt.mapping.WeakSubarrayModel}); 1: errors everywhere, uniform. Which subarrays are weak first
     * is named by {@code deviceSeed}.
     *
     * @param planDevice the device the location model was fixed to before the tolerance was known (the plan uses it
     *                   instead of the median at the tolerance, so placement, tolerance and fault-aware training share
     *                   one device); null: the median
     */
    public record WeakSubarrays(double fraction, long deviceSeed, Device planDevice) {
        public WeakSubarrays {
            BadSetting.aboveZero("weak_fraction", fraction, 1, "a fraction");
        }

        /** The plan's device is the median at the tolerance. */
        public WeakSubarrays(double fraction, long deviceSeed) {
            this(fraction, deviceSeed, null);
        }

        /** Whether the location model (weak subarrays following VDD) decides where errors fall. */
        public boolean locationAware() {
            return fraction < 1;
        }
    }
}
