package org.undervolt.dram.spec;

/**
 * A spec together with the format it came from.
 *
 * @param spec   the part
 * @param format the file format (decides the default energy counting)
 * @param file   the file name it was read from (for messages and provenance)
 */
public record LoadedSpec(DramSpec spec, SpecFormat format, String file) {
}
