package org.undervolt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void readsLooseAndPackedRefsOfAPlainRepository(@TempDir Path repo) throws Exception {
        Path git = Files.createDirectories(repo.resolve(".git").resolve("refs/heads"));
        Files.writeString(repo.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Path sub = Files.createDirectories(repo.resolve("a/b"));
        assertThat(Provenance.gitRevision(sub)).isEqualTo("unborn refs/heads/main");
        Files.writeString(repo.resolve(".git/packed-refs"), "# pack-refs\n" + SHA + " refs/heads/main\n");
        assertThat(Provenance.gitRevision(sub)).isEqualTo(SHA);
        Files.writeString(git.resolve("main"), SHA.replace('0', 'f') + "\n");
        assertThat(Provenance.gitRevision(sub)).isEqualTo(SHA.replace('0', 'f'));
    }

    @Test
    void followsALinkedWorktreeToTheSharedRefs(@TempDir Path tmp) throws Exception {
        Path common = Files.createDirectories(tmp.resolve("main/.git/refs/heads"));
        Files.writeString(common.resolve("topic"), SHA + "\n");
        Path wtGit = Files.createDirectories(tmp.resolve("main/.git/worktrees/wt"));
        Files.writeString(wtGit.resolve("HEAD"), "ref: refs/heads/topic\n");
        Files.writeString(wtGit.resolve("commondir"), "../..\n");
        Path wt = Files.createDirectories(tmp.resolve("wt"));
        Files.writeString(wt.resolve(".git"), "gitdir: " + wtGit + "\n");
        assertThat(Provenance.gitRevision(wt)).isEqualTo(SHA);
    }

    @Test
    void detachedHeadIsTheCommitItself(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(repo.resolve(".git/HEAD"), SHA + "\n");
        assertThat(Provenance.gitRevision(repo)).isEqualTo(SHA);
    }

    /** The revision is the running code's checkout (its classes lie under this module's target/), not the caller's folder. */
    @Test
    void theRevisionIsOfTheCheckoutTheCodeWasLoadedFrom() {
        Path module = Path.of("").toAbsolutePath(); // the tests run in undervolt-core
        assertThat(Provenance.codeLocation()).startsWith(module.resolve("target"));
        assertThat(Provenance.gitRevision()).isEqualTo(Provenance.gitRevision(Provenance.codeLocation()));
        if (Files.exists(module.getParent().resolve(".git"))) {
            assertThat(Provenance.gitRevision()).matches("[0-9a-f]{40}");
        }
    }
}
