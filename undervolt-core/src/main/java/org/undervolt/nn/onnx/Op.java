package org.undervolt.nn.onnx;

/**
 * One ONNX operator's inference semantics. Throws IllegalArgumentException (with a short reason)
 * for inputs or attributes it does not accept; the interpreter prefixes the node and file.
 */
@FunctionalInterface
interface Op {
    /**
     * @param node   the node (attributes, input and output names)
     * @param inputs one entry per node input, {@code null} for an omitted optional input
     * @param opset  the model's default-domain opset version (some ops changed semantics)
     * @return one value per node output
     */
    NdArray[] apply(OnnxNode node, NdArray[] inputs, long opset);
}
