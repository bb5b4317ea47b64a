package org.undervolt.dram.spec;

/**
 * A spec together with the format it came from.
 *
 * @param spec   the part
 * @param format the file format (decides the default energy counting)
 * @param file   the file name it was read from, or the preset's name as given (for messages and provenance)
 * @param sha256 the SHA-256 of the file's bytes; null for a built-in preset
 */
public record LoadedSpec(DramSpec spec, SpecFormat format, String file, String sha256) {

    /** A spec without file content (a built-in preset, or text parsed in memory). */
    public LoadedSpec(DramSpec spec, SpecFormat format, String file) {
        this(spec, format, file, null);
    }

    /** Whether the spec was read from a file (it has a content hash). */
    public boolean fromFile() {
        return sha256 != null;
    }

    /**
     * What identifies the part in a run's identity or provenance: a preset's name, or a file's path with the SHA-256 of
     * its content (two files of one name that differ are two parts).
     */
    public String identity() {
        return fromFile() ? file + " sha256:" + sha256 : spec.name();
    }
}
