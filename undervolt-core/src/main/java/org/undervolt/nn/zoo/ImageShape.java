package org.undervolt.nn.zoo;

/**
 * The shape of one image of a data set: greyscale sets have one channel; a colour set (CIFAR-10) is
 * fed as its planes stacked per image ({@code org.undervolt.nn.train.Batches#stackedPlanes}), so a
 * model with input {@code [channels, rows, cols]} reads exactly one image.
 *
 * @param channels colour planes (1 for greyscale)
 * @param rows     rows per plane
 * @param cols     columns per plane
 */
public record ImageShape(int channels, int rows, int cols) {
}
