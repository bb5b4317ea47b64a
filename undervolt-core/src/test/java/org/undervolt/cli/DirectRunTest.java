package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@link DirectRun}: the plain command lines of {@code dram energy} and {@code dram simulate} fill every option field as
 * picocli does, run to the same output and exit code, and every other command line is left to picocli.
 */
class DirectRunTest {
    private static final String ENERGY_SPEC = "memspecs/MICRON_4Gb_LPDDR3-1600_32bit_A.xml";
    private static final String ENERGY_TRACE = "drampower41/traces/dp4_MICRON_4Gb_LPDDR3-1600_32bit_A__a_single.trc";

    private static String requests() throws Exception {
        return Path.of(DirectRunTest.class.getResource("/golden/ramulator/traces/stride8k_10k.trace").toURI()).toString();
    }

    /** The command object picocli fills for {@code args}. */
    private static Object picocli(String... args) {
        CommandLine.ParseResult r = UndervoltCli.commandLine(args).parseArgs(args);
        while (r.hasSubcommand()) {
            r = r.subcommand();
        }
        return r.commandSpec().userObject();
    }

    /** Every option field of {@code command}, in its mixins too (--json included), as "name=value" lines. */
    private static List<String> options(Object command) throws Exception {
        List<String> out = new ArrayList<>();
        options(command, "", out);
        assertThat(out).hasSizeGreaterThan(5);
        return out;
    }

    private static void options(Object holder, String prefix, List<String> out) throws Exception {
        for (Class<?> k = holder.getClass(); k != Object.class; k = k.getSuperclass()) { // --json is DirectCommand's
            for (Field f : k.getDeclaredFields()) {
                f.setAccessible(true);
                if (f.isAnnotationPresent(CommandLine.Option.class)) {
                    out.add(prefix + f.getName() + "=" + f.get(holder));
                } else if (f.isAnnotationPresent(CommandLine.Mixin.class)) {
                    options(f.get(holder), prefix + f.getName() + ".", out);
                }
            }
        }
    }

    private static void sameOptions(String... args) throws Exception {
        DirectCommand direct = DirectRun.parse(args);
        assertThat(direct).as(String.join(" ", args)).isNotNull();
        assertThat(options(direct)).as(String.join(" ", args)).isEqualTo(options(picocli(args)));
    }

    @Test
    void plainCommandLinesFillTheOptionsAsPicocliDoes() throws Exception {
        String spec = DramEnergyCommandTest.golden(ENERGY_SPEC);
        String trace = DramEnergyCommandTest.golden(ENERGY_TRACE);
        sameOptions("dram", "energy", "--part", spec, "--trace", trace);
        sameOptions("dram", "energy", "--memspec", spec, "--trace=" + trace, "--json");
        sameOptions("dram", "energy", "--part=DDR4-2400_4Gb_x8", "--trace", trace, "--vdd", "1.1", "--scaling", "linear",
                "--rails", "all", "--counting", "drampower5", "--no-timing-check");
        sameOptions("dram", "energy", "--trace", trace, "--energy-law=linear", "--part", spec, "--vdd=0.95");
        String r = requests();
        sameOptions("dram", "simulate", "--standard", "DDR4", "--requests", r);
        sameOptions("dram", "simulate", "--standard=DDR3", "--org", "DDR3_4Gb_x8", "--timing", "DDR3_1600K", "--requests", r,
                "--channels", "2", "--ranks=2", "--mapping", "ChRaBaRoCo", "--page-policy", "closed", "--closed-cap", "4",
                "--scheduler", "fcfs", "--refresh", "none", "--drain", "--commands-out", "c.csv", "--json");
        sameOptions("dram", "simulate", "--part", "DDR4-2400", "--requests", r, "--row-policy=closed-auto");
    }

    @Test
    void everyOtherCommandLineIsLeftToPicocli() throws Exception {
        String trace = DramEnergyCommandTest.golden(ENERGY_TRACE);
        String r = requests();
        String[][] cases = {
            {"dram", "energy", "--help"},
            {"dram", "energy", "-h"},
            {"dram", "energy", "--trace", trace},                                   // --part missing
            {"dram", "energy", "--part", "DDR4-2400_4Gb_x8"},                        // --trace missing
            {"dram", "energy", "--part", "DDR4-2400_4Gb_x8", "--trace", trace, "--vdd", "one"},
            {"dram", "energy", "--part", "DDR4-2400_4Gb_x8", "--trace", trace, "--vdd", "-1"},
            {"dram", "energy", "--part", "DDR4-2400_4Gb_x8", "--trace", trace, "--trace", trace},
            {"dram", "energy", "--part", "DDR4-2400_4Gb_x8", "--trace", trace, "--scaling", "linear", "--energy-law", "linear"},
            {"dram", "energy", "--part", "DDR4-2400_4Gb_x8", "--trace", trace, "--jsn"},
            {"dram", "energy", "--part", "DDR4-2400_4Gb_x8", "--trace", trace, "--json=true"},
            {"dram", "energy", "--part", "DDR4-2400_4Gb_x8", "--trace", trace, "extra"},
            {"dram", "energy", "--part", "DDR4-2400_4Gb_x8", "--trace", trace, "--"},
            {"dram", "energy", "--part", "DDR4-2400_4Gb_x8", "--trace"},
            {"dram", "energy", "--part", "DDR4-2400_4Gb_x8", "--trace", "@args.txt"},
            {"dram", "simulate", "--standard", "DDR4"},
            {"dram", "simulate", "--standard", "DDR4", "--requests", r, "--channels", "two"},
            {"dram", "simulate", "--standard", "DDR4", "--requests", r, "--row-policy", "open", "--page-policy", "open"},
            {"dram", "info", "--part", "DDR4-2400_4Gb_x8"},
            {"dram"},
            {"energy", "--trace", trace},
            {},
        };
        for (String[] args : cases) {
            assertThat(DirectRun.parse(args)).as(String.join(" ", args)).isNull();
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run direct(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = DirectRun.run(DirectRun.parse(args), new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    private static void sameRun(String... args) {
        Run d = direct(args);
        CliRun p = CliRun.of(args);
        assertThat(d.exit()).as(d.err()).isEqualTo(p.exit());
        assertThat(d.out()).isEqualTo(p.out());
        assertThat(d.err()).isEqualTo(p.err());
    }

    @Test
    void runsPrintWhatThePicocliRunPrints(@TempDir Path dir) throws Exception {
        String spec = DramEnergyCommandTest.golden(ENERGY_SPEC);
        String trace = DramEnergyCommandTest.golden(ENERGY_TRACE);
        sameRun("dram", "energy", "--part", spec, "--trace", trace, "--json");
        sameRun("dram", "energy", "--part", spec, "--trace", trace, "--vdd", "1.1");
        sameRun("dram", "simulate", "--standard", "DDR4", "--requests", requests(), "--json");
        sameRun("dram", "simulate", "--standard", "DDR4", "--requests", requests());
        // bad input: one line, exit code 2, as picocli's run reports it
        Path bad = Files.writeString(dir.resolve("bad.trc"), "0,ACT,0\n5,BOGUS,0\n");
        sameRun("dram", "energy", "--part", spec, "--trace", bad.toString());
        assertThat(direct("dram", "energy", "--part", spec, "--trace", bad.toString()).exit()).isEqualTo(2);
        sameRun("dram", "simulate", "--standard", "DDR9", "--requests", requests());
        sameRun("dram", "simulate", "--standard", "DDR4", "--requests", dir.resolve("none").toString());
    }
}
