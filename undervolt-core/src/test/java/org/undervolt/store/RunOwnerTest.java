package org.undervolt.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** When a run marked running is seen as interrupted: its process gone here, or silent too long on another host. */
class RunOwnerTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private static RunRecord running(RunOwner owner, Instant updatedAt) {
        return new RunRecord(1, "eden", "{}", 1, "{}", RunStatus.RUNNING, updatedAt, updatedAt, Optional.empty(),
                Optional.of(owner), Optional.empty());
    }

    @Test
    void aProcessOnThisHostIsGoneWhenNoLiveProcessHasItsPidAndStart() {
        RunOwner self = RunOwner.current();
        assertThat(self.gone(NOW, NOW)).isFalse();
        RunOwner reused = new RunOwner(self.pid(), self.host(), Optional.of(Instant.parse("2000-01-01T00:00:00Z")));
        assertThat(reused.gone(NOW, NOW)).as("the pid now belongs to a process started at another time").isTrue();
        assertThat(running(self, Instant.now().minus(Duration.ofDays(30))).observedStatus())
                .as("a live process on this host owns it, however long ago it last changed").isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void aRunOnAnotherHostIsInterruptedOnceSilentLongerThanTheLease() {
        RunOwner elsewhere = RunOwner.parse("4242@another-container-7f3a@2026-12-07T08:00:00Z").orElseThrow();
        Instant lease = NOW.minus(RunOwner.FOREIGN_LEASE);
        assertThat(elsewhere.gone(lease.plusSeconds(1), NOW)).isFalse();
        assertThat(elsewhere.gone(lease.minusSeconds(1), NOW)).isTrue();
        assertThat(running(elsewhere, Instant.now().minus(Duration.ofMinutes(5))).observedStatus()).isEqualTo(RunStatus.RUNNING);
        assertThat(running(elsewhere, Instant.now().minus(RunOwner.FOREIGN_LEASE).minus(Duration.ofMinutes(1)))
                .observedStatus()).as("was 'running' forever").isEqualTo(RunStatus.INTERRUPTED);
    }
}
