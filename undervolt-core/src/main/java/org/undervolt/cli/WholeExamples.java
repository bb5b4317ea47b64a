package org.undervolt.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help text whose example command lines are never wrapped and whose prose is wrapped as paragraphs: picocli wraps
 * every description and footer line on its own at the usage width (80 columns), which broke a long example
 * mid-command (even mid-word: {@code resnet20.} / {@code uvnn}), so that it no longer ran when pasted, and left
 * source lines written 100 columns wide as a long line and a stub ("... at a stated" / "confidence: ..."). Here a
 * line that starts with {@code undervolt } is printed whole, however long; the prose around it, and every option's
 * and parameter's description, is first joined into paragraphs ({@link #paragraphs}) and then wrapped by picocli.
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
        cl.setHelpFactory(ParagraphHelp::new);
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
                    wrap(paragraphs(prose.toArray(String[]::new)), width - 1), out);
            prose.clear();
        }
    }

    /**
     * {@code lines} joined into paragraphs: a line is appended to the one before it (with a space) unless either is
     * empty, the earlier one ends with {@code ':'} (a heading or a list's lead-in), or the later one starts with a
     * space (an indented list item, a table row or an example).
     */
    static String[] paragraphs(String[] lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            int last = out.size() - 1;
            if (last >= 0 && joins(out.get(last), line)) {
                out.set(last, out.get(last).stripTrailing() + " " + line.strip());
            } else {
                out.add(line);
            }
        }
        return out.toArray(String[]::new);
    }

    private static boolean joins(String before, String line) {
        return !before.isBlank() && !line.isBlank() && !before.stripTrailing().endsWith(":")
                && !Character.isWhitespace(before.charAt(0))
                && !Character.isWhitespace(line.charAt(0)) && !isExample(before) && !isExample(line);
    }

    /**
     * {@code paragraphs} broken at spaces into lines of at most {@code width} characters (a longer word stands
     * alone), so that picocli, which would also break after a dot inside a word ({@code e.} / {@code g.},
     * {@code docs/SPARK.} / {@code md}), has nothing left to wrap. An indented line keeps its indent.
     */
    static String[] wrap(String[] paragraphs, int width) {
        List<String> out = new ArrayList<>();
        for (String paragraph : paragraphs) {
            String indent = paragraph.substring(0, paragraph.length() - paragraph.stripLeading().length());
            StringBuilder line = new StringBuilder(indent);
            for (String word : paragraph.strip().split(" +")) {
                if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                    out.add(line.toString());
                    line.setLength(0);
                    line.append(indent);
                }
                if (line.length() > indent.length()) {
                    line.append(' ');
                }
                line.append(word);
            }
            out.add(line.toString());
        }
        return out.toArray(String[]::new);
    }

    /**
     * {@code lines} with every {@code %} doubled: a description is already interpolated when it is read, and a
     * detached copy of its option formats it once more.
     */
    private static String[] formatSafe(String[] lines) {
        String[] out = new String[lines.length];
        for (int i = 0; i < lines.length; i++) {
            out[i] = lines[i].replace("%", "%%");
        }
        return out;
    }

    /** picocli's help with each option's and positional parameter's description joined into paragraphs first. */
    static final class ParagraphHelp extends Help {
        private int descriptionWidth = -1;

        ParagraphHelp(CommandSpec spec, ColorScheme scheme) {
            super(spec, scheme);
        }

        @Override
        public IOptionRenderer createDefaultOptionRenderer() {
            IOptionRenderer lines = super.createDefaultOptionRenderer();
            return (option, labels, scheme) -> lines.render(option.toBuilder().names(option.names())
                    .description(reflowed(option.description())).build(),
                    labels, scheme);
        }

        @Override
        public IParameterRenderer createDefaultParameterRenderer() {
            IParameterRenderer lines = super.createDefaultParameterRenderer();
            return (param, labels, scheme) -> lines.render(param.toBuilder()
                    .description(reflowed(param.description())).build(),
                    labels, scheme);
        }

        /** An option's or parameter's description as paragraphs, pre-wrapped to the description column. */
        private String[] reflowed(String[] description) {
            if (descriptionWidth < 0) {
                // picocli's layout: 2 + 2 + 1 + names + text; picocli's own help measures the names (this one's
                // would call back into the renderers); measured once, the width being fixed for this help
                CommandSpec spec = commandSpec();
                int names = new Help(spec, colorScheme())
                        .calcLongOptionColumnWidth(spec.options(), spec.positionalParameters(), colorScheme());
                descriptionWidth = spec.usageMessage().width() - 5 - names - 1;
            }
            return formatSafe(wrap(paragraphs(description), descriptionWidth));
        }
    }
}
