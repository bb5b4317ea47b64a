package org.undervolt.nn.onnx;

/**
 * A graph input or output ({@code ValueInfoProto}): name, element type and shape.
 *
 * @param elemType ONNX data type code ({@link NdArray#FLOAT}, ...), 0 if not given
 * @param dims     dimensions, {@code -1} for a symbolic or unknown one; {@code null} if no shape is given
 * @param dimNames the symbolic names ({@code dim_param}) or {@code null} per dimension; {@code null} if no shape
 */
public record OnnxValueInfo(String name, int elemType, long[] dims, String[] dimNames) {
}
