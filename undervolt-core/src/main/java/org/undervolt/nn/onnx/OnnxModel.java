package org.undervolt.nn.onnx;

/**
 * An ONNX model ({@code ModelProto}) reduced to what inference needs.
 *
 * @param irVersion     ONNX IR version (e.g. 8)
 * @param opsetVersion  version of the default ({@code ai.onnx}) operator set the nodes bind to
 * @param producerName  the tool that wrote the file ("" if not given)
 * @param graph         the main graph
 */
public record OnnxModel(long irVersion, long opsetVersion, String producerName, String producerVersion, OnnxGraph graph) {
}
