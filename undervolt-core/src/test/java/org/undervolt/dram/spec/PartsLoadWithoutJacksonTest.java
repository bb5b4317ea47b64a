package org.undervolt.dram.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Naming a DRAM part, built in or a memspec file, starts no Jackson (about 400 classes: a third of a short
 * command's start-up; issue 21). Each case runs in a fresh class loader over the test class path that records every
 * class it is asked for, so classes this JVM loaded earlier do not hide what the case loads.
 */
class PartsLoadWithoutJacksonTest {

    /** A class loader that defines our and the libraries' classes itself (the JDK's come from its parent). */
    private static final class RecordingLoader extends URLClassLoader {
        final List<String> loaded = Collections.synchronizedList(new ArrayList<>());

        RecordingLoader() {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            loaded.add(name);
            return super.findClass(name);
        }

        List<String> jackson() {
            synchronized (loaded) {
                return loaded.stream().filter(n -> n.startsWith("com.fasterxml.")).toList();
            }
        }

        private static URL[] classPath() {
            String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
            URL[] urls = new URL[entries.length];
            for (int i = 0; i < entries.length; i++) {
                try {
                    urls[i] = Path.of(entries[i]).toUri().toURL();
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }
            return urls;
        }
    }

    private static Object call(ClassLoader l, String type, String method, Class<?>[] params, Object... args)
            throws Exception {
        Method m = Class.forName(type, true, l).getMethod(method, params);
        return m.invoke(null, args);
    }

    @Test
    void aBuiltInPartLoadsNoJacksonClass() throws Exception {
        try (RecordingLoader l = new RecordingLoader()) {
            Object spec = call(l, "org.undervolt.dram.spec.DramPresets", "get", new Class<?>[] {String.class}, "DDR4-2400");
            assertThat(spec.toString()).contains("DDR4-2400_4Gb_x8");
            assertThat(l.loaded).contains("org.undervolt.dram.spec.PresetFormat", "org.undervolt.io.PlainJson");
            assertThat(l.jackson()).isEmpty();
        }
    }

    @Test
    void memspecFilesOfEveryFormatLoadNoJacksonClass() throws Exception {
        Path golden = Path.of(PartsLoadWithoutJacksonTest.class.getResource("/golden/dram/memspecs/dp5_ddr4_test.json")
                .toURI()).getParent();
        try (RecordingLoader l = new RecordingLoader()) {
            for (String f : new String[] {"dp5_ddr4_test.json", "MICRON_4Gb_DDR4-2400_8bit_A.json",
                    "MICRON_4Gb_DDR4-2400_8bit_A.xml"}) {
                Object loaded = call(l, "org.undervolt.dram.spec.MemspecLoader", "load", new Class<?>[] {Path.class},
                        golden.resolve(f));
                assertThat(loaded.toString()).as(f).contains("DRAMPOWER");
            }
            assertThat(l.loaded).contains("org.undervolt.dram.spec.Dp5JsonMemspec", "org.undervolt.dram.spec.Dp4XmlMemspec");
            assertThat(l.jackson()).isEmpty();
        }
    }

    /** {@code dram energy --part DDR4-2400 --trace T} as the launcher runs it, to its printed total. */
    @Test
    void dramEnergyOfABuiltInPartLoadsNoJacksonClass() throws Exception {
        Path trace = Path.of(PartsLoadWithoutJacksonTest.class
                .getResource("/golden/dram/drampower41/traces/dp4_MICRON_4Gb_DDR4-2400_8bit_A__b_rowhit64.trc").toURI());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        try (RecordingLoader l = new RecordingLoader()) {
            Object commandLine;
            String[] args = {"dram", "energy", "--part", "DDR4-2400", "--trace", trace.toString()};
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try {
                commandLine = call(l, "org.undervolt.cli.UndervoltCli", "commandLine", new Class<?>[] {String[].class},
                        (Object) args);
                Object rc = commandLine.getClass().getMethod("execute", String[].class).invoke(commandLine, (Object) args);
                assertThat(rc).isEqualTo(0);
            } finally {
                System.setOut(out);
            }
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("total");
            assertThat(l.jackson()).isEmpty();
        }
    }

    /** The probe sees Jackson when it is used: writing JSON through {@code io.Json} loads it. */
    @Test
    void theProbeSeesJacksonWhenItIsUsed() throws Exception {
        try (RecordingLoader l = new RecordingLoader()) {
            Object text = call(l, "org.undervolt.io.Json", "write", new Class<?>[] {Object.class}, Map.of("a", 1));
            assertThat(text.toString()).contains("\"a\" : 1");
            assertThat(l.jackson()).contains("com.fasterxml.jackson.databind.ObjectMapper");
        }
    }
}
