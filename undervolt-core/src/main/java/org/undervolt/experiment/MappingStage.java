package org.undervolt.experiment;

import java.util.List;
import java.util.Map;

import org.undervolt.dram.device.Device;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.dram.device.FloorPolicy;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.sim.PagePolicy;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.MemspecLoader;
import org.undervolt.io.Json;
import org.undervolt.mapping.DeviceChoice;
import org.undervolt.mapping.DramModule;
import org.undervolt.mapping.Granularity;
import org.undervolt.mapping.LocationStorage;
import org.undervolt.mapping.MapStudy;
import org.undervolt.mapping.NetworkData;
import org.undervolt.mapping.PartitionSet;
import org.undervolt.mapping.RowAllocator;
import org.undervolt.mapping.Tolerances;
import org.undervolt.mapping.WeakSubarrayErrorModels;
import org.undervolt.usecase.BadSetting;
import org.undervolt.usecase.MapRequest;
import org.undervolt.usecase.MapResult;
import org.undervolt.usecase.MapScheme;
import org.undervolt.usecase.MapSettings;
import org.undervolt.usecase.MapUseCase;

/**
 * The last stage of both pipelines: the network's data items with their tolerable BERs mapped to approximate
 * DRAM by {@link MapUseCase} (the one implementation {@code undervolt map} calls too) from the config's DRAM
 * settings; the run's operating point (the median device's, every saving priced on this network's inference); plus the energy of the same inference with the whole module at each voltage of a sweep (all data
 * placed regardless of tolerance, marked whether every item tolerates that voltage's BER).
 */
final class MappingStage {
    private MappingStage() {
    }

    /** The BER(VDD) devices of the config's {@code devices}: a selector, a device table or a vdd_v,ber file. */
    static DeviceSet devices(PipelineConfig c) {
        return DeviceSet.vddSelection(c.text("devices"), "devices");
    }

    /**
     * The DRAM settings of the config for {@code scheme}: the part ({@code preset}), its own devices per rank, the
     * dataflow with the default buffers, the config's devices with the default BER(tRCD) device, stop at the data
     * floor, DRMap rows; eden partitions generated with tRCD falling linearly with VDD. A value out of range is
     * bad input naming the setting.
     */
    static MapSettings settings(PipelineConfig c, String scheme) {
        MapScheme how = MapScheme.parse(scheme);
        try {
            MapSettings.Partitions partitions = how == MapScheme.SPARKXD ? null : new MapSettings.Partitions(null,
                    Granularity.parse(c.text("granularity")), c.integer("partition_count", 1, Integer.MAX_VALUE), null,
                    c.number("trcd_min"), PartitionSet.TrcdSteps.ERROR_FREE, false);
            MapSettings.WeakSubarrays weak = how == MapScheme.SPARKXD || c.values().containsKey("weak_fraction")
                    ? new MapSettings.WeakSubarrays(c.number("weak_fraction"), c.integer("device_seed", 0L, Long.MAX_VALUE))
                    : null;
            DramSpec part = MemspecLoader.resolve(c.text("part")).spec();
            DeviceSet devices = devices(c);
            VoltageScaling law = VoltageScaling.parse(c.text("energy_law"));
            if (how == MapScheme.SPARKXD && weak.locationAware()) {
                weak = new MapSettings.WeakSubarrays(weak.fraction(), weak.deviceSeed(),
                        LocationStorage.planDevice(DramModule.of(part), devices, law));
            }
            return new MapSettings(how, part, null, MapSettings.dataflow(c.text("dataflow")),
                    devices, MapSettings.defaultTrcdDevice(), FloorPolicy.STOP, law,
                    PagePolicy.parse(c.text("row_policy")), RowAllocator.Order.DRMAP, c.number("vdd_step"), partitions, weak);
        } catch (BadSetting e) {
            throw e.named(c.names());
        }
    }

    /**
     * The location model the SNN's tolerance trials and fault-aware training read their weights through when the
     * config selects it ({@code weak_fraction} below 1 under sparkxd): the placement's part, device and device seed
     * ({@link LocationStorage}); null for the uniform path.
     */
    static LocationStorage location(PipelineConfig c) {
        MapSettings s = settings(c, "sparkxd");
        if (!s.weak().locationAware()) {
            return null;
        }
        Device d = s.weak().planDevice();
        return new LocationStorage(c.text("part"), WeakSubarrayErrorModels.selector(c.text("devices"), d), d,
                s.weak().deviceSeed());
    }

    /** Checks every mapping setting (bad input before any work). */
    static void check(PipelineConfig c, String scheme) {
        settings(c, scheme);
    }

    /**
     * @param scheme            eden, eden-exact or sparkxd
     * @param tolerance         tolerable BER of every item
     * @param withoutRetraining the network's tolerable BER without retraining (or FAT), for {@code operating_points}
     * @param withRetraining    the same with it
     */
    static Map<String, Object> run(NetworkData net, String scheme, PipelineConfig c, Tolerances tolerance,
                                   Object withoutRetraining, Object withRetraining) {
        MapSettings s = settings(c, scheme);
        MapResult r = MapUseCase.run(new MapRequest(net, tolerance, s));
        return Json.fields(new Mapped(r.headline(), RetrainingPoints.of(r.choice().lookup(), withoutRetraining,
                withRetraining), s.part().name(), r.module().nominalVolts(), r.ber().source(),
                r.partitions() != null ? MapStudy.partitionRows(r.partitions()) : null, r.chosenVdd(),
                r.limitedBy().label(), s.law().toString(), VoltageScaling.REASONING, s.scheme() == MapScheme.SPARKXD
                ? "the module's one reduced voltage" : "the lowest voltage of a partition holding data",
                MapStudy.PricedPlan.of(r.evaluation(), r.items()), r.savingUnderBothLaws(), r.choice().describe(),
                r.energyVsVdd(s.vddStep() * 5)));
    }

    /**
     * The mapping (eden) or placement (sparkxd) stage's result: its components are the keys in order (snake_case),
     * the priced plan, the savings under both laws and the device spread spliced in.
     *
     * @param operatingPoint  the median device's point, priced on this network's inference: the pipelines' headline
     * @param operatingPoints the median device's point without and with retraining ({@link RetrainingPoints}), the
     *                        same lookup
     * @param partitions eden: the partitions (absent for sparkxd)
     * @param chosenVdd  {@link MapResult#chosenVdd}, meaning as {@code chosenVddMeaning} says
     * @param energyVsVdd one inference with the whole module at each voltage, in five search steps
     */
    record Mapped(MapResult.Headline operatingPoint, Map<String, Object> operatingPoints, String part, double nominalVdd, String berSource,
            @Json.OmitWhenNull List<MapStudy.PartitionRow> partitions, double chosenVdd, String limitedBy,
            String energyLaw, String energyLawReasoning, String chosenVddMeaning, @Json.Inline MapStudy.PricedPlan priced,
            @Json.Inline MapStudy.SavingUnderBothLaws saving, @Json.Inline DeviceChoice.DeviceSpread devices,
            List<MapResult.EnergyAtVdd> energyVsVdd) {
    }
}
