package org.undervolt.spark;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/** Counts the tasks that end on the driver's listener bus and sums their executor run time (Spark's task metrics). */
final class TaskTime extends SparkListener {
    private final AtomicLong tasks = new AtomicLong();
    private final AtomicLong runMillis = new AtomicLong();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        tasks.incrementAndGet();
        if (end.taskMetrics() != null) {
            runMillis.addAndGet(end.taskMetrics().executorRunTime());
        }
    }

    long tasks() {
        return tasks.get();
    }

    double seconds() {
        return runMillis.get() / 1e3;
    }
}
