package org.undervolt.report;

/**
 * Headline figures of the two papers Undervolt reimplements, for the comparison table of a report.
 * Values and their provenance are from {@code docs/PAPERS.md} (§5,
 * anchors A1, A4, A5, A6), which quotes the papers' abstracts.
 */
public final class PaperFigures {
    private PaperFigures() {
    }

    /** A1: SparkXD (Putra et al., DAC 2021) average DRAM energy saving, accuracy within 1% of baseline. */
    public static final String SPARKXD_ENERGY_SAVING = "≈40% (average over network sizes; SNN, LPDDR3)";

    /** The accuracy constraint SparkXD uses (A1). */
    public static final String SPARKXD_CONSTRAINT = "within 1% of the error-free accuracy";

    /** A4: EDEN (Koppula et al., MICRO 2019) average DRAM energy reduction by platform. */
    public static final String EDEN_ENERGY_SAVING = "21% CPU, 37% GPU, 31% / 32% accelerators (averages)";

    /** EDEN's accuracy target for its results (docs/PAPERS.md §2.1, from the abstract). */
    public static final String EDEN_CONSTRAINT = "within 1% of the original accuracy";

    /** A5: EDEN average (maximum) speedup from reduced tRCD. */
    public static final String EDEN_SPEEDUP = "8% (17%) CPU, 2.7% (5.5%) GPU";

    /** A6: EDEN curricular retraining gain in tolerable BER. */
    public static final String EDEN_RETRAINING_GAIN = "≈10× (\"an order of magnitude\")";

    /** Where the figures come from, for a footnote. */
    public static final String SOURCE = "SparkXD: Putra, Hanif, Shafique, DAC 2021 (arXiv 2103.00421), abstract. "
            + "EDEN: Koppula et al., MICRO 2019 (arXiv 1910.05340), abstract.";
}
