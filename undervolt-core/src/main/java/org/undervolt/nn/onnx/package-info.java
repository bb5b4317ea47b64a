/**
 * ONNX import and export: reading {@code .onnx} files, running their graphs, converting them to
 * Undervolt layers ({@link org.undervolt.nn.model.Sequential}) and writing Undervolt models as ONNX.
 *
 * <h2>Using it</h2>
 * <pre>{@code
 * OnnxModel onnx = OnnxReader.read(Path.of("net.onnx"));          // InvalidInputException if bad
 * Sequential net = SequentialImporter.convert(onnx, "net.onnx").model();
 * NdArray y = new OnnxInterpreter(onnx, "net.onnx").run(x);       // any graph of the subset
 * OnnxWriter.write(SequentialExporter.export(net, "net"), Path.of("back.onnx"));
 * }</pre>
 * From the command line: {@code undervolt import-onnx --model net.onnx --out net.uvnn [--json]}
 * writes an {@link org.undervolt.nn.io.Checkpoint} and prints the ops, layers and parameters.
 *
 * <h2>Why a hand-written protobuf reader</h2>
 * An ONNX file is a protobuf {@code ModelProto} ({@code onnx/onnx.proto}). Instead of
 * protobuf-java plus ~56,000 lines of code generated from {@code onnx.proto} by protoc in the
 * build, {@link ProtoReader}/{@link ProtoWriter} implement the wire format (varints, fixed32/64,
 * length-delimited records; about 250 lines) and {@link OnnxReader}/{@link OnnxWriter} read and
 * write the dozen message fields inference needs. No code generation step, no runtime
 * dependency, and every read is bounds-checked, so a damaged file ends in a one-line
 * {@link org.undervolt.InvalidInputException} (tested on random truncations and corruptions).
 *
 * <h2>Supported subset</h2>
 * Default ONNX domain, element types FLOAT (computation) and INT64 (shapes). Tensors with external
 * data, sparse tensors, graph-valued attributes and non-tensor values are refused.
 * <table>
 * <caption>Operators: what the interpreter runs, and what becomes an Undervolt layer</caption>
 * <tr><th>op</th><th>{@link OnnxInterpreter}</th><th>{@link SequentialImporter} layer</th></tr>
 * <tr><td>Conv</td><td>2-D, any stride, dilation, group, pads, auto_pad</td>
 *     <td>conv2d: group 1, square kernel, equal strides, no dilation, equal pads (SAME resolved);
 *     weight and bias constant; a following Add of a per-channel constant is folded into the bias</td></tr>
 * <tr><td>Gemm</td><td>alpha, beta, transA, transB, C broadcast</td>
 *     <td>dense: transA 0, B constant, C a constant per output (or scalar); alpha and beta folded</td></tr>
 * <tr><td>MatMul</td><td>NumPy semantics (1-D promotion, batch broadcast)</td>
 *     <td>dense: activations [batch, in] times a constant [in, out]; a following Add of a constant
 *     [out] becomes the bias</td></tr>
 * <tr><td>Relu</td><td>yes</td><td>relu</td></tr>
 * <tr><td>Clip</td><td>yes</td><td>relu with a cap (min 0 only)</td></tr>
 * <tr><td>MaxPool, AveragePool</td><td>2-D, strides, dilations, pads, auto_pad, ceil_mode,
 *     count_include_pad; no Indices output</td>
 *     <td>maxpool2d, avgpool2d: square window, equal strides, no padding or dilation, ceil_mode only
 *     where it gives the floor size</td></tr>
 * <tr><td>GlobalAveragePool</td><td>any spatial rank</td><td>globalavgpool (items [C] after it)</td></tr>
 * <tr><td>BatchNormalization</td><td>inference mode, any epsilon</td>
 *     <td>batchnorm on [C] or [C, H, W] items; epsilon other than 1e-5 folded into the variance</td></tr>
 * <tr><td>Add</td><td>multidirectional broadcasting</td>
 *     <td>the join of a residual block (a value forks into two branches that meet in an Add;
 *     nesting allowed) or a bias as above</td></tr>
 * <tr><td>Flatten</td><td>any axis</td><td>flatten (axis 1; dropped when items are already flat)</td></tr>
 * <tr><td>Reshape</td><td>0 and -1 entries, allowzero</td>
 *     <td>flatten, when the target shape (a constant, or computed from shapes as below) keeps the
 *     batch dimension and flattens the item</td></tr>
 * <tr><td>Shape, Gather, Unsqueeze, Concat</td><td>yes (Shape with start/end; Unsqueeze axes as
 *     attribute before opset 13, as input from 13)</td>
 *     <td>on constants: folded; on an activation's shape (PyTorch's {@code x.view(x.size(0), -1)}):
 *     evaluated for two batch sizes to check the Reshape they feed</td></tr>
 * <tr><td>Softmax</td><td>opset &ge; 13 per axis; older: 2-D coercion at axis</td>
 *     <td>softmax over all of an item's values</td></tr>
 * <tr><td>Constant, Transpose</td><td>yes (Transpose any rank)</td>
 *     <td>folded when their inputs are constant (e.g. a transposed weight); Transpose of activations
 *     is refused</td></tr>
 * <tr><td>Identity, Dropout</td><td>identity (Dropout in inference mode)</td><td>dropped</td></tr>
 * </table>
 * Any other op is refused with one line naming the node, the op and the supported list.
 * {@link SequentialExporter} writes the layers back as the ops in the right-hand column (opset 17).
 *
 * <h2>Accuracy</h2>
 * Tested against ONNX Runtime 1.29 (test scope only), the reference outputs of ONNX's backend
 * test cases (Debian {@code libonnx-testdata} 1.12, copied under {@code src/test/resources/onnx})
 * and PyTorch 1.13's own outputs for models its exporter wrote: all agree within 1e-4 (absolute,
 * relative above 1). The interpreter accumulates in double.
 */
package org.undervolt.nn.onnx;
