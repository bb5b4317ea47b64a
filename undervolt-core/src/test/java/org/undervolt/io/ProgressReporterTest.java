package org.undervolt.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProgressReporterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void oneLineAnIntervalOnceWorkIsTimedAndTheLast() {
        long[] now = {0};
        List<String> lines = new ArrayList<>();
        ProgressReporter r = new ProgressReporter("trials", lines::add, 10, () -> now[0]);
        r.update(0, 0, 100); // nothing timed yet: silent
        now[0] = 2 * SECOND;
        r.update(1, 0, 100);
        for (int d = 2; d <= 20; d++) {
            now[0] = 2L * d * SECOND;
            r.update(d, 0, 100);
        }
        // 2 s a trial: the first line after one interval (10 s, d=5), then at 20 s, 30 s, 40 s
        assertThat(lines).containsExactly(
                "trials [#-------------------]   5/100  ETA 3 min 10 s",
                "trials [##------------------]  10/100  ETA 3 min 00 s",
                "trials [###-----------------]  15/100  ETA 2 min 50 s",
                "trials [####----------------]  20/100  ETA 2 min 40 s");
        now[0] = 41 * SECOND;
        r.update(20, 0, 20); // the job learns it stops early: done
        r.update(20, 0, 20);
        assertThat(lines).hasSize(5).last().isEqualTo("trials [####################] 20/20  done in 41 s");
    }

    @Test
    void skippedUnitsDoNotSpeedUpTheEstimate() {
        long[] now = {0};
        List<String> lines = new ArrayList<>();
        ProgressReporter r = new ProgressReporter("images", lines::add, 0, () -> now[0]);
        r.update(500, 500, 1000); // resumed at 500: nothing timed, no line
        assertThat(lines).isEmpty();
        now[0] = 10 * SECOND;
        r.update(600, 500, 1000); // 100 images in 10 s, 400 left
        assertThat(lines).containsExactly("images [############--------]  600/1000  ETA 40 s");
    }

    @Test
    void lineHonoursSkippedAndANewTotal() {
        ProgressLine p = new ProgressLine("search", 70, 0);
        assertThat(p.line(40, 30, 50, 20 * SECOND)).isEqualTo("search [################----] 40/50  ETA 20 s");
        assertThat(p.line(30, 30, 50, 20 * SECOND)).isEqualTo("search [############--------] 30/50  ETA ?");
    }
}
