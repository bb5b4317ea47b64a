package org.undervolt.snn;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** CPU time of the current thread (0 where the JVM cannot measure it), for per-image cost on shared machines. */
final class CpuTime {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private CpuTime() {
    }

    static long thread() {
        return MX.isCurrentThreadCpuTimeSupported() ? MX.getCurrentThreadCpuTime() : 0;
    }
}
