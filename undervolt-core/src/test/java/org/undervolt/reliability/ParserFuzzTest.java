package org.undervolt.reliability;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of every parser with Jazzer (issue 11): each input must parse or be
 * rejected with an {@link org.undervolt.InvalidInputException} (one line), without allocating memory
 * out of proportion to its size ({@link ParseProperty}).
 *
 * <p>Under a plain {@code mvn test} Jazzer runs each method in regression mode: once per seed in
 * {@code src/test/resources/org/undervolt/reliability/ParserFuzzTestInputs/<method>/} and once on an
 * empty input, in well under a second per method, without instrumentation ({@code jazzer.hooks=false}
 * in {@code junit-platform.properties}). To fuzz one target for real (docs/BAD_INPUTS.md):
 * <pre>JAZZER_FUZZ=1 ./mvnw -B -pl undervolt-core test -Dtest='ParserFuzzTest#checkpointBody' -Djazzer.hooks=true</pre>
 * Crashing inputs land in {@code undervolt-core/src/test/resources/.../ParserFuzzTestInputs/<method>/}
 * and so become regression inputs once committed (with the fix).
 */
class ParserFuzzTest {
    private static final String FUZZ_TIME = "5m";

    @FuzzTest(maxDuration = FUZZ_TIME)
    void idxImages(byte[] input) {
        ParserTarget.IDX_IMAGES.check(input);
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void idxLabels(byte[] input) {
        ParserTarget.IDX_LABELS.check(input);
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void cifar(byte[] input) {
        ParserTarget.CIFAR.check(input);
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void memspec(byte[] input) {
        ParserTarget.MEMSPEC.check(input);
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void dramPreset(byte[] input) {
        ParserTarget.DRAM_PRESET.check(input);
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void commandTrace(byte[] input) {
        ParserTarget.COMMAND_TRACE.check(input);
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void requestTrace(byte[] input) {
        ParserTarget.REQUEST_TRACE.check(input);
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void errorBitmap(byte[] input) {
        ParserTarget.ERROR_BITMAP.check(input);
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void berVddTable(byte[] input) {
        ParserTarget.BER_VDD_TABLE.check(input);
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void deviceTable(byte[] input) {
        ParserTarget.DEVICE_TABLE.check(input);
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void vddTimingTable(byte[] input) {
        ParserTarget.VDD_TIMING_TABLE.check(input);
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void checkpoint(byte[] input) {
        ParserTarget.CHECKPOINT.check(input);
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void checkpointBody(byte[] input) {
        ParserTarget.CHECKPOINT_BODY.check(input);
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void retrainCheckpointBody(byte[] input) {
        ParserTarget.RETRAIN_CHECKPOINT_BODY.check(input);
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void snnModel(byte[] input) {
        ParserTarget.SNN_MODEL.check(input);
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void tolerances(byte[] input) {
        ParserTarget.TOLERANCES.check(input);
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void partitions(byte[] input) {
        ParserTarget.PARTITIONS.check(input);
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void onnx(byte[] input) {
        ParserTarget.ONNX.check(input);
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void trainingStateBody(byte[] input) {
        ParserTarget.TRAINING_STATE_BODY.check(input);
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void snnCheckpointBody(byte[] input) {
        ParserTarget.SNN_CHECKPOINT_BODY.check(input);
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void edenConfig(byte[] input) {
        ParserTarget.EDEN_CONFIG.check(input);
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void sparkxdConfig(byte[] input) {
        ParserTarget.SPARKXD_CONFIG.check(input);
    }

    @FuzzTest(maxDuration = FUZZ_TIME)
    void sweepSpec(byte[] input) {
        ParserTarget.SWEEP_SPEC.check(input);
    }
}
