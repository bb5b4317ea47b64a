package org.undervolt.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.dram.device.FloorPolicy;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.sim.PagePolicy;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.io.Json;
import org.undervolt.mapping.DataItem;
import org.undervolt.mapping.DeviceChoice;
import org.undervolt.mapping.DramModule;
import org.undervolt.mapping.MapEvaluation;
import org.undervolt.mapping.MapStudy;
import org.undervolt.mapping.NetworkData;
import org.undervolt.mapping.NetworkShapes;
import org.undervolt.mapping.OperatingPointBer;
import org.undervolt.mapping.RowAllocator;
import org.undervolt.resilience.ModelFileKind;
import org.undervolt.usecase.BadSetting;
import org.undervolt.usecase.MapRequest;
import org.undervolt.usecase.MapResult;
import org.undervolt.usecase.MapScheme;
import org.undervolt.usecase.MapSettings;
import org.undervolt.usecase.MapUseCase;
import org.undervolt.usecase.SettingNames;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code undervolt map}: map a network's data to approximate DRAM (EDEN partitions or SparkXD safe
 * placement), simulate one inference at nominal and chosen settings, print the plan, energy and speedup.
 * Parses the options into a {@link MapRequest}, calls {@link MapUseCase} (the pipelines' mapping stage calls
 * it too) and prints the {@link MapResult}.
 */
@CommandLine.Command(name = "map",
        mixinStandardHelpOptions = true,
        description = {"Map a network's weights and IFMs to approximate DRAM and price one inference.",
                "eden: partitions at their own VDD/tRCD, each item to one whose BER it tolerates (greedy or exact).",
                "sparkxd: the module at the lowest VDD where every item fits in locations it tolerates, DRMap order.",
                "--part: DDR4-2400_4Gb_x8 for eden, LPDDR3-1600_4Gb_x32 for sparkxd unless given."},
        subcommands = {MapGapCommand.class},
        footer = {"", "Examples:",
                "  undervolt map --network lenet5 --weights-ber 1e-4",
                "  undervolt map --network snn --neurons 400 --weights-ber 1e-3 --json",
                "  undervolt map --model examples/lenet5.uvnn --scheme eden-exact --part DDR4-2400_4Gb_x8 --weights-ber 1e-4"})
public final class MapCommand implements Callable<Integer> {

    @Mixin NetworkOption network = new NetworkOption();

    @Mixin OptionalModelFileOption modelOption = new OptionalModelFileOption();

    @Option(names = "--neurons", defaultValue = "400", paramLabel = "N", description = "SNN excitatory neurons (default: ${DEFAULT-VALUE})")
    int neurons;

    @Option(names = "--format", defaultValue = "int8", paramLabel = "NAME",
            description = "storage format of weights and activations, e.g. int8, fp32 (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--scheme", paramLabel = "eden|eden-exact|sparkxd",
            description = "mapping scheme (default: sparkxd for snn, eden otherwise)")
    String scheme;

    @Mixin DataflowOptions dataflow = new DataflowOptions();
    @Mixin EdenPartitionOptions partitions = new EdenPartitionOptions();
    @Mixin ToleranceBerOptions tolerance = new ToleranceBerOptions();

    @Mixin PartFileOption partOption = new PartFileOption();

    @Mixin PartWasPresetOption partWasPreset = new PartWasPresetOption();

    @Option(names = "--devices-per-rank", paramLabel = "N",
            description = "devices per rank of the module (default: a 64-bit rank for DDR, 1 for LPDDR)")
    Integer devicesPerRank;

    @Option(names = "--weak-fraction", defaultValue = "1", paramLabel = "F",
            description = "sparkxd: fraction of weak subarrays carrying the errors (1 = uniform errors) (default: ${DEFAULT-VALUE})")
    double weakFraction;

    @Mixin DeviceSeedOption device = new DeviceSeedOption();

    @Option(names = "--vdd-step", defaultValue = "0.005", paramLabel = "VOLTS", description = "sparkxd: voltage search step (default: ${DEFAULT-VALUE})")
    double vddStep;

    @Mixin DevicesOption devices = new DevicesOption();

    @Option(names = "--trcd-device", defaultValue = OperatingPointBer.DEFAULT_TRCD_DEVICE, paramLabel = "SEL",
            description = "BER(tRCD) device: diva:DIMM or a one-device table (default: ${DEFAULT-VALUE}, DIVA's median at 1e-4)")
    String trcdDevice;

    @Option(names = "--floor", defaultValue = "stop", paramLabel = "stop|extrapolate",
            description = "below a device's lowest measured voltage: stop, or follow its fitted law one step further (default: ${DEFAULT-VALUE})")
    String floor;

    @Mixin EnergyLawOption energyLaw = new EnergyLawOption();

    @Option(names = "--row-order", defaultValue = "drmap", paramLabel = "drmap|bank-sequential",
            description = "order rows are filled in (default: ${DEFAULT-VALUE})")
    String rowOrder;

    @Option(names = {"--row-policy", "--page-policy"}, defaultValue = "open", paramLabel = "open|closed",
            description = "controller row policy (as 'dram simulate --row-policy'; --page-policy is its old name); closed "
                    + "makes every access pay tRCD (latency-bound) (default: ${DEFAULT-VALUE})")
    String pagePolicy;

    @Mixin JsonOption jsonOption = new JsonOption();

    @Option(names = "--report", paramLabel = "FILE", description = "also write an HTML report: saving versus tolerable BER "
            + "across the devices, every device's point, the map, the energy breakdown")
    Path report;

    /** The options of {@link MapSettings}' keys where they are not {@code --} and the key with dashes. */
    private static final SettingNames OPTIONS = SettingNames.options(Map.of("devices_per_rank", "--devices-per-rank",
            "lower_idle", "--lower-idle-partitions"));

    @Override
    public Integer call() {
        boolean snn = modelOption.file == null && network.snn();
        MapScheme how = scheme == null ? (snn ? MapScheme.SPARKXD : MapScheme.EDEN)
                : OptionValues.parse("--scheme", scheme, MapScheme::parse);
        OptionValues.range("--neurons", neurons, 1, 65536);
        tolerance.check();
        MapSettings settings;
        try {
            settings = settings(how);
        } catch (BadSetting e) {
            throw e.named(OPTIONS);
        }
        NetworkData net = NetworkShapes.resolve(network.name, modelOption.file == null ? null
                : ModelFileKind.SNN.refuse(modelOption.file, "--model", "map lays an SNN out from --network snn --neurons N"),
                neurons, format);
        MapResult r = MapUseCase.run(new MapRequest(net, tolerance.tolerances(), settings));
        Mapped mapped = describe(r, snn);
        Map<String, Object> out = Json.fields(mapped);
        if (report != null) {
            org.undervolt.experiment.MapReport.of(out, MapStudy.lowestVolts(r.plan(), r.module())).write(report);
        }
        jsonOption.print(out, w -> {
            MapEvaluation e = r.evaluation();
            w.printf(Locale.ROOT, "%s (%s, %s) on %s, %s mapping, %s dataflow%n", mapped.network(), format, net.layers().size()
                    + " weighted layers", settings.part().name(), r.plan().scheme(), settings.dataflow().name());
            for (DataItem d : r.items()) {
                w.printf(Locale.ROOT, "  %-16s %10d B  tolerates %-9.3g -> %-22s BER %.3g%n", d.name(), d.bytes(), d.tolerableBer(),
                        r.plan().placedIn().get(d.name()), r.plan().itemBer().get(d.name()));
            }
            r.plan().notes().forEach(n -> w.println("  " + n));
            w.printf(Locale.ROOT, "energy per inference: nominal %.4e J, chosen %.4e J, saving %.1f %% (%s law; linear %.1f %%,"
                    + " quadratic %.1f %%), limited by %s%n", e.nominal().totalJoules(), e.chosen().totalJoules(),
                    100 * e.energySaving(), settings.law(), 100 * mapped.saving().energySavingLinear(),
                    100 * mapped.saving().energySavingQuadratic(), mapped.limitedBy());
            w.printf(Locale.ROOT, "devices (%s) at tolerable BER %.3g: %s; planned with %s%n", settings.vddDevices().selector(),
                    r.choice().tolerance(), MapStudy.spreadLine(r.choice()), r.choice().median().device().name());
            w.printf(Locale.ROOT, "time: simulated speedup %.3fx, latency-bound speedup %.3fx (tRCD %d -> %d cycles)%n",
                    e.speedup(), e.latencyBoundSpeedup(), e.nominal().trcdCycles(), e.chosen().trcdCycles());
        });
        return 0;
    }

    /** The policy named; the parser's message without the old option name it starts with. */
    private static PagePolicy rowPolicy(String name) {
        try {
            return PagePolicy.parse(name);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.getMessage().replaceFirst("^--page-policy: ", ""), e);
        }
    }

    /** The DRAM settings of the options (a bad value is a {@link BadSetting} naming its key). */
    private MapSettings settings(MapScheme how) {
        var part = OptionValues.parse("--part", partOption.name() != null ? partOption.name() : how == MapScheme.SPARKXD ? "LPDDR3-1600_4Gb_x32"
                : "DDR4-2400_4Gb_x8", DramPresets::get);
        Integer perRank = devices.oldDevicesPerRank();
        if (perRank != null && devicesPerRank != null) {
            throw new InvalidInputException("--devices-per-rank " + devicesPerRank + ": given twice (--devices " + perRank
                    + " is --devices-per-rank now)");
        }
        String sel = devices.selector() == null ? "voltron" : devices.selector();
        DeviceSet vddSet = OptionValues.parse("--devices", sel, t -> DeviceSet.vddSelection(t, "--devices"));
        DeviceSet trcdSet = OptionValues.parse("--trcd-device", trcdDevice, DeviceSet::fromBerTable);
        if (trcdSet.devices().size() != 1) {
            throw new InvalidInputException("--trcd-device " + trcdDevice + ": expected one BER(tRCD) device, e.g. diva:A01");
        }
        return new MapSettings(how, part, perRank != null ? perRank : devicesPerRank, dataflow.dataflow(), vddSet,
                trcdSet.devices().get(0), OptionValues.parse("--floor", floor, FloorPolicy::parse),
                energyLaw.law(),
                OptionValues.parse("--row-policy", pagePolicy, MapCommand::rowPolicy),
                OptionValues.parse("--row-order", rowOrder, RowAllocator.Order::parse), vddStep, partitions.partitions(),
                new MapSettings.WeakSubarrays(weakFraction, device.seed));
    }

    /** The result as the JSON object {@code map --json} prints. */
    private Mapped describe(MapResult r, boolean snn) {
        MapSettings s = r.request().settings();
        DramModule module = r.module();
        Module mod = new Module(s.part().name(), module.organization().devices(), module.organization().capacityBytes(),
                module.nominalVolts(), module.nominalTrcd(), s.law().toString(), VoltageScaling.REASONING,
                s.floor().toString(), r.ber().source(), "cycle-level timing simulator (org.undervolt.dram.sim, Ramulator "
                + "2.0a-compatible), DRMap address mapping, " + pagePolicy + " page, drained; latency-bound: requests one "
                + "at a time at their row-buffer state's latency");
        boolean eden = r.partitions() != null;
        return new Mapped(snn ? "snn-N" + neurons : modelOption.file != null ? modelOption.file.toString()
                : network.zoo().id(), format, mod, eden ? MapStudy.partitionRows(r.partitions()) : null,
                eden ? r.greedyVsExact() : null, MapStudy.PricedPlan.of(r.evaluation(), r.items()), r.limitedBy().label(),
                r.savingUnderBothLaws(), r.choice().describe());
    }

    /**
     * What {@code map --json} prints (and {@code --report} draws): its components are the keys in order (snake_case),
     * the priced plan, the savings under both laws and the device spread spliced in.
     *
     * @param partitions    eden: the partitions (absent for sparkxd)
     * @param greedyVsExact eden: the greedy mapper against the exact one (absent for sparkxd)
     */
    record Mapped(String network, String format, Module module, @Json.OmitWhenNull List<MapStudy.PartitionRow> partitions,
            @Json.OmitWhenNull MapStudy.MapperComparison greedyVsExact, @Json.Inline MapStudy.PricedPlan priced,
            String limitedBy, @Json.Inline MapStudy.SavingUnderBothLaws saving,
            @Json.Inline DeviceChoice.DeviceSpread devices) {
    }

    /** The module mapped onto and the models it is priced with. */
    record Module(String part, int devicesPerRank, long capacityBytes, double nominalVdd, int nominalTrcdCycles,
            String energyLaw, String energyLawReasoning, String floor, String berSource, String latencyModel) {
    }
}
