package org.undervolt.resilience;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.undervolt.dram.error.ErrorModelRegistry;
import org.undervolt.nn.model.Sequential;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.Formats;

/**
 * The user's description of what lives in approximate DRAM, before it meets a network: data kinds,
 * formats, error model (an {@link ErrorModelRegistry} spec), value correction, device seed.
 */
public record SetupSpec(Set<DataKind> kinds, String weightFormat, String ifmFormat, String errorModel,
        boolean bounding, long deviceSeed) implements java.io.Serializable {

    public SetupSpec {
        kinds = Set.copyOf(kinds);
        if (kinds.isEmpty()) {
            throw new org.undervolt.InvalidInputException("--data: name at least one of weights, ifm");
        }
        Formats.byName(weightFormat);
        Formats.byName(ifmFormat);
        ErrorModelRegistry.family(errorModel, deviceSeed);
    }

    /** The setup for {@code model}: its weighted layers × kinds, in LPDDR3 x32 geometry. */
    public StorageSetup build(Sequential model) {
        return new StorageSetup(Site.of(model, kinds), Formats.byName(weightFormat), Formats.byName(ifmFormat),
                ErrorModelRegistry.family(errorModel, deviceSeed), errorModel, DramGeometry.lpddr3x32(), bounding);
    }

    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", kinds.stream().map(DataKind::label).sorted().toList());
        m.put("weight_format", weightFormat);
        m.put("ifm_format", ifmFormat);
        m.put("error_model", errorModel);
        m.put("value_correction", bounding);
        m.put("device_seed", deviceSeed);
        m.put("dram_geometry", "LPDDR3 x32 (weights from address 0, IFM buffer after them)");
        return m;
    }
}
