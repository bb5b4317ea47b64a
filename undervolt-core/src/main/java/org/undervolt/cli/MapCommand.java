package org.undervolt.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.dram.device.FloorPolicy;
import org.undervolt.dram.device.Knob;
import org.undervolt.dram.sim.PagePolicy;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.mapping.DataItem;
import org.undervolt.mapping.DeviceChoice;
import org.undervolt.mapping.Dataflow;
import org.undervolt.mapping.DramModule;
import org.undervolt.mapping.EdenPlanner;
import org.undervolt.mapping.Granularity;
import org.undervolt.mapping.MapEvaluation;
import org.undervolt.mapping.MapPlan;
import org.undervolt.mapping.MapStudy;
import org.undervolt.mapping.MappingProblem;
import org.undervolt.mapping.NetworkData;
import org.undervolt.mapping.NetworkShapes;
import org.undervolt.mapping.OperatingPointBer;
import org.undervolt.mapping.PartitionSet;
import org.undervolt.mapping.RowAllocator;
import org.undervolt.mapping.SparkXdPlanner;
import org.undervolt.mapping.SubarrayBers;
import org.undervolt.mapping.Tolerances;
import org.undervolt.mapping.Transfer;
import org.undervolt.nn.zoo.ZooModel;
import org.undervolt.io.Json;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code undervolt map}: map a network's data to approximate DRAM (EDEN partitions or SparkXD safe
 * placement), simulate one inference at nominal and chosen settings, print the plan, energy and speedup.
 */
@CommandLine.Command(name = "map",
        mixinStandardHelpOptions = true,
        description = {"Map a network's weights and IFMs to approximate DRAM and price one inference.",
                "eden: partitions at their own VDD/tRCD, each item to one whose BER it tolerates (greedy or exact).",
                "sparkxd: the module at the lowest VDD where every item fits in locations it tolerates, DRMap order."},
        subcommands = {MapGapCommand.class},
        footer = {"", "Examples:",
                "  undervolt map --network lenet5 --weights-ber 1e-4",
                "  undervolt map --network snn --neurons 400 --weights-ber 1e-3 --json",
                "  undervolt map --model lenet5.uvnn --scheme eden-exact --part DDR4-2400_4Gb_x8"})
public final class MapCommand implements Callable<Integer> {

    @Option(names = "--network", defaultValue = "lenet5", paramLabel = "NAME",
            description = "a network of the zoo (mlp, lenet5, vgg-small, resnet20; as 'train --network' names them, "
                    + "MNIST-sized) or snn (Diehl & Cook, --neurons) (default: ${DEFAULT-VALUE})")
    String network;

    @Option(names = "--model", paramLabel = "FILE", description = "use this checkpoint's architecture instead of --network")
    Path model;

    @Option(names = "--neurons", defaultValue = "400", paramLabel = "N", description = "SNN excitatory neurons (default: ${DEFAULT-VALUE})")
    int neurons;

    @Option(names = "--format", defaultValue = "int8", paramLabel = "NAME",
            description = "storage format of weights and activations, e.g. int8, fp32 (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--scheme", paramLabel = "eden|eden-exact|sparkxd",
            description = "mapping scheme (default: sparkxd for snn, eden otherwise)")
    String scheme;

    @Option(names = "--dataflow", defaultValue = "streaming", paramLabel = "NAME",
            description = "streaming, row-stationary or weight-stationary (default: ${DEFAULT-VALUE})")
    String dataflow;

    @Option(names = "--global-buffer-kib", defaultValue = "108", paramLabel = "KIB",
            description = "row-stationary global buffer (default: ${DEFAULT-VALUE}, Eyeriss)")
    long globalKib;

    @Option(names = "--weight-buffer-kib", defaultValue = "64", paramLabel = "KIB",
            description = "weight-stationary weight buffer (default: ${DEFAULT-VALUE}: one 256x256 INT8 tile)")
    long weightKib;

    @Option(names = "--activation-buffer-kib", defaultValue = "256", paramLabel = "KIB",
            description = "weight-stationary activation buffer (default: ${DEFAULT-VALUE})")
    long activationKib;

    @Option(names = "--part", paramLabel = "NAME",
            description = "DRAM part (default: LPDDR3-1600_4Gb_x32 for sparkxd, DDR4-2400_4Gb_x8 for eden)")
    String partName;

    @Mixin
    PartWasPresetOption partWasPreset = new PartWasPresetOption();

    @Option(names = "--devices", paramLabel = "N", description = "devices per rank (default: 64-bit rank for DDR, 1 for LPDDR)")
    Integer devices;

    @Option(names = "--partitions", paramLabel = "FILE", description = "eden: partitions as JSON (else generated)")
    Path partitionFile;

    @Option(names = "--partition-count", defaultValue = "8", paramLabel = "N", description = "eden: generated partitions (default: ${DEFAULT-VALUE})")
    int partitionCount;

    @Option(names = "--granularity", defaultValue = "bank", paramLabel = "rank|bank|subarray",
            description = "eden: generated partition unit (default: ${DEFAULT-VALUE})")
    String granularity;

    @Option(names = "--vdd-min", paramLabel = "VOLTS",
            description = "eden: lowest generated partition voltage (default: the BER table's lowest)")
    Double vddMin;

    @Option(names = "--trcd-min", defaultValue = "0.5", paramLabel = "REL",
            description = "eden: lowest generated tRCD as a fraction of nominal (default: ${DEFAULT-VALUE})")
    double trcdMin;

    @Option(names = "--trcd-steps", defaultValue = "error-free", paramLabel = "error-free|linear",
            description = "eden: generated tRCD: the shortest error-free one in every partition, or falling linearly with VDD"
                    + " to --trcd-min (only for a DIMM measured at both knobs) (default: ${DEFAULT-VALUE})")
    String trcdSteps;

    @Option(names = "--lower-idle-partitions",
            description = "eden: run partitions that hold none of the network's data at their own voltage too (default: nominal)")
    boolean lowerIdle;

    @Option(names = "--tolerance", paramLabel = "FILE",
            description = "tolerable BERs as JSON: item ids (conv1.weights, fc1.ifm), 'weights', 'ifm', 'default'")
    Path toleranceFile;

    @Option(names = "--weights-ber", paramLabel = "X", description = "tolerable BER of every layer's weights")
    Double weightsBer;

    @Option(names = "--ifm-ber", paramLabel = "X", description = "tolerable BER of every layer's IFM")
    Double ifmBer;

    @Option(names = "--output-ber", defaultValue = "0", paramLabel = "X",
            description = "tolerable BER of the network's output as written to DRAM (default: ${DEFAULT-VALUE})")
    double outputBer;

    @Option(names = "--weak-fraction", defaultValue = "1", paramLabel = "F",
            description = "sparkxd: fraction of weak subarrays carrying the errors (1 = uniform errors) (default: ${DEFAULT-VALUE})")
    double weakFraction;

    @Option(names = "--device-seed", defaultValue = "1", paramLabel = "S", description = "sparkxd: seed naming the device's weak subarrays")
    long deviceSeed;

    @Option(names = "--vdd-step", defaultValue = "0.005", paramLabel = "VOLTS", description = "sparkxd: voltage search step (default: ${DEFAULT-VALUE})")
    double vddStep;

    @Option(names = "--ber-table", paramLabel = "SEL|CSV", description = "BER(VDD) devices: voltron, voltron-A|B|C, "
            + "voltron:DIMM, a device table or a vdd_v,ber CSV; the plan uses the median device at the items' tolerance, "
            + "devices_summary the spread (default: voltron)")
    String berTable;

    @Option(names = "--trcd-device", defaultValue = OperatingPointBer.DEFAULT_TRCD_DEVICE, paramLabel = "SEL",
            description = "BER(tRCD) device: diva:DIMM or a one-device table (default: ${DEFAULT-VALUE}, DIVA's median at 1e-4)")
    String trcdDevice;

    @Option(names = "--floor", defaultValue = "stop", paramLabel = "stop|extrapolate",
            description = "below a device's lowest measured voltage: stop, or follow its fitted law one step further (default: ${DEFAULT-VALUE})")
    String floor;

    @Option(names = {"--energy-law", "--scaling"}, defaultValue = "quadratic", paramLabel = "quadratic|linear",
            description = "core-rail energy vs voltage: IDD proportional to V (quadratic, capacitive charging) or fixed (linear) (default: ${DEFAULT-VALUE})")
    String scaling;

    @Option(names = "--row-order", defaultValue = "drmap", paramLabel = "drmap|bank-sequential",
            description = "order rows are filled in (default: ${DEFAULT-VALUE})")
    String rowOrder;

    @Option(names = "--page-policy", defaultValue = "open", paramLabel = "open|closed",
            description = "controller page policy; closed makes every access pay tRCD (latency-bound) (default: ${DEFAULT-VALUE})")
    String pagePolicy;

    @Mixin
    JsonOption jsonOption = new JsonOption();

    @Option(names = "--report", paramLabel = "FILE", description = "also write an HTML report: saving versus tolerable BER "
            + "across the devices, every device's point, the map, the energy breakdown")
    Path report;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        boolean snn = model == null && network.trim().equalsIgnoreCase("snn");
        String how = scheme == null ? (snn ? "sparkxd" : "eden") : scheme.trim().toLowerCase(Locale.ROOT);
        if (!List.of("eden", "eden-exact", "sparkxd").contains(how)) {
            throw new InvalidInputException("--scheme: unknown scheme '" + scheme + "', expected eden, eden-exact or sparkxd");
        }
        VoltageScaling law = OptionValues.parse("--energy-law", scaling, VoltageScaling::parse);
        FloorPolicy policy = OptionValues.parse("--floor", floor, FloorPolicy::parse);
        DeviceSet vddSet = OptionValues.parse("--ber-table", berTable == null ? "voltron" : berTable,
                t -> DeviceSet.vddSelection(null, t, "--ber-table"));
        DeviceSet trcdSet = OptionValues.parse("--trcd-device", trcdDevice, DeviceSet::fromBerTable);
        if (trcdSet.knob() != Knob.TRCD || trcdSet.devices().size() != 1) {
            throw new InvalidInputException("--trcd-device " + trcdDevice + ": expected one BER(tRCD) device, e.g. diva:A01");
        }
        OptionValues.range("--neurons", neurons, 1, 65536);
        if (devices != null) {
            OptionValues.range("--devices", devices, 1, 1024);
        }
        if (weightsBer != null) {
            OptionValues.ber("--weights-ber", weightsBer);
        }
        if (ifmBer != null) {
            OptionValues.ber("--ifm-ber", ifmBer);
        }
        OptionValues.ber("--output-ber", outputBer);
        if (!(weakFraction > 0 && weakFraction <= 1)) {
            throw new InvalidInputException("--weak-fraction " + weakFraction + ": expected a fraction in (0, 1]");
        }
        OptionValues.positive("--vdd-step", vddStep, "a voltage step");
        OptionValues.range("--partition-count", partitionCount, 1, Integer.MAX_VALUE);
        Granularity unit = OptionValues.parse("--granularity", granularity, Granularity::parse);
        var part = OptionValues.parse("--part", partName != null ? partName : how.equals("sparkxd") ? "LPDDR3-1600_4Gb_x32"
                : "DDR4-2400_4Gb_x8", DramPresets::get);
        NetworkData net = NetworkShapes.resolve(network, model, neurons, format);
        DramModule module;
        try {
            module = devices == null ? DramModule.of(part) : DramModule.withDevices(part, devices);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--devices " + devices + ": " + e.getMessage());
        }
        Dataflow flow = Dataflow.parse(dataflow, globalKib * 1024, weightKib * 1024, activationKib * 1024);
        List<Transfer> transfers = flow.transfers(net);
        List<DataItem> items = MapStudy.items(net, transfers, module.organization().bytesPerBurst(), tolerances());
        DeviceChoice choice = DeviceChoice.of(module, vddSet, law, policy, DeviceChoice.tolerance(items))
                .withTrcdDevice(trcdSet.devices().get(0), module, policy);
        OperatingPointBer ber = choice.ber();

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("network", snn ? "snn-N" + neurons : model != null ? model.toString() : ZooModel.parse(network).id());
        out.put("format", format);
        Map<String, Object> mod = new LinkedHashMap<>();
        mod.put("preset", part.name());
        mod.put("devices_per_rank", module.organization().devices());
        mod.put("capacity_bytes", module.organization().capacityBytes() * 1);
        mod.put("nominal_vdd", module.nominalVolts());
        mod.put("nominal_trcd_cycles", module.nominalTrcd());
        mod.put("voltage_scaling", law.toString());
        mod.put("energy_law", law.toString());
        mod.put("energy_law_reasoning", VoltageScaling.REASONING);
        mod.put("floor", policy.toString());
        mod.put("ber_source", ber.source());
        mod.put("latency_model", "cycle-level timing simulator (org.undervolt.dram.sim, Ramulator 2.0a-compatible), DRMap address mapping, "
                + pagePolicy + " page, drained; latency-bound: requests one at a time at their row-buffer state's latency");
        out.put("module", mod);
        MapPlan plan;
        if (how.equals("sparkxd")) {
            SubarrayBers where = weakFraction >= 1 ? SubarrayBers.uniform(ber) : SubarrayBers.weakSubarrays(ber, weakFraction, deviceSeed);
            plan = new SparkXdPlanner(module, where, ber.lowestVolts(), vddStep, RowAllocator.Order.parse(rowOrder)).plan(items);
        } else {
            PartitionSet set = partitionFile != null ? PartitionSet.load(partitionFile, module, ber, law)
                    : PartitionSet.generate(module, ber, law, unit, partitionCount,
                    vddMin != null ? vddMin : ber.lowestVolts(), trcdMin, PartitionSet.TrcdSteps.parse(trcdSteps));
            out.put("partitions", MapStudy.describe(set));
            out.put("greedy_vs_exact", MapStudy.compareMappers(MappingProblem.of(items, set)));
            plan = EdenPlanner.plan(set, items, how.equals("eden-exact"), lowerIdle, RowAllocator.Order.parse(rowOrder));
        }
        MapEvaluation e = MapEvaluation.of(module, law, PagePolicy.parse(pagePolicy), plan, flow, transfers);
        out.putAll(MapStudy.describe(e, items));
        out.put("limited_by", MapStudy.limitedBy(plan, ber, module, how.equals("sparkxd") ? vddStep : 0).label());
        out.putAll(MapStudy.savingUnderBothLaws(module, PagePolicy.parse(pagePolicy), plan, flow, transfers));
        out.putAll(choice.describe());
        if (report != null) {
            org.undervolt.experiment.MapReport.of(out, MapStudy.lowestVolts(plan, module)).write(report);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (jsonOption.json) {
            w.println(Json.write(out));
        } else {
            w.printf(Locale.ROOT, "%s (%s, %s) on %s, %s mapping, %s dataflow%n", out.get("network"), format, net.layers().size()
                    + " weighted layers", part.name(), plan.scheme(), flow.name());
            for (DataItem d : items) {
                w.printf(Locale.ROOT, "  %-16s %10d B  tolerates %-9.3g -> %-22s BER %.3g%n", d.name(), d.bytes(), d.tolerableBer(),
                        plan.placedIn().get(d.name()), plan.itemBer().get(d.name()));
            }
            plan.notes().forEach(n -> w.println("  " + n));
            w.printf(Locale.ROOT, "energy per inference: nominal %.4e J, chosen %.4e J, saving %.1f %% (%s law; linear %.1f %%,"
                    + " quadratic %.1f %%), limited by %s%n", e.nominal().totalJoules(), e.chosen().totalJoules(),
                    100 * e.energySaving(), law, 100 * (double) out.get("energy_saving_linear"),
                    100 * (double) out.get("energy_saving_quadratic"), out.get("limited_by"));
            w.printf(Locale.ROOT, "devices (%s) at tolerable BER %.3g: %s; planned with %s%n", vddSet.selector(), choice.tolerance(),
                    MapStudy.spreadLine(choice), choice.median().device().name());
            w.printf(Locale.ROOT, "time: simulated speedup %.3fx, latency-bound speedup %.3fx (tRCD %d -> %d cycles)%n",
                    e.speedup(), e.latencyBoundSpeedup(), e.nominal().trcdCycles(), e.chosen().trcdCycles());
        }
        return 0;
    }

    private Tolerances tolerances() {
        Map<String, Double> m = new LinkedHashMap<>();
        if (toleranceFile != null) {
            return Tolerances.load(toleranceFile).withOutput(outputBer);
        }
        if (weightsBer != null) {
            m.put("weights", weightsBer);
        }
        if (ifmBer != null) {
            m.put("ifm", ifmBer);
        }
        if (m.isEmpty()) {
            throw new InvalidInputException("give the tolerable BERs: --tolerance FILE, or --weights-ber X (and --ifm-ber Y)");
        }
        if (ifmBer == null) {
            m.put("ifm", 0.0);
        }
        if (weightsBer == null) {
            m.put("weights", 0.0);
        }
        m.put(NetworkData.OUTPUT, outputBer);
        return new Tolerances(m);
    }
}
