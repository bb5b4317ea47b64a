package org.undervolt.dram.sim;

import java.util.Arrays;

/**
 * When a channel controller closes rows, picked by name through {@link PagePolicy} (open, closed, closed-auto):
 * told of every command as it issues, it says whether the bank should be closed now by a high-priority precharge,
 * and whether column commands carry an auto-precharge. The controller composes it with a {@link Scheduler} and a
 * {@link RefreshPolicy}.
 */
interface RowPolicy {

    /**
     * Command {@code cmd} (ordinal of {@link SimCommand}) is issuing to {@code bankFlat} of {@code rank} (bank -1
     * for rank-wide commands); true when the controller should queue a precharge of that bank now.
     */
    boolean closeAfter(int cmd, int rank, int bankFlat);

    /** Whether a column command is issued as RDA/WRA when no activated request waits on its bank. */
    boolean autoPrecharge();

    /** The row policy of {@code policy}; {@code cap}: column accesses before the closed policy precharges. */
    static RowPolicy of(PagePolicy policy, int cap, int ranks, int banksPerRank) {
        return switch (policy) {
            case OPEN -> Open.INSTANCE;
            case CLOSED -> new Closed(cap, ranks, banksPerRank);
            case CLOSED_AUTO -> AutoPrecharge.INSTANCE;
        };
    }

    /** Rows stay open until a request to another row or a refresh closes them. */
    enum Open implements RowPolicy {
        INSTANCE;

        @Override
        public boolean closeAfter(int cmd, int rank, int bankFlat) {
            return false;
        }

        @Override
        public boolean autoPrecharge() {
            return false;
        }
    }

    /** Column commands carry an auto-precharge (RDA/WRA, JESD79-3/-4): no command and no queue slot to close. */
    enum AutoPrecharge implements RowPolicy {
        INSTANCE;

        @Override
        public boolean closeAfter(int cmd, int rank, int bankFlat) {
            return false;
        }

        @Override
        public boolean autoPrecharge() {
            return true;
        }
    }

    /**
     * Ramulator 2.0a's ClosedRowPolicy: column accesses counted per bank since its last close, a precharge queued
     * once they reach {@code cap}.
     */
    final class Closed implements RowPolicy {
        private final int cap;
        private final int banksPerRank;
        private final int[] colAccesses;

        Closed(int cap, int ranks, int banksPerRank) {
            this.cap = cap;
            this.banksPerRank = banksPerRank;
            this.colAccesses = new int[ranks * banksPerRank];
        }

        @Override
        public boolean closeAfter(int cmd, int rank, int bankFlat) {
            SimCommand c = SimCommand.ALL[cmd];
            if (c.closing || c.refreshing) {
                if (c.rankScope) {
                    Arrays.fill(colAccesses, rank * banksPerRank, (rank + 1) * banksPerRank, 0);
                } else {
                    colAccesses[bankFlat] = 0;
                }
            } else if (c.accessing && ++colAccesses[bankFlat] >= cap) {
                colAccesses[bankFlat] = 0;
                return true;
            }
            return false;
        }

        @Override
        public boolean autoPrecharge() {
            return false;
        }
    }
}
