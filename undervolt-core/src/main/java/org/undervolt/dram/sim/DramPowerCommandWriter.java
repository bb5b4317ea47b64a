package org.undervolt.dram.sim;

import org.undervolt.io.AtomicFiles;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the issued commands as a DRAMPower 5 command trace ({@code timestamp,CMD,rank,bankgroup,bank,row,column},
 * bank = rank-global bank index, REF written as REFA, ending with an {@code END} line), so a simulation chains
 * into {@code undervolt dram energy}. The file appears only when {@link #finish} succeeds: lines go to a
 * temporary file beside it that is moved into place atomically; {@link #close} without finish deletes it.
 * RD/WR lines carry no data field (DRAMPower needs data only for interface energy).
 */
public final class DramPowerCommandWriter implements CommandListener, Closeable {
    private final Path target;
    private final Path temp;
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(64);
    private long last = -1;
    private boolean finished;

    public DramPowerCommandWriter(Path target) throws IOException {
        this.target = target.toAbsolutePath();
        Path dir = this.target.getParent();
        this.temp = AtomicFiles.createTempFile(dir, "." + this.target.getFileName(), ".tmp");
        this.out = Files.newBufferedWriter(temp, StandardCharsets.US_ASCII);
    }

    @Override
    public void command(long clk, int channel, SimCommand cmd, int rank, int bankGroup, int bank, int row, int column) {
        if (channel != 0) {
            throw new IllegalStateException("DRAMPower command traces describe one channel");
        }
        line.setLength(0);
        line.append(clk).append(',').append(cmd.drampower().name()).append(',').append(rank).append(',')
                .append(bankGroup).append(',').append(bank).append(',').append(row).append(',').append(column).append('\n');
        write(line);
        last = clk;
    }

    /** Ends the trace at cycle {@code endClk} (at least the last command's) and moves the file into place. */
    public void finish(long endClk) throws IOException {
        line.setLength(0);
        line.append(Math.max(endClk, last)).append(",END,0,0,0,0,0\n");
        write(line);
        out.close();
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        finished = true;
    }

    private void write(CharSequence s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            out.close();
            Files.deleteIfExists(temp);
        }
    }
}
