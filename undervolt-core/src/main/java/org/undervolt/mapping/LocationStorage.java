package org.undervolt.mapping;

import java.util.Locale;
import java.util.Map;

import org.undervolt.dram.device.Device;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.dram.device.FloorPolicy;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.error.ErrorModel;
import org.undervolt.dram.error.ErrorModelFamily;
import org.undervolt.dram.error.ErrorModelRegistry;
import org.undervolt.dram.spec.LoadedSpec;
import org.undervolt.dram.spec.MemspecLoader;
import org.undervolt.io.Json;
import org.undervolt.resilience.WeightStorage;
import org.undervolt.storage.Placement;

/**
 * SparkXD's weak subarrays as the storage the SNN's tolerance trials and fault-aware training read their weights
 * through (issue 16, item 6): the axis BER is read as the device's voltage V ({@link OperatingPointBer#voltsFor}, the
 * lowest V whose BER is at most it), the weights lie where the module's address mapping puts them (DRMap order over
 * every subarray, {@link WeakSubarrayModel#weightRows}) and only the subarrays unsafe at V err, at BER(V) / f(V)
 * ({@link WeakSubarrayModel}, the same draw the placement avoids): the registry's {@code weak-subarray} model
 * ({@link WeakSubarrayErrorModels}), built from its spec. Serialisable by value: the part's preset name (or memspec
 * file), the device and its selector, and the device seed.
 */
public final class LocationStorage implements WeightStorage {
    private static final long serialVersionUID = 1L;

    private final String part;
    private final String deviceSelector;
    private final Device device;
    private final long deviceSeed;
    private transient LoadedSpec loadedPart;
    private transient DramModule module;
    private transient WeakSubarrayModel model;
    private transient ErrorModelFamily family;
    private transient Placement placement;

    /**
     * @param part           the DRAM part (a preset name, or a memspec file: {@link MemspecLoader#resolve}), as a module
     *                       of its own devices per rank
     * @param deviceSelector the selector naming {@code device} alone ({@link WeakSubarrayErrorModels#selector})
     * @param device         the BER(VDD) device
     * @param deviceSeed     names the device's subarrays
     */
    public LocationStorage(String part, String deviceSelector, Device device, long deviceSeed) {
        this.part = part;
        this.deviceSelector = deviceSelector;
        this.device = device;
        this.deviceSeed = deviceSeed;
    }

    /**
     * The device a weak-subarray run fixes before the network's tolerance is known: the median of {@code devices}
     * with every device at its lowest measured voltage ({@link DeviceChoice} at tolerable BER 1), the device the
     * uniform path plans with for a network that tolerates every device's floor.
     */
    public static Device planDevice(DramModule module, DeviceSet devices, VoltageScaling law) {
        return DeviceChoice.of(module, devices, law, FloorPolicy.STOP, 1.0).median().device();
    }

    private synchronized WeakSubarrayModel model() {
        if (model == null) {
            loadedPart = MemspecLoader.resolve(part);
            module = DramModule.of(loadedPart.spec());
            model = new WeakSubarrayModel(OperatingPointBer.of(module, device, FloorPolicy.STOP), deviceSeed);
        }
        return model;
    }

    /** The registry's spec of these errors: {@code weak-subarray:device=D,part=P}. */
    public String errorModel() {
        return WeakSubarrayErrorModels.spec(deviceSelector, part);
    }

    /** The location model (device, seed) the placement uses too. */
    public WeakSubarrayModel weakSubarrays() {
        return model();
    }

    /** The module the weights live in. */
    public DramModule module() {
        model();
        return module;
    }

    /** The module voltage an axis point stands for: the lowest at which the device's BER is at most {@code ber}. */
    public double volts(double ber) {
        return model().ber().voltsFor(ber);
    }

    @Override
    public synchronized Placement placement() {
        if (placement == null) {
            DramModule m = module();
            placement = WeakSubarrayModel.weightRows(m, m.geometry().capacityBytes()).placement(m, "drmap");
        }
        return placement;
    }

    /** The errors at axis point {@code ber}: the registry's {@link #errorModel()} family, weak cells of the device seed. */
    @Override
    public synchronized ErrorModel errors(double ber) {
        if (family == null) {
            family = ErrorModelRegistry.family(errorModel(), deviceSeed);
        }
        return family.atBer(ber);
    }

    /**
     * What identifies these errors and locations in a point store: as before the model had its registry name (stored
     * runs keep matching), a part read from a file with its content's SHA-256.
     */
    @Override
    public String key() {
        model();
        return "location:" + device.name() + ":seed=" + deviceSeed + ":part="
                + (loadedPart.fromFile() ? loadedPart.identity() : part);
    }

    @Override
    public String describe() {
        return WeakSubarrayErrorModels.NAME + ": the axis BER is device " + device.name() + "'s BER(V); only subarrays "
                + "unsafe at V (u < f(V), device seed " + deviceSeed + ") err, at BER(V)/f(V); weights in DRMap order over "
                + part;
    }

    @Override
    public double maxBer() {
        OperatingPointBer b = model().ber();
        return b.ber(b.lowestVolts(), b.nominalTrcd());
    }

    @Override
    public Map<String, Object> at(double ber, long bytes) {
        WeakSubarrayModel m = model();
        double v = volts(ber);
        RowList rows = WeakSubarrayModel.weightRows(module, bytes);
        int[] weights = m.unsafeOf(rows, module, v);
        int all = m.unsafeCount(module, v);
        int subarrays = module.totalBanks() * module.subarraysPerBank();
        return Json.fields(new Where(WeakSubarrayErrorModels.NAME, errorModel(), device.name(), deviceSeed, part, ber, v,
                m.ber().ber(v, m.ber().nominalTrcd()), m.unsafeFraction(v), m.inSubarrayBer(v), rows.rowCount(), weights[1],
                weights[0], subarrays, all, line(weights[0], weights[1], v, all, subarrays)));
    }

    /**
     * Where an axis point puts the weights, as a result's {@code location} shows it: its components are the keys in
     * order (snake_case).
     *
     * @param errorModel            the registry spec of the model
     * @param axisBer               the search axis' BER
     * @param vdd                   the device's voltage at that BER
     * @param moduleBer             the module's mean BER there
     * @param unsafeFraction        the fraction of subarrays unsafe there
     * @param inSubarrayBer         the BER inside an unsafe subarray
     * @param weightRows            DRAM rows the weights take
     * @param weightSubarrays       subarrays they lie in
     * @param unsafeWeightSubarrays of those, the unsafe ones
     * @param subarrays             subarrays in the module
     * @param unsafeSubarrays       of those, the unsafe ones
     * @param line                  the same in words
     */
    private record Where(String model, String errorModel, String device, long deviceSeed, String part, double axisBer, double vdd,
            double moduleBer, double unsafeFraction, double inSubarrayBer, int weightRows, int weightSubarrays,
            int unsafeWeightSubarrays, int subarrays, int unsafeSubarrays, String line) {
    }

    /** "weak-subarray: N of M weight subarrays unsafe at V V (K of T in the module, device D, seed S)". */
    String line(int unsafe, int weights, double v, int all, int subarrays) {
        return String.format(Locale.ROOT, WeakSubarrayErrorModels.NAME + ": %d of %d weight subarrays unsafe at %.4f V (%d of %d in the "
                + "module; device %s, device seed %d)", unsafe, weights, v, all, subarrays, device.name(), deviceSeed);
    }
}
