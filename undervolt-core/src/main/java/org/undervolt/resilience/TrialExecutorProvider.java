package org.undervolt.resilience;

/**
 * A kind of {@link TrialExecutor} another module supplies, found at run time with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.undervolt.resilience.TrialExecutorProvider}):
 * {@code undervolt-spark} registers the Spark one, so the core never links against Spark.
 */
public interface TrialExecutorProvider {

    /** An executor on {@code master} (e.g. {@code local[2]}, {@code spark://HOST:PORT}); bad input: InvalidInputException. */
    TrialExecutor open(String master);
}
