package org.undervolt.dram.error;

import java.util.List;

/**
 * Registers error models that need more than this package knows: an entry whose model reads a DRAM part and a
 * measured device through the mapping layer (the voltage-following {@code weak-subarray} model) lives next to that
 * layer and is found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.undervolt.dram.error.ErrorModelProvider}). The {@link ErrorModelRegistry} lists its
 * entries after its own, and every command, sweep and pipeline reads them by name like any other.
 */
public interface ErrorModelProvider {

    /** The entries this provider registers; names must differ from every other registered name. */
    List<ErrorModelEntry> entries();
}
