/**
 * Seeds: every random draw in Undervolt comes from a stream named by (master seed, task ids), never
 * from execution order, so local, multi-threaded and Spark runs give the same bits
 * ({@link org.undervolt.random.Seeds}). Depends on nothing else of ours.
 */
package org.undervolt.random;
