package org.undervolt.usecase;

import java.util.Objects;

import org.undervolt.data.ImageDataset;
import org.undervolt.dram.device.Device;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.dram.device.Knob;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.mapping.LocationStorage;
import org.undervolt.resilience.SnnToleranceRun;
import org.undervolt.resilience.ToleranceRun;

/**
 * One tolerance search: the largest BER at which a network's accuracy stays within delta of its reference, at a
 * stated confidence. Either a DNN ({@code dnn}: coarse, optionally per layer x data type) or an SNN ({@code snn}:
 * coarse), exactly one of them.
 *
 * @param dnn   the DNN search's settings (model file, what is stored how, grid, acceptance, images, folder), or null
 * @param snn   the SNN search's settings, or null
 * @param train training images (the DNN's value bounds are profiled on them); may be null for an SNN
 * @param test  test images the accuracies are measured on
 */
public record ToleranceRequest(ToleranceRun.Options dnn, SnnToleranceRun.Options snn, ImageDataset train, ImageDataset test) {
    public ToleranceRequest {
        if ((dnn == null) == (snn == null)) {
            throw new IllegalArgumentException("a tolerance search is of a DNN or of an SNN: give exactly one");
        }
        Objects.requireNonNull(test, "test");
        if (dnn != null) {
            Objects.requireNonNull(train, "a DNN's search profiles value bounds on training images");
        }
    }

    /** A DNN's search. */
    public static ToleranceRequest of(ToleranceRun.Options dnn, ImageDataset train, ImageDataset test) {
        return new ToleranceRequest(dnn, null, train, test);
    }

    /** An SNN's search. */
    public static ToleranceRequest of(SnnToleranceRun.Options snn, ImageDataset test) {
        return new ToleranceRequest(null, snn, null, test);
    }

    /**
     * An SNN's search with its weights read through {@code location}'s weak subarrays (the options' device seed
     * names them); a null location: the options' own storage.
     */
    public static ToleranceRequest of(SnnToleranceRun.Options snn, ImageDataset test, Location location) {
        return of(location == null ? snn : new SnnToleranceRun.Options(snn.model(), snn.format(), snn.errorModel(),
                snn.deviceSeed(), snn.correction(), snn.search(), snn.delta(), snn.rule(), snn.testImages(), snn.threads(),
                snn.reference(), snn.out(), snn.evaluation(), location.storage(snn.deviceSeed())), test);
    }

    /**
     * SparkXD's weak subarrays following VDD on one BER(VDD) device, as where an SNN's weights are read from
     * ({@link LocationStorage}): the search's BER axis is the device's BER(V).
     *
     * @param part   the DRAM part, a preset's name as {@link DramPresets} has it
     * @param device the BER(VDD) device
     */
    public record Location(String part, Device device) {
        public Location {
            Objects.requireNonNull(device, "device");
            if (device.knob() != Knob.VDD) {
                throw new BadSetting("location_device", device.name(), "a BER(VDD) device, e.g. voltron:B8");
            }
            part = DramPresets.get(part).name(); // names the presets when unknown
        }

        /**
         * The device named by a selector ({@code voltron:B8}) on preset {@code part}.
         *
         * @throws BadSetting {@code location_device} unless the selector names exactly one BER(VDD) device
         */
        public static Location named(String part, String deviceSelector) {
            DramPresets.get(part); // names the presets when unknown, before the device
            DeviceSet set = DeviceSet.select(deviceSelector);
            if (set.devices().size() != 1 || set.devices().get(0).knob() != Knob.VDD) {
                throw new BadSetting("location_device", deviceSelector, "one BER(VDD) device, e.g. voltron:B8 (got "
                        + set.devices().size() + " device(s))");
            }
            return new Location(part, set.devices().get(0));
        }

        /** The storage the trials read the weights through, its subarrays named by {@code deviceSeed}. */
        public LocationStorage storage(long deviceSeed) {
            return new LocationStorage(part, device, deviceSeed);
        }
    }
}
