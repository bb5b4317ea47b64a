package org.undervolt.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.undervolt.mapping.ExactMapper;
import org.undervolt.mapping.GreedyGapStudy;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code undervolt map gap}: EDEN's greedy mapping against the exact optimum over random instances. */
@CommandLine.Command(name = "gap",
        mixinStandardHelpOptions = true,
        description = "How far EDEN's greedy mapping is from the optimum (branch and bound) over random instances.",
        footer = {"", "Examples:",
                "  undervolt map gap",
                "  undervolt map gap --instances 100 --items 8 --json"})
public final class MapGapCommand implements Callable<Integer> {

    @Option(names = "--instances", defaultValue = "500", paramLabel = "N", description = "instances (default: ${DEFAULT-VALUE})")
    int instances;

    @Option(names = "--items", defaultValue = "10", paramLabel = "N", description = "data items per instance (default: ${DEFAULT-VALUE})")
    int items;

    @Option(names = "--partition-count", defaultValue = "6", paramLabel = "N",
            description = "partitions per instance (default: ${DEFAULT-VALUE})")
    int partitions;

    private Integer partitionsAlias;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The old name of {@code --partition-count}, kept hidden: {@code --partitions} is a FILE in {@code map}. */
    @Option(names = "--partitions", hidden = true, paramLabel = "N")
    void oldPartitions(int n) {
        partitionsAlias = n; // applied in call(): picocli sets --partition-count's default after this
        OldSpelling.note(spec, "--partitions", "--partition-count");
    }

    @Mixin SeedOption seedOption = new SeedOption();
    @Mixin JsonOption jsonOption = new JsonOption();

    @Override
    public Integer call() {
        OptionValues.range("--instances", instances, 1, Integer.MAX_VALUE);
        OptionValues.range("--items", items, 1, ExactMapper.MAX_ITEMS);
        partitions = partitionsAlias != null ? partitionsAlias : partitions;
        OptionValues.range("--partition-count", partitions, 1, ExactMapper.MAX_PARTITIONS);
        GreedyGapStudy.Result r = GreedyGapStudy.run(seedOption.seed, instances, items, partitions);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instances", r.instances());
        m.put("items", items);
        m.put("partitions", partitions);
        m.put("seed", seedOption.seed);
        m.put("feasible", r.solved());
        m.put("greedy_failed", r.greedyFailed());
        m.put("greedy_optimal", r.optimalHits());
        m.put("mean_gap", r.meanGap());
        m.put("max_gap", r.maxGap());
        jsonOption.print(m, w -> w.printf(Locale.ROOT, "%d instances (%d items, %d partitions, seed %d): %d feasible; greedy found no placement in %d,"
                    + " was optimal in %d of %d; gap mean %.2f %%, max %.2f %%%n", r.instances(), items, partitions, seedOption.seed,
                    r.solved(), r.greedyFailed(), r.optimalHits(), r.gaps().size(), 100 * r.meanGap(), 100 * r.maxGap()));
        return 0;
    }
}
