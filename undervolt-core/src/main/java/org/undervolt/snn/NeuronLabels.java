package org.undervolt.snn;

/**
 * Labelling and classification of Diehl and Cook 2015: each excitatory neuron takes the class for
 * which its average response (spikes per image of that class) is highest; an image is classified
 * as the class whose assigned neurons have the highest <em>mean</em> spike count.
 *
 * <p>Ties go to the lowest class. A neuron that never fired gets label -1 (the original leaves it
 * unassigned too), and an image that made no assigned neuron fire is classified -1 (wrong).
 */
public final class NeuronLabels {
    /** The label of a neuron assigned no class (it never fired while labelling). */
    public static final int UNASSIGNED = -1;

    private NeuronLabels() {
    }

    /** Whether {@code label} is one a neuron can have: {@link #UNASSIGNED} or a class {@code 0..classes-1}. */
    public static boolean legitimate(int label, int classes) {
        return label == UNASSIGNED || label >= 0 && label < classes;
    }

    /**
     * @param sums        {@code sums[c*N + j]}: spikes of neuron j summed over the images of class c
     * @param classImages number of images of each class
     */
    public static int[] assign(long[] sums, int[] classImages, int neurons) {
        int classes = classImages.length;
        int[] labels = new int[neurons];
        for (int j = 0; j < neurons; j++) {
            int best = UNASSIGNED;
            double bestRate = 0;
            for (int c = 0; c < classes; c++) {
                if (classImages[c] == 0) {
                    continue;
                }
                double rate = (double) sums[c * neurons + j] / classImages[c];
                if (rate > bestRate) {
                    bestRate = rate;
                    best = c;
                }
            }
            labels[j] = best;
        }
        return labels;
    }

    /** The predicted class of one image from its spike counts, or -1 when no labelled neuron fired. */
    public static int classify(int[] counts, int[] labels, int classes) {
        long[] sum = new long[classes];
        int[] members = new int[classes];
        for (int j = 0; j < labels.length; j++) {
            int c = labels[j];
            if (c >= 0) {
                sum[c] += counts[j];
                members[c]++;
            }
        }
        int best = -1;
        double bestMean = 0;
        for (int c = 0; c < classes; c++) {
            if (members[c] > 0) {
                double mean = (double) sum[c] / members[c];
                if (mean > bestMean) {
                    bestMean = mean;
                    best = c;
                }
            }
        }
        return best;
    }
}
