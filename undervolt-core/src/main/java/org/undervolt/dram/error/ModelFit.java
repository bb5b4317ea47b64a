package org.undervolt.dram.error;

import java.util.Map;

/**
 * One error model fitted to a bitmap by maximum likelihood: its parameters, the log-likelihood of
 * the exact failure pattern, and the information criteria used to compare models,
 * AIC = 2k - 2 ln L (Akaike 1974) and BIC = k ln n - 2 ln L (Schwarz 1978), n = cells tested.
 */
public record ModelFit(String model, Map<String, Double> parameters, double logLikelihood, int parameterCount,
                       long cells) {

    public ModelFit {
        parameters = Map.copyOf(parameters);
    }

    public double aic() {
        return 2.0 * parameterCount - 2 * logLikelihood;
    }

    public double bic() {
        return parameterCount * Math.log(cells) - 2 * logLikelihood;
    }

    /**
     * The fitted parameters under the {@link ErrorModelRegistry}'s names, sorted: a weak-line or weak-region
     * fraction ({@code pb}, {@code pw}, {@code weak_fraction}) is {@code weak-fraction}, the failure rate of a cell
     * there ({@code fb}, {@code fw}, the location model's {@code ber}) is {@code cell-rate}; the uniform model's
     * {@code ber} and the data-dependent {@code p01}/{@code p10} keep theirs. For text; JSON keeps {@link #parameters}.
     */
    public Map<String, Double> registryParameters() {
        Map<String, Double> out = new java.util.TreeMap<>();
        parameters.forEach((k, v) -> out.put(switch (k) {
            case "pb", "pw", "weak_fraction" -> "weak-fraction";
            case "fb", "fw" -> "cell-rate";
            case "ber" -> model.equals("location") ? "cell-rate" : k;
            default -> k;
        }, v));
        return out;
    }

    public double parameter(String name) {
        Double v = parameters.get(name);
        if (v == null) {
            throw new IllegalArgumentException(model + " has no parameter " + name + "; has " + parameters.keySet());
        }
        return v;
    }

    /**
     * The {@link ErrorModelRegistry} spec of this fit: the model that, at the bitmap's BER, has the
     * fitted shape (the weak fraction of bitlines, rows or subarrays; the ratio of 1->0 to 0->1 flips),
     * so {@code errors inject --error-model SPEC} draws from what {@code errors fit} found. Null when
     * the fit has no shape to name (a bitmap without failures, or no 0->1 flips).
     */
    public String spec() {
        return switch (model) {
            case "uniform" -> "uniform";
            case "bitline" -> weakFraction("pb");
            case "wordline" -> weakFraction("pw");
            case "location" -> weakFraction("weak_fraction");
            case "data-dependent" -> parameter("p01") > 0
                    ? "data-dependent:ratio=" + ErrorModelParameter.shortest(parameter("p10") / parameter("p01")) : null;
            default -> null;
        };
    }

    private String weakFraction(String parameter) {
        double w = parameter(parameter);
        return w > 0 ? model + ":weak-fraction=" + ErrorModelParameter.shortest(Math.min(1, w)) : null;
    }
}
