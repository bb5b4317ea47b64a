package org.undervolt.usecase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.undervolt.dram.sim.SimConfig;

/**
 * A cycle-level timing simulation of a request trace (what {@code undervolt dram simulate} asks for).
 *
 * @param config      the simulated part, address mapping, controller and row policy
 * @param requests    the request trace (Ramulator LoadStoreTrace: {@code LD 0x...} / {@code ST 0x...})
 * @param commandsOut where to write the issued commands as a DRAMPower 5 CSV trace, or null; a DRAMPower trace
 *                    describes one channel, so only with one channel, and its folder must exist
 */
public record SimulateRequest(SimConfig config, Path requests, Path commandsOut) {
    public SimulateRequest {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(requests, "requests");
        if (commandsOut != null && config.spec().organization().channels() != 1) {
            throw BadSetting.worded("commands_out", ": a DRAMPower trace describes one channel, expected ", "channels", " 1");
        }
        if (commandsOut != null && commandsOut.toAbsolutePath().getParent() != null
                && !Files.isDirectory(commandsOut.toAbsolutePath().getParent())) {
            throw BadSetting.worded("commands_out", " " + commandsOut + ": no such directory");
        }
        if (commandsOut != null && (Files.isDirectory(commandsOut)
                || Files.exists(commandsOut) && !Files.isRegularFile(commandsOut))) {
            throw BadSetting.worded("commands_out", " " + commandsOut + ": is a directory or not a regular file, "
                    + "expected a file name");
        }
    }
}
