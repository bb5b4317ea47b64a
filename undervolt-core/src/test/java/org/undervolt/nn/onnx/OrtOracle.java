package org.undervolt.nn.onnx;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** Runs a serialized model in ONNX Runtime (the test oracle) on NdArray inputs. */
final class OrtOracle {
    private OrtOracle() {
    }

    static Map<String, NdArray> run(byte[] model, Map<String, NdArray> feeds) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(1);
            opts.setInterOpNumThreads(1);
            try (OrtSession session = env.createSession(model, opts)) {
                Map<String, OnnxTensor> in = new HashMap<>();
                try {
                    for (Map.Entry<String, NdArray> e : feeds.entrySet()) {
                        NdArray v = e.getValue();
                        long[] shape = java.util.Arrays.stream(v.shape()).asLongStream().toArray();
                        in.put(e.getKey(), v.isFloat()
                                ? OnnxTensor.createTensor(env, FloatBuffer.wrap(v.floats()), shape)
                                : OnnxTensor.createTensor(env, LongBuffer.wrap(v.longs()), shape));
                    }
                    Map<String, NdArray> out = new LinkedHashMap<>();
                    try (OrtSession.Result r = session.run(in)) {
                        for (Map.Entry<String, ai.onnxruntime.OnnxValue> e : r) {
                            OnnxTensor t = (OnnxTensor) e.getValue();
                            int[] shape = java.util.Arrays.stream(t.getInfo().getShape()).mapToInt(Math::toIntExact).toArray();
                            if (t.getInfo().type == ai.onnxruntime.OnnxJavaType.INT64) {
                                LongBuffer lb = t.getLongBuffer();
                                long[] data = new long[lb.remaining()];
                                lb.get(data);
                                out.put(e.getKey(), NdArray.ofLongs(shape, data));
                                continue;
                            }
                            FloatBuffer fb = t.getFloatBuffer();
                            float[] data = new float[fb.remaining()];
                            fb.get(data);
                            out.put(e.getKey(), NdArray.of(shape, data));
                        }
                    }
                    return out;
                } finally {
                    for (OnnxTensor t : in.values()) {
                        t.close();
                    }
                }
            }
        }
    }
}
