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

    public double parameter(String name) {
        Double v = parameters.get(name);
        if (v == null) {
            throw new IllegalArgumentException(model + " has no parameter " + name + "; has " + parameters.keySet());
        }
        return v;
    }
}
