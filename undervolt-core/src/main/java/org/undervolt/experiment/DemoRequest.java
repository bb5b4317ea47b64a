package org.undervolt.experiment;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.undervolt.InvalidInputException;

/**
 * One demo run as {@link DemoUseCase} takes it: what to run, where to record it and where its files go. Checked when
 * made: a run cannot be both named for resuming and forced new.
 *
 * @param config    everything that determines the result
 * @param storeFile the results store to record the run in, or {@code null} to record nothing
 * @param resume    the run to resume, or empty to choose automatically ({@link RecordedDemo})
 * @param newRun    start a new run whether or not a finished or unfinished run has this configuration
 * @param folder    where result.json, report.html and accuracy_vs_ber.png are written (recorded with the run)
 * @param log       progress lines
 */
public record DemoRequest(DemoConfig config, Path storeFile, OptionalLong resume, boolean newRun, Path folder,
        Consumer<String> log) {

    public DemoRequest {
        if (resume.isPresent() && newRun) {
            throw new InvalidInputException("--resume and --new-run contradict each other: give one");
        }
        if (resume.isPresent() && storeFile == null) {
            throw new InvalidInputException("--resume " + resume.getAsLong() + " needs a results store to resume from");
        }
    }
}
