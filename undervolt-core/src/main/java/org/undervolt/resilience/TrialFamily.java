package org.undervolt.resilience;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * Which stored sites a tolerance trial exposes to errors, and at what rate, as a function of the point's
 * BER: by name, so that it can travel to another JVM ({@link TrialRecipe}) and mean the same sites there.
 * <ul>
 *   <li>{@link #UNIFORM}: every stored site at the BER (the coarse search);</li>
 *   <li>{@link #only(Site)}: one site at the BER, the others error-free (a fine search);</li>
 *   <li>{@link #fixed(Map)}: every site at its own rate, whatever the point's value (which then only names the
 *       point: the validation of the fine combination keys it by its scale).</li>
 * </ul>
 *
 * @param site  the one site's id ({@link Site#id()}), or null
 * @param rates per site id, its rate, or null
 */
public record TrialFamily(String site, Map<String, Double> rates) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Every stored site at the point's BER. */
    public static final TrialFamily UNIFORM = new TrialFamily(null, null);

    public TrialFamily {
        if (site != null && rates != null) {
            throw new IllegalArgumentException("a trial family is one site or a rate per site, not both");
        }
        rates = rates == null ? null : new LinkedHashMap<>(rates);
    }

    /** Only {@code s} at the point's BER. */
    public static TrialFamily only(Site s) {
        return new TrialFamily(s.id(), null);
    }

    /** Each site at its rate in {@code bers}, whatever the point's value. */
    public static TrialFamily fixed(Map<Site, Double> bers) {
        Map<String, Double> m = new LinkedHashMap<>();
        bers.forEach((k, v) -> m.put(k.id(), v));
        return new TrialFamily(null, m);
    }

    /** Whether every stored site is at the point's BER. */
    public boolean uniform() {
        return site == null && rates == null;
    }

    @Override
    public Map<String, Double> rates() {
        return rates == null ? null : new LinkedHashMap<>(rates);
    }

    /** The per-site BERs of a point of this family in {@code setup}. */
    public DoubleFunction<Map<Site, Double>> bers(StorageSetup setup) {
        if (uniform()) {
            return setup::uniform;
        }
        if (site != null) {
            Site s = find(setup, site);
            return ber -> setup.only(s, ber);
        }
        Map<Site, Double> fixed = new LinkedHashMap<>();
        rates.forEach((id, rate) -> fixed.put(find(setup, id), rate));
        return x -> new LinkedHashMap<>(fixed);
    }

    private static Site find(StorageSetup setup, String id) {
        return setup.sites().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("site " + id + " is not stored"));
    }
}
