package org.undervolt.cli;

import org.undervolt.InvalidInputException;
import org.undervolt.resilience.Acceptance;
import org.undervolt.resilience.ToleranceSearch;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How a tolerance search runs, shared by {@code tolerance} and {@code bench tolerance}: its BER grid, the bisection
 * steps after it, the acceptance (delta and confidence) and the images it evaluates and profiles. The defaults are
 * each command's ({@link OptionDefaults}).
 */
final class ToleranceSearchOptions {
    @Mixin BerGridOptions grid = new BerGridOptions();

    @Option(names = "--bisections", paramLabel = "N", description = "Bisection steps after the grid (default: ${DEFAULT-VALUE}).")
    int bisections;

    @Option(names = "--delta", defaultValue = "0.01", paramLabel = "F",
            description = "Accepted accuracy loss, a fraction (default: ${DEFAULT-VALUE}).")
    double delta;

    @Option(names = "--confidence", defaultValue = "lower95", paramLabel = "RULE",
            description = "lower95: the one-sided 95%% t lower bound of the mean accuracy must meet the threshold; "
                    + "mean: the mean (default: ${DEFAULT-VALUE}).")
    String confidence;

    @Option(names = "--test-images", defaultValue = "10000", paramLabel = "N", description = "Test images (default: ${DEFAULT-VALUE}).")
    int testImages;

    @Option(names = "--profile-images", defaultValue = "2000", paramLabel = "N",
            description = "Training images profiled for value bounds (default: ${DEFAULT-VALUE}).")
    int profileImages;

    /** Checks every value, naming the option that is wrong, before any data is read. */
    void check() {
        OptionValues.range("--test-images", testImages, 1, Integer.MAX_VALUE);
        OptionValues.range("--profile-images", profileImages, 1, Integer.MAX_VALUE);
        if (!(delta >= 0 && delta <= 1)) {
            throw new InvalidInputException("--delta " + delta + ": expected a fraction in [0, 1]");
        }
        grid.check();
        OptionValues.range("--bisections", bisections, 0, 30);
        OptionValues.range("--trials", grid.trials, 1, 10000);
        rule();
    }

    /** The acceptance rule of {@code --confidence}. */
    Acceptance.Rule rule() {
        return OptionValues.parse("--confidence", confidence, Acceptance.Rule::parse);
    }

    /** The search settings, with the master seed {@code seed}. */
    ToleranceSearch.Settings settings(long seed) {
        return new ToleranceSearch.Settings(grid.berMin, grid.berMax, grid.pointsPerDecade, bisections, grid.trials, seed);
    }
}
