package org.undervolt.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.undervolt.InvalidInputException;
import org.undervolt.mapping.NetworkData;
import org.undervolt.mapping.Tolerances;

import picocli.CommandLine.Option;

/** The BERs a network's data tolerates, for {@code map}: a file of them, or one for all weights and one for all IFMs. */
final class ToleranceBerOptions {
    @Option(names = "--tolerance", paramLabel = "FILE",
            description = "tolerable BERs as JSON: item ids (conv1.weights, fc1.ifm), 'weights', 'ifm', 'default'")
    Path toleranceFile;

    @Option(names = "--weights-ber", paramLabel = "X", description = "tolerable BER of every layer's weights")
    Double weightsBer;

    @Option(names = "--ifm-ber", paramLabel = "X", description = "tolerable BER of every layer's IFM")
    Double ifmBer;

    @Option(names = "--output-ber", defaultValue = "0", paramLabel = "X",
            description = "tolerable BER of the network's output as written to DRAM (default: ${DEFAULT-VALUE})")
    double outputBer;

    /** Checks the BERs given, naming the option that is wrong. */
    void check() {
        if (weightsBer != null) {
            OptionValues.ber("--weights-ber", weightsBer);
        }
        if (ifmBer != null) {
            OptionValues.ber("--ifm-ber", ifmBer);
        }
        OptionValues.ber("--output-ber", outputBer);
    }

    /** The tolerable BERs: the file's, or the options' (an item type not given tolerates none). */
    Tolerances tolerances() {
        if (toleranceFile != null) {
            return Tolerances.load(toleranceFile).withOutput(outputBer);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        if (weightsBer != null) {
            m.put("weights", weightsBer);
        }
        if (ifmBer != null) {
            m.put("ifm", ifmBer);
        }
        if (m.isEmpty()) {
            throw new InvalidInputException("give the tolerable BERs: --tolerance FILE, or --weights-ber X (and --ifm-ber Y)");
        }
        if (ifmBer == null) {
            m.put("ifm", 0.0);
        }
        if (weightsBer == null) {
            m.put("weights", 0.0);
        }
        m.put(NetworkData.OUTPUT, outputBer);
        return new Tolerances(m);
    }
}
