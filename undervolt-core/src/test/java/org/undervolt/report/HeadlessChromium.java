package org.undervolt.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Debian's {@code chromium}, run headless on a local file: DOM dumps and screenshots for tests. */
final class HeadlessChromium {
    private final Path binary;
    private final Path work;

    private HeadlessChromium(Path binary, Path work) {
        this.binary = binary;
        this.work = work;
    }

    /** The browser if installed ({@code $UNDERVOLT_CHROMIUM}, else {@code chromium} on the PATH). */
    static Optional<HeadlessChromium> find(Path work) {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("UNDERVOLT_CHROMIUM");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            candidates.add(Path.of(dir, "chromium"));
        }
        candidates.add(Path.of("/usr/bin/chromium"));
        return candidates.stream().filter(Files::isExecutable).findFirst().map(b -> new HeadlessChromium(b, work));
    }

    private String run(List<String> extra, Path page) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--hide-scrollbars", "--user-data-dir=" + work.resolve("profile")));
        cmd.addAll(extra);
        cmd.add(page.toUri().toString());
        Path stdout = Files.createTempFile(work, "chromium", ".out");
        Path stderr = Files.createTempFile(work, "chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish in 120 s: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("chromium exited " + p.exitValue() + ": "
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    /** The DOM after the page loaded and its scripts ran, serialised. */
    String dumpDom(Path page) throws IOException, InterruptedException {
        return run(List.of("--dump-dom"), page);
    }

    /** A PNG screenshot of the top {@code width} × {@code height} pixels of the page. */
    Path screenshot(Path page, int width, int height) throws IOException, InterruptedException {
        Path png = work.resolve("screenshot-" + System.nanoTime() + ".png");
        run(List.of("--window-size=" + width + "," + height, "--screenshot=" + png), page);
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("chromium wrote no screenshot " + png);
        }
        return png;
    }
}
