package org.undervolt.experiment;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Reusable objects of one JVM (evaluators, models), pooled per key: a thread borrows one, works with it and
 * gives it back, so an object is built at most once per concurrently working thread. Only the pools of the
 * most recent {@code keep} keys are kept, so a long-lived JVM (a Spark executor) does not accumulate them.
 *
 * @param <T> what is pooled
 */
public final class RecentPools<T> {
    private final int keep;
    private final Map<String, Queue<T>> pools = new ConcurrentHashMap<>();
    private final Queue<String> order = new ConcurrentLinkedQueue<>();

    /** @param keep how many keys' pools are kept */
    public RecentPools(int keep) {
        this.keep = keep;
    }

    /** An object of {@code key}, reused if one is free, else made by {@code make}. */
    public T borrow(String key, Supplier<T> make) {
        Queue<T> pool = pools.computeIfAbsent(key, k -> {
            order.add(k);
            return new ConcurrentLinkedQueue<>();
        });
        while (order.size() > keep) {
            String old = order.poll();
            if (old != null) {
                pools.remove(old);
            }
        }
        T t = pool.poll();
        return t != null ? t : make.get();
    }

    /** Returns an object borrowed with {@code key} (dropped if that key's pool has gone). */
    public void giveBack(String key, T item) {
        Queue<T> pool = pools.get(key);
        if (pool != null) {
            pool.add(item);
        }
    }

    /** Drops every pooled object. */
    public void clear() {
        pools.clear();
        order.clear();
    }
}
