package org.undervolt.cli;

import org.undervolt.Provenance;

import picocli.CommandLine;

/** Prints the Undervolt version, git revision and JVM, so a result can name what produced it. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
                "undervolt " + Provenance.version() + " (git " + Provenance.gitRevision() + ")",
                "java " + System.getProperty("java.version") + " " + System.getProperty("java.vm.name"),
        };
    }
}
