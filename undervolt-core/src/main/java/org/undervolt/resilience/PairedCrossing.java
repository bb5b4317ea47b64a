package org.undervolt.resilience;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.undervolt.random.Seeds;

/**
 * Where two networks' tolerable BERs lie, measured on <em>shared</em> error draws, and how sure we are that network
 * A's lies above B's.
 *
 * <p><b>The grid.</b> Between {@code lo} (a BER both networks passed in their own searches) and {@code hi} (one
 * both failed) the BER axis is cut into {@code 2^k} equal steps in log space: point {@code i} is {@code lo·q^i},
 * {@code q = (hi/lo)^(1/2^k)}, and {@code i} may run past either end in whole spans when a network's crossing lies
 * outside (never beyond {@code [berMin, berMax]}). At every point evaluated, <em>both</em> networks run the same
 * {@code T} draws: draw {@code t} at BER {@code b} comes from {@link PairedComparison}'s stream of {@code (seed, b,
 * t)}, so the same bits flip in both stored weight images (the values differ, the positions are shared), and at
 * {@code hi} the draws are those of the {@code fat-vs-control} comparison.
 *
 * <p><b>The crossing.</b> A network's crossing is the largest evaluated BER that meets the acceptance rule (e.g.
 * mean accuracy over the draws &ge; baseline &minus; delta) below the first evaluated BER that fails it, as the
 * tolerance search defines its tolerable BER. The points are chosen as a bisection: while a network has no failing
 * point the next point lies one span above the highest, while it has no passing point below its first failure one
 * span below the lowest, and while its last pass and first failure are more than one grid step apart the next point
 * is their midpoint; extensions come before midpoints and A's before B's, so the points, and the result, depend only
 * on the measurements.
 *
 * <p><b>The confidence.</b> The crossing is a step function of mean accuracies, with no variance formula, so its
 * uncertainty comes from the paired bootstrap (Efron and Tibshirani, <i>An Introduction to the Bootstrap</i>,
 * Chapman &amp; Hall 1993, ch. 6 and 16): a replicate resamples the {@code T} draw indices with replacement, the
 * same indices for both networks and every point, and recomputes both crossings on the evaluated points. A draw is
 * the unit both networks were measured on (one device's flipped bits), and a draw that is hard for one network tends
 * to be hard for the other; resampling draws keeps the two together, which independent resampling would not. The
 * confidence that A's tolerable BER exceeds B's is the share of replicates in which A's crossing lies strictly
 * above B's (ties count against A). It is conditional on the test images (the criterion is defined on them), and
 * with few draws it rests on few distinct resamples ({@code C(2T-1, T)}; 126 at {@code T = 5}): the bootstrap is then
 * known to understate the spread, so read it with the draws it had. A sign test on per-draw crossings was not chosen:
 * the draws of two BERs are independent (as in the tolerance search), so one draw has no crossing of its own, and the
 * criterion is on the mean over draws, not on each draw.
 */
public final class PairedCrossing {

    /** Bootstrap replicates. */
    public static final int REPLICATES = 10_000;

    /** Identity of the bootstrap's stream under the seed. */
    static final long BOOTSTRAP_STREAM = 0x5843524F53534254L; // "XCROSSBT"

    /** Most points evaluated (a guard against a curve that never settles; a bisection of 20 steps needs far fewer). */
    static final int MAX_POINTS = 64;

    /** Target names of the two networks in the point store. */
    public static final String A = "a";
    public static final String B = "b";

    /**
     * The grid and the draws.
     *
     * @param lo         a BER both passed in their searches (grid point 0)
     * @param hi         a BER both failed (grid point {@code 2^bisections})
     * @param bisections steps per span are {@code 2^bisections}
     * @param berMin     no point below
     * @param berMax     no point above
     * @param draws      draws {@code T} per network and point
     * @param seed       master seed of the draws and the bootstrap
     */
    public record Settings(double lo, double hi, int bisections, double berMin, double berMax, int draws, long seed) {
        public Settings {
            if (!(lo > 0 && hi > lo)) {
                throw new IllegalArgumentException("need 0 < lo < hi: " + lo + ", " + hi);
            }
            if (bisections < 0 || bisections > 20) {
                throw new IllegalArgumentException("bisections out of 0..20: " + bisections);
            }
            if (draws < 1) {
                throw new IllegalArgumentException("draws must be at least 1: " + draws);
            }
        }

        int span() {
            return 1 << bisections;
        }

        /** Grid point {@code i}'s BER; exactly {@code lo} and {@code hi} at 0 and {@code span()}. */
        public double ber(int i) {
            if (i == 0) {
                return lo;
            }
            if (i == span()) {
                return hi;
            }
            return lo * StrictMath.pow(hi / lo, (double) i / span());
        }

        boolean inRange(int i) {
            double b = ber(i);
            return b >= berMin && b <= berMax;
        }
    }

    /**
     * Where a network's crossing lies.
     *
     * @param crossing   index of the largest passing point below the first failure; {@code lowest - 1} when the
     *                   lowest evaluated point fails; the highest evaluated point when none fails
     * @param firstFail  index of the first failing point, or null when none fails
     * @param status     {@code located} (pass and failure one grid step apart), {@code above} (passes up to the
     *                   highest point allowed), {@code below} (fails down to the lowest allowed)
     */
    public record Crossing(int crossing, Integer firstFail, String status) {
    }

    /**
     * One evaluated point: both networks' accuracy per draw, the same draws.
     *
     * @param index grid index
     */
    public record Point(int index, double ber, double[] a, double[] b) {
    }

    /**
     * The comparison.
     *
     * @param points       every point evaluated, by BER
     * @param a            A's crossing on the measured draws
     * @param b            B's
     * @param aAbove       share of bootstrap replicates with A's crossing above B's
     * @param tie          share with both crossings at the same point
     * @param stepsQuantiles A's crossing minus B's in grid steps: 2.5 %, 50 % and 97.5 % quantiles over the replicates
     */
    public record Result(Settings settings, List<Point> points, Crossing a, Crossing b, double aAbove, double tie,
            int[] stepsQuantiles) {

        /** BER of grid index {@code i}. */
        public double ber(int i) {
            return settings.ber(i);
        }
    }

    private final Settings s;
    private final PairedTrials netA;
    private final PairedTrials netB;
    private final Acceptance acceptance;
    private final PointStore store;
    private final Consumer<String> log;
    private final TreeMap<Integer, Point> points = new TreeMap<>();

    /**
     * @param store finished points (a file store makes the comparison resumable point by point)
     */
    public PairedCrossing(Settings settings, PairedTrials a, PairedTrials b, Acceptance acceptance, PointStore store,
            Consumer<String> log) {
        if (a.images() != b.images()) {
            throw new IllegalArgumentException("paired networks need the same test images: " + a.images() + " vs "
                    + b.images());
        }
        this.s = settings;
        this.netA = a;
        this.netB = b;
        this.acceptance = acceptance;
        this.store = store;
        this.log = log;
    }

    /** Runs the bisection to its end and the bootstrap. */
    public Result run() {
        evaluate(0);
        evaluate(s.span());
        while (points.size() < MAX_POINTS) {
            // brackets first (coarse answers for both early), then the midpoints; A before B
            Crossing a = now(true);
            Crossing b = now(false);
            Integer next = extension(a);
            next = next != null ? next : extension(b);
            next = next != null ? next : midpoint(a);
            next = next != null ? next : midpoint(b);
            if (next == null) {
                break;
            }
            evaluate(next);
        }
        List<Point> list = new ArrayList<>(points.values());
        Crossing ca = crossing(list, passes(list, true, null));
        Crossing cb = crossing(list, passes(list, false, null));
        int[] diff = new int[REPLICATES];
        int above = 0;
        int tie = 0;
        SplittableRandom rng = Seeds.stream(s.seed(), BOOTSTRAP_STREAM);
        int[] pick = new int[s.draws()];
        for (int r = 0; r < REPLICATES; r++) {
            for (int t = 0; t < pick.length; t++) {
                pick[t] = rng.nextInt(pick.length);
            }
            int ra = crossing(list, passes(list, true, pick)).crossing();
            int rb = crossing(list, passes(list, false, pick)).crossing();
            diff[r] = ra - rb;
            above += ra > rb ? 1 : 0;
            tie += ra == rb ? 1 : 0;
        }
        java.util.Arrays.sort(diff);
        int[] q = {diff[(int) (0.025 * (REPLICATES - 1))], diff[(REPLICATES - 1) / 2], diff[(int) Math.ceil(0.975
                * (REPLICATES - 1))]};
        return new Result(s, list, ca, cb, (double) above / REPLICATES, (double) tie / REPLICATES, q);
    }

    /** Network A's (or B's) crossing on the points evaluated so far. */
    private Crossing now(boolean a) {
        List<Point> list = new ArrayList<>(points.values());
        return crossing(list, passes(list, a, null));
    }

    /**
     * One span above the highest point while this network fails nowhere, one below the lowest while it fails there;
     * null when it has both a pass and a failure above it, or the range ends.
     */
    private Integer extension(Crossing c) {
        if (c.firstFail() == null) {
            int up = points.lastKey() + s.span();
            return s.inRange(up) ? up : null;
        }
        if (c.crossing() < points.firstKey()) {
            int down = points.firstKey() - s.span();
            return s.inRange(down) ? down : null;
        }
        return null;
    }

    /** The midpoint of this network's last pass and first failure while they are more than one step apart. */
    private Integer midpoint(Crossing c) {
        if (c.firstFail() != null && c.crossing() >= points.firstKey() && c.firstFail() - c.crossing() > 1) {
            return Math.floorDiv(c.crossing() + c.firstFail(), 2);
        }
        return null;
    }

    /**
     * A network's statistic (the acceptance rule's: mean or lower bound) at each point, over the draws {@code pick}
     * (null: every draw once); as pass (true) or fail.
     */
    private boolean[] passes(List<Point> list, boolean a, int[] pick) {
        boolean[] pass = new boolean[list.size()];
        for (int k = 0; k < list.size(); k++) {
            Point p = list.get(k);
            double[] acc = a ? p.a() : p.b();
            double[] chosen = acc;
            if (pick != null) {
                chosen = new double[pick.length];
                for (int t = 0; t < pick.length; t++) {
                    chosen[t] = acc[pick[t]];
                }
            }
            pass[k] = acceptance.accepts(new CurvePoint(p.ber(), chosen));
        }
        return pass;
    }

    /** The crossing on points {@code list} (by BER) with pass/fail {@code pass}. */
    private Crossing crossing(List<Point> list, boolean[] pass) {
        int last = list.get(0).index() - 1;
        for (int k = 0; k < list.size(); k++) {
            int i = list.get(k).index();
            if (!pass[k]) {
                String status = "located";
                if (k == 0 && !s.inRange(i - s.span())) {
                    status = "below";
                }
                return new Crossing(last, i, status);
            }
            last = i;
        }
        return new Crossing(last, null, s.inRange(last + s.span()) ? "located" : "above");
    }

    private void evaluate(int i) {
        if (points.containsKey(i)) {
            return;
        }
        double ber = s.ber(i);
        double[] a = draws(netA, A, ber);
        double[] b = draws(netB, B, ber);
        points.put(i, new Point(i, ber, a, b));
        log.accept(String.format(java.util.Locale.ROOT, "paired crossing: BER %.4g  a %.4f  b %.4f  (%d draws)", ber,
                mean(a), mean(b), a.length));
    }

    private double[] draws(PairedTrials net, String target, double ber) {
        // draw t is the same bits whatever the number of draws: a point measured with fewer draws keeps them and
        // adds the rest, one measured with more gives its first ones
        double[] kept = store.get(target, ber).map(CurvePoint::accuracies).orElse(new double[0]);
        if (kept.length >= s.draws()) {
            return java.util.Arrays.copyOf(kept, s.draws());
        }
        int n = net.images();
        int[] order = new int[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        double[] acc = java.util.Arrays.copyOf(kept, s.draws());
        for (int t = kept.length; t < acc.length; t++) {
            boolean[] c = net.open(ber, PairedComparison.stream(s.seed(), ber, t)).correct(order, 0, n).correct();
            int right = 0;
            for (boolean v : c) {
                right += v ? 1 : 0;
            }
            acc[t] = (double) right / n;
        }
        store.put(target, new CurvePoint(ber, acc));
        return acc;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
