package org.undervolt.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help text whose example command lines are never wrapped: picocli wraps every description and footer line at the
 * usage width (80 columns), which broke a long example mid-command (even mid-word: {@code resnet20.} / {@code uvnn}),
 * so that it no longer ran when pasted. Here a line that starts with {@code undervolt } is printed whole, however
 * long; prose lines around it are wrapped as picocli wraps them.
 */
final class WholeExamples {
    private WholeExamples() {
    }

    /** Installs the description and footer renderers on {@code cl} and every command below it. */
    static void install(CommandLine cl) {
        cl.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_DESCRIPTION,
                help -> render(help, help.commandSpec().usageMessage().description()));
        cl.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_FOOTER,
                help -> render(help, help.commandSpec().usageMessage().footer()));
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub != cl) {
                install(sub);
            }
        }
    }

    /** Whether a help line is an example command line. */
    static boolean isExample(String line) {
        return line.strip().startsWith("undervolt ");
    }

    /** {@code lines} as picocli prints them, each example on one line. */
    static String render(Help help, String[] lines) {
        UsageMessageSpec usage = help.commandSpec().usageMessage();
        StringBuilder out = new StringBuilder();
        List<String> prose = new ArrayList<>();
        for (String line : lines) {
            if (!isExample(line)) {
                prose.add(line);
                continue;
            }
            flush(help, usage.width(), prose, out);
            // one row as wide as the line: picocli's formatting and markup, no wrap
            Help.join(help.ansi(), Math.max(usage.width(), line.length() + 1), usage.adjustLineBreaksForWideCJKCharacters(),
                    new String[] {line}, out);
        }
        flush(help, usage.width(), prose, out);
        return out.toString();
    }

    private static void flush(Help help, int width, List<String> prose, StringBuilder out) {
        if (!prose.isEmpty()) {
            Help.join(help.ansi(), width, help.commandSpec().usageMessage().adjustLineBreaksForWideCJKCharacters(),
                    prose.toArray(String[]::new), out);
            prose.clear();
        }
    }
}
