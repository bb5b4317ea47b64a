package org.undervolt.snn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MembraneTest {

    @Test
    void leakMatchesClosedFormDecay() {
        double a = DiehlCook.DT / DiehlCook.E_TAU;
        double v = -40.0;
        for (int k = 1; k <= 400; k++) {
            v = Simulator.membrane(v, 0, 0, DiehlCook.E_REST, DiehlCook.E_INH_REVERSAL, a);
            double exact = DiehlCook.E_REST + 25.0 * Math.exp(-k * DiehlCook.DT / DiehlCook.E_TAU);
            assertThat(v).isCloseTo(exact, within(1e-9));
        }
    }

    @Test
    void constantConductanceMatchesClosedForm() {
        // tau dv/dt = (rest - v) + g (0 - v) + h (eInh - v), g and h constant: exponential to v_inf
        double g = 0.7, h = 0.3, a = DiehlCook.DT / DiehlCook.E_TAU;
        double vinf = (DiehlCook.E_REST + h * DiehlCook.E_INH_REVERSAL) / (1 + g + h);
        double v = -65;
        for (int k = 1; k <= 50; k++) {
            v = Simulator.membrane(v, g, h, DiehlCook.E_REST, DiehlCook.E_INH_REVERSAL, a);
            double exact = vinf + (-65 - vinf) * Math.exp(-k * a * (1 + g + h));
            assertThat(v).isCloseTo(exact, within(1e-9));
        }
    }

    @Test
    void synapticPulseMatchesFineReference() {
        // One excitatory event of weight 3 at t = 0 onto a resting neuron; reference: RK4 at 1 us.
        double w = 3.0;
        double tauE = DiehlCook.E_TAU, tauG = DiehlCook.TAU_GE;
        double ref = DiehlCook.E_REST;
        double h = 0.001;
        double[] refAt = new double[41];
        refAt[0] = ref;
        for (int s = 1; s <= 20000; s++) {
            double t = (s - 1) * h;
            double k1 = f(ref, w * Math.exp(-t / tauG), tauE);
            double k2 = f(ref + h / 2 * k1, w * Math.exp(-(t + h / 2) / tauG), tauE);
            double k3 = f(ref + h / 2 * k2, w * Math.exp(-(t + h / 2) / tauG), tauE);
            double k4 = f(ref + h * k3, w * Math.exp(-(t + h) / tauG), tauE);
            ref += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
            if (s % 500 == 0) {
                refAt[s / 500] = ref;
            }
        }
        double mean = Simulator.stepMean(tauG);
        double v = DiehlCook.E_REST;
        double ge = w;
        double peakRef = Double.NEGATIVE_INFINITY, peak = Double.NEGATIVE_INFINITY;
        for (int k = 1; k <= 40; k++) {
            v = Simulator.membrane(v, ge * mean, 0, DiehlCook.E_REST, DiehlCook.E_INH_REVERSAL, DiehlCook.DT / tauE);
            ge *= Math.exp(-DiehlCook.DT / tauG);
            peak = Math.max(peak, v);
            peakRef = Math.max(peakRef, refAt[k]);
        }
        // depolarisation of ~2 mV; the scheme's charge is exact, its error is second order
        assertThat(peakRef - DiehlCook.E_REST).isBetween(1.5, 2.5);
        assertThat(peak - DiehlCook.E_REST).isCloseTo(peakRef - DiehlCook.E_REST, within(0.02 * (peakRef + 65)));
        assertThat(v).isCloseTo(refAt[40], within(0.02));
    }

    private static double f(double v, double ge, double tau) {
        return ((DiehlCook.E_REST - v) + ge * (0 - v)) / tau;
    }

    @Test
    void expNegIsAccurateAcrossTheSwitch() {
        for (double x = 0; x < 3; x += 0.001) {
            assertThat(ExcitatoryKernel.expNeg(x)).isCloseTo(Math.exp(-x), within(1e-10));
        }
    }
}
