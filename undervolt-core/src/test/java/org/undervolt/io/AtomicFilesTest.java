package org.undervolt.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writtenFileHasTheUmasksPermissionsLikeAnyOtherFile() throws IOException {
        Path plain = dir.resolve("plain.txt");
        Files.writeString(plain, "x");
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.write(atomic, "x".getBytes(StandardCharsets.UTF_8));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertThat(Files.getPosixFilePermissions(atomic)).isEqualTo(expected);
        assertThat(expected).contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void failedContentLeavesTargetAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.json");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IOException("boom");
        })).hasMessageContaining("boom");
        assertThat(Files.readString(target)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void temporaryFilesAreDistinctAndInTheGivenDirectory() throws IOException {
        Path a = AtomicFiles.createTempFile(dir, ".a.", ".tmp");
        Path b = AtomicFiles.createTempFile(dir, ".a.", ".tmp");
        assertThat(a).isNotEqualTo(b);
        assertThat(a.getParent()).isEqualTo(dir);
        assertThat(a.getFileName().toString()).startsWith(".a.").endsWith(".tmp");
        assertThat(Files.size(a)).isZero();
    }
}
