package org.undervolt.usecase;

/**
 * What an injection measurement counted; its components are the JSON keys of {@code errors inject --json}, in order
 * (snake_case).
 *
 * @param format        the storage format's name
 * @param model         the error model's name (with its parameters)
 * @param ber           the BER the model was built at
 * @param bits          stored bits (whole bytes of the image)
 * @param trials        trials run
 * @param flips         bits flipped, over all trials
 * @param expectedFlips the model's expected flips over all trials
 * @param seconds       time spent injecting, over all trials
 * @param copySeconds   time spent restoring the clean image before each trial
 * @param seed          the seed
 */
public record InjectResult(String format, String model, double ber, long bits, int trials, long flips,
        double expectedFlips, double seconds, double copySeconds, long seed) {
}
