package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The whole command tree, as a new user meets it: every command answers {@code --help} with a description
 * and at least one example of itself, every example is one line that parses as printed, and typos get
 * picocli's suggestions.
 */
class HelpTreeTest {

    /** Every command of the tree but picocli's own {@code help}, depth first. */
    static List<CommandLine> commands() {
        List<CommandLine> all = new ArrayList<>();
        walk(UndervoltCli.commandLine(), all);
        return all;
    }

    private static void walk(CommandLine cl, List<CommandLine> all) {
        if (cl.getCommand() instanceof CommandLine.HelpCommand) {
            return;
        }
        all.add(cl);
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!all.contains(sub)) {
                walk(sub, all);
            }
        }
    }

    /** The example lines of a command's help: description or footer lines that start with "undervolt ". */
    static List<String> examples(CommandSpec spec) {
        List<String> lines = new ArrayList<>(Arrays.asList(spec.usageMessage().description()));
        lines.addAll(Arrays.asList(spec.usageMessage().footer()));
        return lines.stream().map(String::strip).filter(l -> l.startsWith("undervolt ")).toList();
    }

    @Test
    void theTreeHoldsEveryCommand() {
        List<String> names = commands().stream().map(c -> c.getCommandSpec().qualifiedName()).toList();
        assertThat(names).contains("undervolt", "undervolt demo", "undervolt errors inject", "undervolt runs list",
                "undervolt dram energy", "undervolt snn eval", "undervolt bench errors");
        assertThat(names.size()).isGreaterThan(35);
    }

    @Test
    void everyCommandAnswersHelpWithADescriptionAndAnExampleOfItself() {
        List<String> problems = new ArrayList<>();
        // a command class registered under two names (e.g. 'dram bench' and 'bench dram-energy') shares one help text
        java.util.Map<Class<?>, List<String>> namesOfClass = new java.util.HashMap<>();
        for (CommandLine cl : commands()) {
            namesOfClass.computeIfAbsent(cl.getCommand().getClass(), k -> new ArrayList<>())
                    .add(cl.getCommandSpec().qualifiedName());
        }
        for (CommandLine cl : commands()) {
            CommandSpec spec = cl.getCommandSpec();
            String name = spec.qualifiedName();
            List<String> names = namesOfClass.get(cl.getCommand().getClass());
            if (spec.optionsMap().get("--help") == null || !spec.optionsMap().get("--help").usageHelp()) {
                problems.add(name + ": no --help");
            }
            if (String.join("", spec.usageMessage().description()).isBlank()) {
                problems.add(name + ": no description");
            }
            if (examples(spec).stream().noneMatch(e -> names.stream().anyMatch(n -> e.equals(n) || e.startsWith(n + " ")))) {
                problems.add(name + ": no example of itself in its help");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyExampleIsOneLineThatParsesAsPrinted() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (CommandLine cl : commands()) {
            for (String example : examples(cl.getCommandSpec())) {
                if (example.endsWith("\\")) {
                    problems.add(example + ": wrapped onto the next line");
                    continue;
                }
                // what a shell does after the command line: a comment, a redirection or a pipe
                String command = example.split(" #| [0-9]?> | \\| ")[0];
                if (command.matches(".*[|<>;&()'\"`].*")) {
                    problems.add(example + ": shell syntax inside the command line");
                    continue;
                }
                String[] args = command.substring("undervolt ".length()).strip().split("\\s+");
                try {
                    UndervoltCli.commandLine().parseArgs(args);
                    checked++;
                } catch (CommandLine.ParameterException e) {
                    problems.add(example + ": " + e.getMessage());
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThan(40);
    }

    /**
     * Every example as printed by {@code --help}, at the default 80 columns and at 200: whole on one line of the
     * rendered help (picocli wrapped them mid-command, once mid-word: {@code --out resnet20.} / {@code uvnn --progress}).
     */
    @Test
    void everyExampleIsPrintedWholeOnOneLine() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (int width : new int[] {80, 200}) {
            for (CommandLine cl : commands()) {
                int before = cl.getUsageHelpWidth();
                cl.setUsageHelpWidth(width);
                List<String> printed;
                try {
                    printed = cl.getUsageMessage(CommandLine.Help.Ansi.OFF).lines().map(String::strip).toList();
                } finally {
                    cl.setUsageHelpWidth(before);
                }
                for (String example : examples(cl.getCommandSpec())) {
                    checked++;
                    if (!printed.contains(example)) {
                        problems.add(cl.getCommandSpec().qualifiedName() + " at " + width + " columns: " + example);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThan(80);
    }

    /**
     * Every description (the command's and each option's) is printed as whole paragraphs wrapped at spaces only, at
     * 80 and 200 columns: the printed help, its whitespace collapsed, holds each paragraph word for word (picocli
     * alone broke {@code docs/SPARK.md} into {@code docs/SPARK.} / {@code md} and wrapped each source line on its
     * own, leaving stubs such as {@code ... at} / {@code a stated}), and no prose line is longer than the width.
     */
    @Test
    void everyDescriptionIsPrintedAsParagraphsBrokenAtSpaces() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (int width : new int[] {80, 200}) {
            for (CommandLine cl : commands()) {
                CommandSpec spec = cl.getCommandSpec();
                int before = cl.getUsageHelpWidth();
                cl.setUsageHelpWidth(width);
                String printed;
                try {
                    printed = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
                } finally {
                    cl.setUsageHelpWidth(before);
                }
                String flat = " " + String.join(" ", printed.strip().split("\\s+")) + " ";
                List<String> paragraphs = new ArrayList<>(Arrays.asList(
                        WholeExamples.paragraphs(spec.usageMessage().description())));
                for (CommandLine.Model.OptionSpec option : spec.options()) {
                    paragraphs.addAll(Arrays.asList(WholeExamples.paragraphs(option.description())));
                }
                for (String paragraph : paragraphs) {
                    if (paragraph.isBlank() || WholeExamples.isExample(paragraph)) {
                        continue;
                    }
                    checked++;
                    // a command's description is a format string in the source ("95%%" prints "95%")
                    String words = " " + String.join(" ", paragraph.strip().replace("%%", "%").split("\\s+")) + " ";
                    if (!flat.contains(words)) {
                        problems.add(spec.qualifiedName() + " at " + width + ": not whole: " + paragraph);
                    }
                }
                printed.lines().filter(l -> l.length() > width && !WholeExamples.isExample(l)
                                && !l.strip().startsWith("Usage:") && !l.strip().startsWith("["))
                        .forEach(l -> problems.add(spec.qualifiedName() + " at " + width + ": too long: " + l));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThan(800);
    }

    @Test
    void sourceLinesJoinIntoParagraphsUnlessEmptyIndentedOrALeadIn() {
        assertThat(WholeExamples.paragraphs(new String[] {"Find the largest BER at", "a stated confidence.", "",
                "Presets:", "  1. train", "  2. tolerance", "Writes files", "under --out."}))
                .containsExactly("Find the largest BER at a stated confidence.", "", "Presets:", "  1. train",
                        "  2. tolerance", "Writes files under --out.");
        assertThat(WholeExamples.paragraphs(new String[] {"Examples:", "  undervolt demo", "undervolt map --part X",
                "more"})).containsExactly("Examples:", "  undervolt demo", "undervolt map --part X", "more");
    }

    @Test
    void paragraphsWrapAtSpacesOnlyKeepingTheIndent() {
        assertThat(WholeExamples.wrap(new String[] {"one two three four", "  ab cd ef", "", "docs/SPARK.md e.g. x"}, 9))
                .containsExactly("one two", "three", "four", "  ab cd", "  ef", "", "docs/SPARK.md", "e.g. x");
    }

    /**
     * An example that reads a file names one a clone has: a shipped example under {@code examples/}, or a file an
     * earlier example writes (a model, a run). Never a stand-in such as {@code my-memspec.xml}: a part is a preset.
     */
    @Test
    void everyExampleFileUnderExamplesIsInTheClone() {
        Path root = Path.of("").toAbsolutePath();
        root = Files.isDirectory(root.resolve("examples")) ? root : root.getParent(); // the tests run in undervolt-core
        List<String> problems = new ArrayList<>();
        int named = 0;
        for (CommandLine cl : commands()) {
            for (String example : examples(cl.getCommandSpec())) {
                String[] words = example.split(" #")[0].split("\\s+"); // not the comment
                for (int i = 0; i < words.length; i++) {
                    String word = words[i];
                    if (word.startsWith("examples/") && !words[i - 1].equals("--out")) { // not one an example writes
                        named++;
                        if (!Files.exists(root.resolve(word))) {
                            problems.add(example + ": no file " + word);
                        }
                    }
                    if (word.startsWith("my-memspec")) {
                        problems.add(example + ": " + word + " is not in a clone; name a preset");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(named).isGreaterThanOrEqualTo(6);
    }

    /** The folder CIFAR-10's binary archive unpacks to: the one input a fresh clone cannot have (not bundled). */
    static final String CIFAR = "cifar-10-batches-bin";

    /**
     * Each help's examples, run in order as printed on a fresh clone, succeed: a model, config, trace or bitmap file
     * an example reads ships under {@code examples/} or is written by an earlier example of the same help
     * ({@code --out}, {@code --commands-out}, {@code > FILE}, or a file under an {@code --out} folder), e.g.
     * {@code import-onnx} shows the {@code export-onnx} that writes the {@code lenet5.onnx} it reads; a data folder
     * ({@code --data-dir}, {@code data_dir=}) ships under {@code examples/} or is CIFAR-10's ({@link #CIFAR}, not
     * bundled); no example holds a placeholder ({@code FILE}, {@code DIR}, a {@code ~/} path).
     */
    @Test
    void everyFileAnExampleReadsIsWrittenByAnEarlierExampleOrShips() {
        List<String> problems = new ArrayList<>();
        int reads = 0;
        for (CommandLine cl : commands()) {
            java.util.Set<String> written = new java.util.HashSet<>();
            for (String example : examples(cl.getCommandSpec())) {
                String[] words = example.split(" #")[0].split("\\s+"); // not the comment
                for (int i = 0; i < words.length; i++) {
                    boolean writes = i > 0 && List.of("--out", "--commands-out", ">").contains(words[i - 1]);
                    boolean folder = i > 0 && words[i - 1].equals("--data-dir") || words[i].startsWith("data_dir=");
                    String word = words[i].replaceFirst("^[a-z_]+=", "");
                    if (word.equals("FILE") || word.equals("DIR") || word.startsWith("~")) {
                        problems.add(example + ": placeholder " + word);
                    } else if (writes) {
                        written.add(word);
                    } else if (folder ? !word.equals(CIFAR) : !word.startsWith("examples/")
                            && word.matches(".*\\.(uvnn|onnx|snn|bitmap|json|yaml|csv|trace)")) {
                        reads++;
                        String file = word;
                        if (!written.contains(file) && written.stream().noneMatch(f -> file.startsWith(f + "/"))
                                && !file.startsWith("examples/")) {
                            problems.add(example + ": no earlier example of this help writes " + file);
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(reads).isGreaterThan(10);
    }

    @Test
    void typosOfSubcommandsAndOptionsGetSuggestions() {
        CliRun command = CliRun.of("demmo");
        assertThat(command.exit()).isEqualTo(2);
        assertThat(command.err().strip()).hasLineCount(1).contains("did you mean").contains("demo");

        CliRun nested = CliRun.of("errors", "injct");
        assertThat(nested.exit()).isEqualTo(2);
        assertThat(nested.err()).contains("did you mean").contains("inject");

        CliRun option = CliRun.of("demo", "--jsno");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err().strip()).hasLineCount(1).contains("'--jsno'").contains("did you mean").contains("--json");
        assertThat(option.out()).isEmpty();

        // a misspelt required option leaves the real one missing: the typo and its suggestion come first
        CliRun required = CliRun.of("dram", "energy", "--part", "DDR4", "--trce", "x");
        assertThat(required.exit()).isEqualTo(2);
        assertThat(required.err().strip()).hasLineCount(1).contains("'--trce'").contains("did you mean --trace?")
                .doesNotContain("Missing required option");
        CliRun inject = CliRun.of("errors", "inject", "--error-modle", "uniform");
        assertThat(inject.exit()).isEqualTo(2);
        assertThat(inject.err().strip()).hasLineCount(1).contains("'--error-modle'").contains("did you mean --error-model?");
    }

    /** One word for timed repetitions: --repeats; the old --reps and --passes still run and say so in one stderr line. */
    @Test
    void repetitionsAreRepeatsEverywhereAndOldSpellingsSaySo() {
        for (String command : new String[] {"dram bench", "dram sim-bench", "errors bench", "nn-bench"}) {
            CommandLine cl = UndervoltCli.commandLine();
            for (String name : command.split(" ")) {
                cl = cl.getSubcommands().get(name);
            }
            assertThat(cl.getCommandSpec().optionsMap()).as(command).containsKey("--repeats");
        }
        CliRun old = CliRun.of("nn-bench", "--passes", "0");
        assertThat(old.exit()).isEqualTo(2);
        assertThat(old.err().lines().toList()).containsExactly("undervolt: --passes is now --repeats",
                "undervolt: --repeats 0: expected an integer >= 1");
    }

    /**
     * A count is never spelt as a FILE option of another command: {@code --request-count} (sim-bench; {@code --requests}
     * is a trace file in {@code dram simulate}), {@code --partition-count} ({@code map gap}; {@code --partitions} is a
     * file in {@code map}), {@code --train-images} ({@code snn train}, as {@code train}); the old spellings still run.
     */
    @Test
    void countsHaveCountNamesAndTheOldSpellingsSaySo() {
        String[][] cases = {{"dram sim-bench --requests 0", "--requests", "--request-count"},
            {"map gap --partitions 0", "--partitions", "--partition-count"},
            {"snn train --neurons 4 --images 0 --out never.snn", "--images", "--train-images"}};
        for (String[] c : cases) {
            CliRun old = CliRun.of(c[0].split(" "));
            assertThat(old.exit()).as(c[0]).isEqualTo(2);
            assertThat(old.err().lines().toList()).as(c[0]).containsExactly("undervolt: " + c[1] + " is now " + c[2],
                    "undervolt: " + c[2] + " 0: " + (c[2].equals("--partition-count") ? "expected an integer in 1..64"
                            : c[2].equals("--train-images") ? "expected a positive count" : "expected an integer >= 1"));
        }
        CliRun missing = CliRun.of("snn", "train", "--neurons", "4", "--out", "never.snn");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option: '--train-images=K'");
    }

    @Test
    void theOldSpellingOfThePartSaysWhereItWent() {
        CliRun r = CliRun.of("eval", "--model", "m.uvnn", "--preset", "DDR4-2400_4Gb_x8");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).hasLineCount(1).contains("--part DDR4-2400_4Gb_x8");
    }
}
