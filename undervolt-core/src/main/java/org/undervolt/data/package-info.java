/**
 * Data sets: the built-in MNIST and Fashion-MNIST (original gz IDX files from the classpath, md5-pinned),
 * users' own IDX and CIFAR-10 binary files, and small synthetic sets for tests.
 *
 * <p>Entry points: {@link org.undervolt.data.Datasets} (load), {@link org.undervolt.data.DataSource}
 * (what the CLI's {@code --dataset}/{@code --data-dir} pick), {@link org.undervolt.data.Normalization}
 * (pixels to floats in [0, 1]) and {@link org.undervolt.data.SyntheticDatasets}. Readers are strict:
 * every malformed file is an {@link org.undervolt.InvalidInputException} with one line naming the file.
 * This package depends on nothing else in Undervolt but the basics: the root package, {@code random.Seeds} and
 * {@code io}.
 */
package org.undervolt.data;
