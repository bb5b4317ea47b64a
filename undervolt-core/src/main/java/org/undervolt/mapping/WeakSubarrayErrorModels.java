package org.undervolt.mapping;

import java.util.List;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.device.Device;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.dram.device.FloorPolicy;
import org.undervolt.dram.device.Knob;
import org.undervolt.dram.error.ErrorModelEntry;
import org.undervolt.dram.error.ErrorModelParameter;
import org.undervolt.dram.error.ErrorModelParameter.Domain;
import org.undervolt.dram.error.ErrorModelProvider;
import org.undervolt.dram.error.ErrorModelSpec;
import org.undervolt.dram.error.WeakCells;
import org.undervolt.dram.spec.LoadedSpec;
import org.undervolt.dram.spec.MemspecLoader;

/**
 * The error model {@code weak-subarray} of the {@link org.undervolt.dram.error.ErrorModelRegistry}, registered from here
 * ({@link ErrorModelProvider}) because it reads a DRAM part and a measured device ({@link WeakSubarrayModel}): SparkXD's
 * weak subarrays following the supply voltage. A BER is read as the lowest voltage at which the device's BER is at
 * most it; each subarray of the module has its own error-onset voltage, drawn from the device's measured fraction of
 * failing 64-byte lines f(V) (Voltron's data), so the unsafe fraction is f(V), not a parameter; only unsafe
 * subarrays err, at BER(V)/f(V). The registry's {@code location} model is the other reading of SparkXD/EnforceSNN:
 * a fixed fraction of weak regions whatever the voltage, erring at BER/fraction.
 */
public final class WeakSubarrayErrorModels implements ErrorModelProvider {
    /** The model's name in a spec and in every output that names it. */
    public static final String NAME = "weak-subarray";
    /** The part whose voltage axis the device is read on unless a spec names one: the sparkxd presets' part. */
    public static final String DEFAULT_PART = "LPDDR3-1600_4Gb_x32";

    @Override
    public List<ErrorModelEntry> entries() {
        return List.of(entry());
    }

    static ErrorModelEntry entry() {
        ErrorModelParameter device = new ErrorModelParameter("device",
                "one measured BER(VDD) device (voltron:DIMM, FILE:DIMM of a device table, or a vdd_v,ber FILE) whose curve sets, at a BER, the module voltage V (the lowest at which its "
                        + "BER is at most the BER asked for; a BER above its highest stands for its lowest voltage), the "
                        + "unsafe fraction f(V) (its failing-line fraction) and the rate BER(V)/f(V) inside unsafe subarrays",
                OperatingPointBer.DEFAULT_VDD_DEVICE,
                Domain.of("voltron:DIMM|FILE[:DIMM]", "DEVICE",
                        WeakSubarrayErrorModels::deviceText));
        ErrorModelParameter part = new ErrorModelParameter("part",
                "the DRAM part (a preset or alias of 'undervolt dram presets', or a memspec file) whose nominal VDD and tRCD the device's curve is read against (its voltage axis at the "
                        + "same fraction of nominal); which subarrays exist is the stored data's layout, not the part's",
                DEFAULT_PART, Domain.of("PRESET|FILE", "PART", WeakSubarrayErrorModels::partText));
        return new ErrorModelEntry(NAME,
                "SparkXD's weak subarrays following VDD (the placement's, fault-aware training's and the sparkxd "
                        + "tolerance search's model): a BER is read as a device's voltage V; each subarray is unsafe below "
                        + "its own onset voltage, drawn from the device's failing-line fraction f(V), and only unsafe "
                        + "subarrays err, at BER(V)/f(V) (unlike location, whose weak fraction is fixed).",
                List.of(device, part), WeakSubarrayErrorModels::family, NAME + ":device=voltron:A4");
    }

    private static org.undervolt.dram.error.ErrorModelFamily family(ErrorModelSpec spec, WeakCells weakCells) {
        LoadedSpec part = MemspecLoader.resolve(spec.value("part"));
        OperatingPointBer ber = OperatingPointBer.of(DramModule.of(part.spec()), device(spec.value("device")),
                FloorPolicy.STOP);
        return new WeakSubarrayModel(ber, weakCells.deviceSeed()).family(spec.canonical("device", "part"), weakCells);
    }

    /**
     * The spec of the model for device {@code deviceSelector} on part {@code part}, e.g.
     * {@code weak-subarray:device=voltron:B8,part=LPDDR3-1600_4Gb_x32}: how a pipeline that chose it by its own keys
     * builds it through the registry.
     */
    public static String spec(String deviceSelector, String part) {
        return NAME + ":device=" + deviceSelector + ",part=" + part;
    }

    /**
     * The selector naming {@code device} alone, given the selector {@code set} it was picked from: its own name for a
     * bundled device ({@code voltron:B8}), the file for a file of one device, else {@code FILE:DIMM}.
     */
    public static String selector(String set, Device device) {
        if (DeviceSet.isBundled(set)) {
            return device.name();
        }
        return DeviceSet.fromBerTable(set).devices().size() == 1 ? set.trim() : set.trim() + ":" + device.id();
    }

    /** The one BER(VDD) device {@code selector} names. */
    static Device device(String selector) {
        DeviceSet set;
        try {
            set = DeviceSet.fromBerTable(selector);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.getMessage().replaceFirst("^--devices ", ""), e);
        }
        if (set.devices().size() != 1 || set.knob() != Knob.VDD) {
            throw new InvalidInputException("'" + selector + "' selects " + set.devices().size() + " " + set.knob().label()
                    + " device(s); expected one BER(VDD) device, e.g. voltron:B8");
        }
        return set.devices().get(0);
    }

    /** A device selector's canonical text: a bundled device's name ({@code voltron:B8}), a file's as given. */
    private static String deviceText(String selector) {
        Device d = device(selector);
        return DeviceSet.isBundled(selector) ? d.name() : selector;
    }

    /** A part's canonical text: a preset's name, a file's path as given. */
    private static String partText(String part) {
        LoadedSpec s = MemspecLoader.resolve(part);
        return s.fromFile() ? part : s.spec().name();
    }
}
