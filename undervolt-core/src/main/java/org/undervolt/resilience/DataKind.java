package org.undervolt.resilience;

/**
 * The data types of a DNN that may live in approximate DRAM, as EDEN distinguishes them
 * (Koppula et al., MICRO 2019, §4-§5; docs/PAPERS.md §2.5): the weights of a layer, and its
 * input feature map (IFM), which the previous layer wrote to DRAM and this one reads back.
 */
public enum DataKind {
    WEIGHTS("weights"),
    IFMS("ifm");

    private final String label;

    DataKind(String label) {
        this.label = label;
    }

    /** The name used in site ids and on the command line: {@code weights} or {@code ifm}. */
    public String label() {
        return label;
    }

    /** Parses {@code weights}/{@code weight} or {@code ifm}/{@code ifms}. */
    public static DataKind parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "weights", "weight" -> WEIGHTS;
            case "ifm", "ifms" -> IFMS;
            default -> throw new org.undervolt.InvalidInputException("data kind '" + s
                    + "' is unknown; expected weights or ifm");
        };
    }
}
