package org.undervolt.dram.error;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.InvalidInputException;
import org.undervolt.dram.CommentedCsv;
import org.undervolt.dram.LogLinearCurve;

/**
 * A bit error rate as a piecewise function of one operating parameter x (a voltage, a relative tRCD):
 * points sorted by x, log-linear interpolation (log BER linear in x) between two nonzero points and linear
 * where one end is 0; constant above the highest x; no data below the lowest x (an error, never a clamp: the floor
 * policy of {@link org.undervolt.dram.device.DeviceCurve} decides what happens there). Used by {@link BerVoltageTable}.
 */
final class BerCurve {
    final double[] x;
    final double[] ber;

    BerCurve(double[] xs, double[] bers) {
        if (xs.length != bers.length || xs.length == 0) {
            throw new IllegalArgumentException("need equally many points and BERs, at least one");
        }
        Integer[] idx = new Integer[xs.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(xs[a], xs[b]));
        x = new double[xs.length];
        ber = new double[xs.length];
        for (int i = 0; i < idx.length; i++) {
            x[i] = xs[idx[i]];
            ber[i] = bers[idx[i]];
            if (!(x[i] > 0) || Double.isInfinite(x[i]) || !(ber[i] >= 0 && ber[i] <= 1)) {
                throw new IllegalArgumentException("bad point (" + x[i] + ", BER " + ber[i] + ")");
            }
            if (i > 0 && x[i] == x[i - 1]) {
                throw new IllegalArgumentException("point " + x[i] + " given twice");
            }
        }
    }

    BerCurve scaledX(double k) {
        double[] xs = x.clone();
        for (int i = 0; i < xs.length; i++) {
            xs[i] *= k;
        }
        return new BerCurve(xs, ber.clone());
    }

    /** BER at {@code at}; {@code what} names the parameter in the error for a point below the table. */
    double value(double at, String what) {
        if (!Double.isFinite(at) || at < x[0]) {
            throw new InvalidInputException(what + " " + at + " is outside the BER table (lowest point " + x[0] + ")");
        }
        return LogLinearCurve.value(x, ber, at);
    }

    /** A parsed BER CSV: the curve, the header comments and the "key: value" numbers found in them. */
    record Parsed(BerCurve curve, String comments, Map<String, Double> keys) {
    }

    /**
     * Parses '#' comment lines (numbers after any of {@code keys} followed by ':' are collected), a header
     * {@code xColumn,ber} and rows {@code x,ber}; errors name file, line and field.
     */
    static Parsed parse(String name, InputStream in, String xColumn, String... keys) throws IOException {
        List<Double> xs = new ArrayList<>();
        List<Double> bs = new ArrayList<>();
        Map<String, Double> found = new HashMap<>();
        String header = xColumn + ",ber";
        String comments = CommentedCsv.read(name, in, header, c -> {
            for (String key : keys) {
                int k = c.text().indexOf(key + ":");
                if (k >= 0) {
                    String[] words = c.text().substring(k + key.length() + 1).strip().split("[\\s,;]+");
                    String num = words.length == 0 ? "" : words[0]; // "key: ;" splits into nothing
                    found.put(key, c.finite(key, num));
                }
            }
        }, row -> {
            String[] p = row.text().split(",");
            if (p.length != 2) {
                throw row.error("expected '" + header + "' values, got '" + row.text() + "'");
            }
            double v = row.finite(xColumn, p[0]);
            double b = row.finite("ber", p[1]);
            if (!(v > 0)) {
                throw row.error("field '" + xColumn + "' is " + v + ", expected a positive value");
            }
            if (!(b >= 0 && b <= 1)) {
                throw row.error("field 'ber' is " + b + ", expected a value in [0, 1]");
            }
            if (xs.contains(v)) {
                throw row.error("field '" + xColumn + "' " + v + " appears twice");
            }
            xs.add(v);
            bs.add(b);
        });
        if (xs.isEmpty()) {
            throw new InvalidInputException(name + ": no data rows, expected '" + header + "' followed by value rows");
        }
        BerCurve c = new BerCurve(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                bs.stream().mapToDouble(Double::doubleValue).toArray());
        return new Parsed(c, comments, found);
    }
}
