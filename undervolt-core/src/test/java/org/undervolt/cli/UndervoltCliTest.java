package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** A run builds only the subcommand it names (start-up, issue 21); usage, help and unknown names see them all. */
class UndervoltCliTest {

    @Test
    void onlyTheNamedSubcommandIsRegistered() {
        assertThat(UndervoltCli.needed("dram", "energy", "--trace", "t.trc")).containsExactly("dram");
        assertThat(UndervoltCli.needed("train", "--network", "mlp")).containsExactly("train");
        assertThat(UndervoltCli.needed("--version")).isEmpty();
        assertThat(UndervoltCli.needed("-V")).isEmpty();
        int all = UndervoltCli.commandLine().getSubcommands().size();
        assertThat(UndervoltCli.needed()).hasSize(all - 1); // every subcommand but help, which is always there
        assertThat(UndervoltCli.needed("--help")).hasSize(all - 1);
        assertThat(UndervoltCli.needed("help", "dram")).hasSize(all - 1);
        assertThat(UndervoltCli.needed("dramm", "energy")).hasSize(all - 1);
        assertThat(UndervoltCli.needed("-V", "dram")).containsExactly("dram");
    }

    @Test
    void aCommandLineForOneSubcommandRunsIt() {
        CommandLine cl = UndervoltCli.commandLine("dram", "presets");
        assertThat(cl.getSubcommands().keySet()).containsExactly("help", "dram");
        assertThat(cl.getSubcommands().get("dram").getSubcommands().keySet()).as("dram builds only presets")
                .containsExactly("presets");
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("dram", "presets")).isZero();
        assertThat(out.toString()).contains("DDR4-2400_4Gb_x8");
    }

    @Test
    void usageStillListsEverySubcommandInOrder() {
        String usage = UndervoltCli.commandLine().getUsageMessage();
        assertThat(usage).containsSubsequence("help", "demo", "eden", "sparkxd", "train", "dram", "errors", "runs",
                "bench", "nn-bench");
        assertThat(UndervoltCli.commandLine(new String[0]).getUsageMessage()).isEqualTo(usage);
        String dram = UndervoltCli.commandLine().getSubcommands().get("dram").getUsageMessage();
        assertThat(dram).containsSubsequence("energy", "simulate", "info", "presets", "bench", "sim-bench");
        for (String[] args : new String[][] {{"dram"}, {"dram", "--help"}, {"help", "dram"}, {"dram", "energi"}}) {
            assertThat(UndervoltCli.commandLine(args).getSubcommands().get("dram").getUsageMessage()).as(String.join(" ", args))
                    .isEqualTo(dram);
        }
    }
}
