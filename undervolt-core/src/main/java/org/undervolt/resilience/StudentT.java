package org.undervolt.resilience;

/**
 * The 97.5% quantile of Student's t distribution, for 95% two-sided confidence intervals.
 *
 * <p>Values for 1..30 degrees of freedom are the standard table (e.g. NIST/SEMATECH e-Handbook of
 * Statistical Methods, §1.3.6.7.2); above 30 the Cornish-Fisher expansion around the normal
 * quantile 1.959964 is accurate to better than 1e-4.
 */
final class StudentT {
    private static final double[] Q975 = {
        Double.NaN, 12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
        2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
        2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
    };

    /** One-sided 95% quantiles (t_0.95), same source. */
    private static final double[] Q95 = {
        Double.NaN, 6.3138, 2.9200, 2.3534, 2.1318, 2.0150, 1.9432, 1.8946, 1.8595, 1.8331, 1.8125,
        1.7959, 1.7823, 1.7709, 1.7613, 1.7531, 1.7459, 1.7396, 1.7341, 1.7291, 1.7247,
        1.7207, 1.7171, 1.7139, 1.7109, 1.7081, 1.7056, 1.7033, 1.7011, 1.6991, 1.6973,
    };

    private StudentT() {
    }

    static double quantile975(int dof) {
        return quantile(Q975, 1.959964, dof);
    }

    /** The 95% quantile, for one-sided 95% bounds. */
    static double quantile95(int dof) {
        return quantile(Q95, 1.644854, dof);
    }

    /** The tabled quantile for {@code dof}, or above the table the expansion around the normal quantile {@code z}. */
    private static double quantile(double[] table, double z, int dof) {
        if (dof < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1: " + dof);
        }
        if (dof < table.length) {
            return table[dof];
        }
        return cornishFisher(z, dof);
    }

    private static double cornishFisher(double z, int dof) {
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        return z + (z3 + z) / (4.0 * dof) + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * dof * dof);
    }
}
