/** The dense float tensor (shape and row-major values) the layers of {@code nn} read and write. */
package org.undervolt.nn.tensor;
