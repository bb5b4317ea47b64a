/**
 * Training and evaluation of {@code nn} networks: SGD with momentum and Adam, learning-rate schedules,
 * mini-batches shuffled from the seed, softmax cross-entropy, a resumable
 * {@link org.undervolt.nn.train.Trainer} and a parallel {@link org.undervolt.nn.train.Evaluator} whose
 * results do not depend on the thread count.
 */
package org.undervolt.nn.train;
