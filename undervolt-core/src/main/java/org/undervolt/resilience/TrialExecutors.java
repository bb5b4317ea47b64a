package org.undervolt.resilience;

import java.util.Iterator;
import java.util.ServiceLoader;

import org.undervolt.InvalidInputException;

/** Opens the executor a command's {@code --spark MASTER} asks for: none, local; else the provider on the class path. */
public final class TrialExecutors {
    /** The command that builds the Spark runner (docs/SPARK.md). */
    public static final String BUILD = "./mvnw -B -pl undervolt-spark -am package -DskipTests";

    private TrialExecutors() {
    }

    /** {@link TrialExecutor#LOCAL} for a null master; else the executor of the first provider found. */
    public static TrialExecutor open(String master) {
        if (master == null) {
            return TrialExecutor.LOCAL;
        }
        if (master.isBlank()) {
            throw new InvalidInputException("--spark: expected a Spark master URL (local[N], spark://HOST:PORT, yarn, ...)");
        }
        Iterator<TrialExecutorProvider> found = ServiceLoader.load(TrialExecutorProvider.class).iterator();
        if (!found.hasNext()) {
            throw new InvalidInputException("--spark " + master + ": the Spark runner (module undervolt-spark) is not on "
                    + "the class path; build it with '" + BUILD + "', then run ./undervolt with --spark again (the "
                    + "launcher adds it)");
        }
        return found.next().open(master);
    }
}
