package org.undervolt.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * {@code --out DIR} where the folder is optional ({@code demo}, {@code eden}, {@code sparkxd}): the run folder, which
 * the command names itself when it is not given. The required {@code --out DIR} of the resumable commands is
 * {@link OutFolderOption}.
 */
final class RunFolderOption {
    @Option(names = "--out", paramLabel = "DIR", description = "Run folder, also the resume point (default: a folder under "
            + "runs/ named by the settings, runs/<pipeline>-<hash> for eden and sparkxd, or by the time for demo).")
    Path out;

    /** The folder given, else {@code fallback}. */
    Path orElse(Path fallback) {
        return out != null ? out : fallback;
    }
}
