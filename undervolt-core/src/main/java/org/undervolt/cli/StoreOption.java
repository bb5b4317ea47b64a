package org.undervolt.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.undervolt.InvalidInputException;
import org.undervolt.store.ResultsStore;

import picocli.CommandLine.Option;

/** {@code --store FILE} for commands that read an existing results store. */
public final class StoreOption {

    @Option(names = "--store", paramLabel = "FILE",
            description = "Results store (default: runs/undervolt.db).")
    Path store;

    Path file() {
        return store != null ? store : ResultsStore.defaultFile();
    }

    /** Opens the store; it must exist (reading never creates one). */
    ResultsStore open() {
        Path f = file();
        if (!Files.isRegularFile(f)) {
            throw new InvalidInputException("no results store at " + f
                    + ": run 'undervolt demo' first, or give --store FILE");
        }
        return ResultsStore.open(f);
    }
}
