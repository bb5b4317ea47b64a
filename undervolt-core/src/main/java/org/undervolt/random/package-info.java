/**
 * Seeds: every random draw in Undervolt comes from a stream named by (master seed, task ids), never
 * from execution order, so local, multi-threaded and Spark runs give the same bits
 * ({@link org.undervolt.random.Seeds}); random orders are drawn from such a stream
 * ({@link org.undervolt.random.Permutations}). Depends on nothing else of ours.
 */
package org.undervolt.random;
