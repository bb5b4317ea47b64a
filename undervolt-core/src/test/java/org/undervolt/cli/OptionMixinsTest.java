package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.energy.VoltageScaling;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One vocabulary (issue 19, item 5): an option that several commands share is one mixin, so it has one help text
 * everywhere; each command's own defaults for a shared option apply; the hidden old spellings still work.
 */
class OptionMixinsTest {

    /** The command object {@code args} parse into (the innermost subcommand). */
    @SuppressWarnings("unchecked")
    private static <T> T parsed(String... args) {
        CommandLine.ParseResult r = UndervoltCli.commandLine().parseArgs(args);
        while (r.hasSubcommand()) {
            r = r.subcommand();
        }
        return (T) r.commandSpec().userObject();
    }

    private static void walk(CommandLine cl, List<CommandLine> all) {
        if (cl.getCommand() instanceof CommandLine.HelpCommand || all.contains(cl)) {
            return;
        }
        all.add(cl);
        cl.getSubcommands().values().forEach(s -> walk(s, all));
    }

    @Test
    void sharedOptionsHaveOneHelpTextWhereverTheyAppear() {
        List<CommandLine> all = new ArrayList<>();
        walk(UndervoltCli.commandLine(), all);
        Map<String, Map<String, List<String>>> texts = new HashMap<>();
        for (CommandLine cl : all) {
            for (OptionSpec o : cl.getCommandSpec().options()) {
                String name = o.longestName();
                if (List.of("--json", "--seed", "--threads", "--energy-law").contains(name)
                        || name.equals("--out") && o.required()) {
                    texts.computeIfAbsent(name.equals("--out") ? name + " " + o.paramLabel() : name, k -> new HashMap<>())
                            .computeIfAbsent(String.join(" ", o.description()), k -> new ArrayList<>())
                            .add(cl.getCommandSpec().qualifiedName());
                }
            }
        }
        assertThat(texts.keySet()).contains("--json", "--seed", "--threads", "--energy-law",
                "--out DIR", "--out FILE");
        texts.forEach((option, byText) -> assertThat(byText).as(option + ": its help texts and where").hasSize(1));
        assertThat(texts.get("--json").values().iterator().next()).hasSizeGreaterThan(25);
    }

    /** The options of one vocabulary: each declared in a mixin, never by a command itself. */
    private static final List<String> SHARED = List.of("--json", "--out", "--seed", "--threads", "--error-model",
            "--device-seed", "--part", "--network", "--model", "--repeats", "--devices");

    /** Whether {@code type}'s own members declare a visible @Option field or method named {@code name}. */
    private static boolean declares(Class<?> type, String name) {
        for (java.lang.reflect.Field f : type.getDeclaredFields()) {
            CommandLine.Option o = f.getAnnotation(CommandLine.Option.class);
            if (o != null && !o.hidden() && List.of(o.names()).contains(name)) {
                return true;
            }
        }
        for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
            CommandLine.Option o = m.getAnnotation(CommandLine.Option.class);
            if (o != null && !o.hidden() && List.of(o.names()).contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** Every mixin reachable from {@code spec}, nested ones included. */
    private static void mixins(CommandLine.Model.CommandSpec spec, java.util.Set<Class<?>> into) {
        for (CommandLine.Model.CommandSpec m : spec.mixins().values()) {
            into.add(m.userObject().getClass());
            mixins(m, into);
        }
    }

    @Test
    void theSharedOptionsAreDeclaredInMixinsOnlyOneClassPerMeaning() {
        List<CommandLine> all = new ArrayList<>();
        walk(UndervoltCli.commandLine(), all);
        // option name, label and required-ness -> the classes declaring it, and its help texts
        Map<String, java.util.Set<Class<?>>> declaredIn = new HashMap<>();
        Map<String, java.util.Set<String>> helpTexts = new HashMap<>();
        for (CommandLine cl : all) {
            Class<?> command = cl.getCommand().getClass();
            for (String name : SHARED) {
                assertThat(declares(command, name)).as(cl.getCommandSpec().qualifiedName() + " declares " + name
                        + " itself, not through its mixin").isFalse();
            }
            java.util.Set<Class<?>> here = new java.util.HashSet<>();
            mixins(cl.getCommandSpec(), here);
            for (OptionSpec o : cl.getCommandSpec().options()) {
                if (!SHARED.contains(o.longestName()) || o.hidden()) {
                    continue; // a hidden option is no meaning of its own: an old spelling, or train's --model that says to use --network
                }
                String key = o.longestName() + (o.arity().max == 0 ? "" : " " + o.paramLabel()) + (o.required() ? " required" : "");
                here.stream().filter(c -> declares(c, o.longestName()))
                        .forEach(c -> declaredIn.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(c));
                // one text, whose ${DEFAULT-VALUE} shows each command's own default (OptionDefaults)
                helpTexts.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(String.join(" ", o.description())
                        .replaceAll("\\(default: [^()]*\\)", "(default: \\${DEFAULT-VALUE})"));
            }
        }
        assertThat(declaredIn.keySet().stream().map(k -> k.split(" ")[0]).distinct()).containsExactlyInAnyOrderElementsOf(SHARED);
        declaredIn.forEach((key, classes) -> assertThat(classes).as(key + ": declared by").hasSize(1));
        helpTexts.forEach((key, texts) -> assertThat(texts).as(key + ": help texts").hasSize(1));
        // the meanings: --out is a required folder or file, or an optional run folder or file; --model a file,
        // required or not; every other name one declaration whatever the command
        assertThat(declaredIn.keySet()).containsExactlyInAnyOrder("--json", "--out DIR required", "--out FILE required",
                "--out DIR", "--out FILE", "--seed S", "--threads T", "--error-model SPEC", "--device-seed S",
                "--part NAME|FILE", "--network NAME", "--model FILE required", "--model FILE", "--repeats N",
                "--devices SEL");
    }

    @Test
    void eachCommandsDefaultsForTheSharedGridApply() {
        DemoCommand demo = parsed("demo");
        assertThat(demo.grid.berMin).isEqualTo(1e-7);
        assertThat(demo.grid.berMax).isEqualTo(1e-1);
        assertThat(demo.grid.pointsPerDecade).isEqualTo(2);
        assertThat(demo.grid.trials).isEqualTo(5);
        assertThat(demo.part.name()).isEqualTo("LPDDR3-1600_4Gb_x32");
        ToleranceCommand tolerance = parsed("tolerance", "--model", "m.uvnn", "--out", "t");
        assertThat(tolerance.search.grid.berMin).isEqualTo(1e-6);
        assertThat(tolerance.search.grid.pointsPerDecade).isEqualTo(1);
        assertThat(tolerance.search.bisections).isEqualTo(4);
        ToleranceBenchCommand bench = parsed("bench", "tolerance", "--model", "m.uvnn");
        assertThat(bench.search.grid.berMin).isEqualTo(1e-5);
        assertThat(bench.search.bisections).isEqualTo(3);
        ToleranceCommand given = parsed("tolerance", "--model", "m.uvnn", "--out", "t", "--ber-min", "1e-4", "--trials", "3");
        assertThat(given.search.grid.berMin).isEqualTo(1e-4);
        assertThat(given.search.grid.trials).isEqualTo(3);
        OperatingPointCommand op = parsed("operating-point", "--tolerable-ber", "1e-6");
        assertThat(op.part.name()).isEqualTo("DDR3L-1600");
        DramBenchCommand dramBench = parsed("dram", "bench");
        assertThat(dramBench.part.name()).isEqualTo("DDR4-2400");
        assertThat(dramBench.repeatsOption.value()).isEqualTo(3);
        assertThat(((DramSimBenchCommand) parsed("dram", "sim-bench")).repeats.value()).isEqualTo(3);
        assertThat(((NnBenchCommand) parsed("nn-bench")).repeats.value()).isEqualTo(5);
        assertThat(((ErrorsBenchCommand) parsed("errors", "bench")).repeats.value()).isEqualTo(9);
        assertThat(((ErrorsBenchCommand) parsed("bench", "errors", "--repeats", "2")).repeats.value()).isEqualTo(2);
    }

    @Test
    void hiddenOldSpellingsWinOverTheDefaultsOfTheNewOnes() {
        MapCommand map = parsed("map", "--weights-ber", "1e-4", "--scaling", "linear");
        assertThat(map.energyLaw.law()).isEqualTo(VoltageScaling.LINEAR);
        MapCommand byNewName = parsed("map", "--weights-ber", "1e-4", "--energy-law", "linear");
        assertThat(byNewName.energyLaw.law()).isEqualTo(VoltageScaling.LINEAR);
        assertThat(((MapCommand) parsed("map", "--weights-ber", "1e-4")).energyLaw.law()).isEqualTo(VoltageScaling.QUADRATIC);
        DramBenchCommand bench = parsed("dram", "bench", "--memspec", "LPDDR3-1600_4Gb_x32");
        assertThat(bench.part.name()).isEqualTo("LPDDR3-1600_4Gb_x32");
        RetrainCommand retrain = parsed("retrain", "--batch", "32", "--out", "r");
        assertThat(retrain.batchAlias).isEqualTo(32);
    }

    @Test
    void theOldNamesOfRepeatsSetItAndSaySoOnce() {
        for (String[] args : new String[][] {{"dram", "sim-bench", "--reps", "2"}, {"nn-bench", "--passes", "2"},
                {"errors", "bench", "--reps", "2"}}) {
            CommandLine cl = UndervoltCli.commandLine();
            java.io.StringWriter err = new java.io.StringWriter();
            cl.setErr(new java.io.PrintWriter(err));
            CommandLine.ParseResult r = cl.parseArgs(args);
            while (r.hasSubcommand()) {
                r = r.subcommand();
            }
            Object command = r.commandSpec().userObject();
            RepeatsOption repeats = command instanceof DramSimBenchCommand d ? d.repeats
                    : command instanceof NnBenchCommand n ? n.repeats : ((ErrorsBenchCommand) command).repeats;
            assertThat(repeats.value()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString()).isEqualTo("undervolt: " + args[args.length - 2] + " is now --repeats" + System.lineSeparator());
        }
    }
}
