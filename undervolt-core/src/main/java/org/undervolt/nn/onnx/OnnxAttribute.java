package org.undervolt.nn.onnx;

/**
 * One attribute of a node ({@code AttributeProto}): a name, the ONNX attribute type and the value
 * of that type. Graph-valued and sparse attributes are not supported by this importer.
 *
 * @param type ONNX {@code AttributeType}: {@link #FLOAT} 1, {@link #INT} 2, {@link #STRING} 3,
 *             {@link #TENSOR} 4, {@link #FLOATS} 6, {@link #INTS} 7
 */
public record OnnxAttribute(String name, int type, float f, long i, String s, NdArray t, float[] floats, long[] ints) {
    public static final int FLOAT = 1;
    public static final int INT = 2;
    public static final int STRING = 3;
    public static final int TENSOR = 4;
    public static final int FLOATS = 6;
    public static final int INTS = 7;

    public static OnnxAttribute ofFloat(String name, float v) {
        return new OnnxAttribute(name, FLOAT, v, 0, null, null, null, null);
    }

    public static OnnxAttribute ofInt(String name, long v) {
        return new OnnxAttribute(name, INT, 0, v, null, null, null, null);
    }

    public static OnnxAttribute ofString(String name, String v) {
        return new OnnxAttribute(name, STRING, 0, 0, v, null, null, null);
    }

    public static OnnxAttribute ofTensor(String name, NdArray v) {
        return new OnnxAttribute(name, TENSOR, 0, 0, null, v, null, null);
    }

    public static OnnxAttribute ofFloats(String name, float... v) {
        return new OnnxAttribute(name, FLOATS, 0, 0, null, null, v, null);
    }

    public static OnnxAttribute ofInts(String name, long... v) {
        return new OnnxAttribute(name, INTS, 0, 0, null, null, null, v);
    }

    /** Human-readable name of an attribute type code. */
    static String typeName(int type) {
        return switch (type) {
            case FLOAT -> "FLOAT";
            case INT -> "INT";
            case STRING -> "STRING";
            case TENSOR -> "TENSOR";
            case FLOATS -> "FLOATS";
            case INTS -> "INTS";
            default -> "type " + type;
        };
    }
}
