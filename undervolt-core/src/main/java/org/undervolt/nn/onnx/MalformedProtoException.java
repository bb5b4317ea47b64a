package org.undervolt.nn.onnx;

/** The bytes are not a well-formed protobuf message of the expected kind (truncated, bad tag, bad length). */
final class MalformedProtoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedProtoException(String message) {
        super(message);
    }
}
