package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;

class CurriculumScheduleTest {

    @Test
    void raisesTheBerOnlyAfterRecoveryAndStopsAtTheMaximum() {
        CurriculumSchedule s = new CurriculumSchedule(new CurriculumSchedule.Params(1e-4, 10, 1e-2, 3));
        assertThat(s.ber()).isEqualTo(1e-4);
        assertThat(s.observe(0.90, 0.95)).isFalse();      // not recovered: BER stays
        assertThat(s.ber()).isEqualTo(1e-4);
        assertThat(s.boostedBer()).isZero();
        assertThat(s.observe(0.95, 0.95)).isTrue();       // recovered (>= target): raise
        assertThat(s.ber()).isEqualTo(1e-4 * 10);
        assertThat(s.boostedBer()).isEqualTo(1e-4);
        assertThat(s.observe(0.97, 0.95)).isTrue();
        assertThat(s.ber()).isEqualTo(1e-2);              // min(1e-3 * 10, max)
        assertThat(s.done()).isFalse();
        assertThat(s.observe(0.96, 0.95)).isTrue();       // recovered at the maximum: done
        assertThat(s.done()).isTrue();
        assertThat(s.boostedBer()).isEqualTo(1e-2);
        assertThat(s.state().stopReason()).contains("maximum");
        assertThatThrownBy(() -> s.observe(1, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stepIsCappedAtTheMaximum() {
        CurriculumSchedule s = new CurriculumSchedule(new CurriculumSchedule.Params(1e-3, 4, 2e-3, 1));
        s.observe(1, 0);
        assertThat(s.ber()).isEqualTo(2e-3);
    }

    @Test
    void stopsAfterPatienceEpochsWithoutRecoveryAndKeepsTheLastRecoveredBer() {
        CurriculumSchedule s = new CurriculumSchedule(new CurriculumSchedule.Params(1e-5, 2, 1e-1, 2));
        s.observe(0.99, 0.9);                       // 1e-5 recovered
        s.observe(0.80, 0.9);                       // 2e-5: 1st failure
        assertThat(s.done()).isFalse();
        s.observe(0.85, 0.9);                       // 2nd failure: patience 2 exhausted
        assertThat(s.done()).isTrue();
        assertThat(s.boostedBer()).isEqualTo(1e-5);
        assertThat(s.ber()).isEqualTo(2e-5);
        assertThat(s.state().epochsAtBer()).isEqualTo(2);
        assertThat(s.state().stopReason()).contains("no recovery in 2 epoch(s)");
    }

    @Test
    void aFailedStepIsHalvedInLogSpaceUntilTheRefinementsAreSpent() {
        CurriculumSchedule s = new CurriculumSchedule(new CurriculumSchedule.Params(1e-4, 16, 1e-1, 1, 2));
        s.observe(0.99, 0.9);                       // 1e-4 recovered -> 1.6e-3
        assertThat(s.ber()).isEqualTo(1e-4 * 16);
        s.observe(0.50, 0.9);                       // fails: step 16 -> 4, from the boosted BER
        assertThat(s.done()).isFalse();
        assertThat(s.ber()).isCloseTo(4e-4, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(s.state().refined()).isEqualTo(1);
        s.observe(0.95, 0.9);                       // 4e-4 recovered: the next step keeps the smaller factor
        assertThat(s.boostedBer()).isCloseTo(4e-4, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(s.ber()).isCloseTo(1.6e-3, org.assertj.core.data.Offset.offset(1e-15));
        s.observe(0.50, 0.9);                       // fails: step 4 -> 2
        assertThat(s.ber()).isCloseTo(8e-4, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(s.factor()).isCloseTo(2, org.assertj.core.data.Offset.offset(1e-12));
        s.observe(0.50, 0.9);                       // fails again, no refinement left: done
        assertThat(s.done()).isTrue();
        assertThat(s.boostedBer()).isCloseTo(4e-4, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(s.state().stopReason()).contains("no recovery in 1 epoch(s)").contains("step halved 2 time(s)");
    }

    @Test
    void withoutARecoveredBerAFailureEndsTheCurriculumDespiteRefinements() {
        CurriculumSchedule s = new CurriculumSchedule(new CurriculumSchedule.Params(1e-3, 2, 1e-1, 1, 3));
        s.observe(0.5, 0.9);
        assertThat(s.done()).isTrue();
        assertThat(s.boostedBer()).isZero();
        assertThatThrownBy(() -> new CurriculumSchedule.Params(1e-3, 2, 1e-1, 1, -1)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void patienceCountsFromTheLastRaise() {
        CurriculumSchedule s = new CurriculumSchedule(new CurriculumSchedule.Params(1e-5, 10, 1e-1, 2));
        s.observe(0.5, 0.9);                        // fail at 1e-5 (1 of 2)
        s.observe(0.95, 0.9);                       // recover at 1e-5 -> 1e-4, counter reset
        s.observe(0.5, 0.9);                        // fail at 1e-4 (1 of 2)
        assertThat(s.done()).isFalse();
        assertThat(s.ber()).isEqualTo(1e-4);
    }

    @Test
    void fixedScheduleNeverMovesNorEnds() {
        CurriculumSchedule s = new CurriculumSchedule(CurriculumSchedule.Params.fixed(1e-2));
        for (int i = 0; i < 50; i++) {
            s.observe(i % 2 == 0 ? 0 : 1, 0.5);
        }
        assertThat(s.ber()).isEqualTo(1e-2);
        assertThat(s.done()).isFalse();
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> new CurriculumSchedule.Params(0, 10, 1e-2, 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new CurriculumSchedule.Params(1e-3, 0.5, 1e-2, 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new CurriculumSchedule.Params(1e-3, 10, 1e-4, 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new CurriculumSchedule.Params(1e-3, 10, 1e-2, 0)).isInstanceOf(InvalidInputException.class);
    }
}
