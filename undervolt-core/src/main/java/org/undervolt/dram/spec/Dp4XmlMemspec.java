package org.undervolt.dram.spec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.undervolt.InvalidInputException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a legacy DRAMPower 4.x XML memspec (tukl-msd/DRAMPower v4.1 {@code memspecs/*.xml}, DTD
 * {@code memspec.dtd}): {@code memoryId}, {@code memoryType}, and {@code <parameter id type value>} elements in
 * {@code memarchitecturespec}, {@code memtimingspec} ({@code clkMhz} and cycle counts) and
 * {@code mempowerspec} (currents in mA; {@code vdd}/{@code idd*} the first rail, {@code vdd2}/{@code idd*2} the
 * second: VDD1/VDD2 for LPDDR2/3 and Wide I/O, VDD/VPP for DDR4). The DTD is never fetched.
 */
public final class Dp4XmlMemspec {

    private Dp4XmlMemspec() {
    }

    private record Param(String value, String type, int line) {
    }

    public static DramSpec parse(String file, String xml) {
        Map<String, Map<String, Param>> sections = new LinkedHashMap<>();
        sections.put("", new LinkedHashMap<>());
        try {
            // the JDK's own parser: newInstance() would first look for another one in every jar of the class path
            // (opening each), a tenth of a second of a short command's start
            SAXParserFactory f = SAXParserFactory.newDefaultInstance();
            f.setValidating(false);
            f.setNamespaceAware(false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            SAXParser p = f.newSAXParser();
            p.parse(new InputSource(new StringReader(xml)), new DefaultHandler() {
                private Locator locator;
                private String section = "";

                @Override
                public void setDocumentLocator(Locator l) {
                    locator = l;
                }

                @Override
                public org.xml.sax.InputSource resolveEntity(String publicId, String systemId) {
                    return new InputSource(new ByteArrayInputStream(new byte[0]));
                }

                @Override
                public void startElement(String uri, String local, String qName, Attributes a) {
                    if (qName.endsWith("spec") && !qName.equals("memspec")) {
                        section = qName;
                        sections.computeIfAbsent(section, k -> new LinkedHashMap<>());
                    } else if (qName.equals("parameter")) {
                        String id = a.getValue("id");
                        String value = a.getValue("value");
                        if (id == null || value == null) {
                            throw new InvalidInputException(file + ":" + locator.getLineNumber()
                                    + ": <parameter> needs 'id' and 'value' attributes");
                        }
                        Param before = sections.get(section).put(id,
                                new Param(value.trim(), a.getValue("type"), locator.getLineNumber()));
                        if (before != null) {
                            throw new InvalidInputException(file + ":" + locator.getLineNumber() + ": parameter '" + id
                                    + "' given again (first at line " + before.line() + "), expected it once");
                        }
                    }
                }

                @Override
                public void endElement(String uri, String local, String qName) {
                    if (qName.equals(section)) {
                        section = "";
                    }
                }
            });
        } catch (SAXParseException e) {
            throw new InvalidInputException(file + ":" + e.getLineNumber() + ": not well-formed XML: " + e.getMessage());
        } catch (SAXException | ParserConfigurationException | IOException e) {
            throw new InvalidInputException(file + ": cannot parse XML memspec: " + e.getMessage());
        }
        return build(file, sections);
    }

    private static DramSpec build(String file, Map<String, Map<String, Param>> s) {
        Map<String, Param> top = s.get("");
        Map<String, Param> arch = section(file, s, "memarchitecturespec");
        Map<String, Param> tim = section(file, s, "memtimingspec");
        Map<String, Param> pow = section(file, s, "mempowerspec");
        String id = top.containsKey("memoryId") ? top.get("memoryId").value() : file;
        if (!top.containsKey("memoryType")) {
            throw new InvalidInputException(file + ": parameter 'memoryType' is missing, expected e.g. DDR3, DDR4, LPDDR3");
        }
        DramStandard std = DramStandard.parseModelled(top.get("memoryType").value(),
                file + ":" + top.get("memoryType").line() + ": parameter 'memoryType'");

        int banks = intParam(file, arch, "memarchitecturespec", "nbrOfBanks", true);
        int bankGroups = arch.containsKey("nbrOfBankGroups") ? intParam(file, arch, "memarchitecturespec", "nbrOfBankGroups", true) : 1;
        Organization org;
        try {
            org = new Organization(1, intParam(file, arch, "memarchitecturespec", "nbrOfRanks", true), bankGroups, banks,
                    intParam(file, arch, "memarchitecturespec", "nbrOfRows", true),
                    intParam(file, arch, "memarchitecturespec", "nbrOfColumns", true),
                    intParam(file, arch, "memarchitecturespec", "width", true), 1,
                    intParam(file, arch, "memarchitecturespec", "burstLength", true),
                    arch.containsKey("dataRate") ? intParam(file, arch, "memarchitecturespec", "dataRate", true) : 2, 512);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file + ": memarchitecturespec: " + e.getMessage());
        }

        double clkMhz = doubleParam(file, tim, "memtimingspec", "clkMhz");
        if (!(clkMhz >= 1 && clkMhz <= 20_000)) {
            throw new InvalidInputException(file + ":" + tim.get("clkMhz").line() + ": parameter 'clkMhz' is " + clkMhz
                    + ", expected a clock frequency in MHz from 1 to 20000");
        }
        Map<String, Integer> cycles = new LinkedHashMap<>();
        for (Map.Entry<String, Param> e : tim.entrySet()) {
            if (!e.getKey().equals("clkMhz")) {
                cycles.put(e.getKey(), intParam(file, tim, "memtimingspec", e.getKey(), false));
            }
        }
        for (String req : new String[] {"RAS", "RP", "RCD", "RFC"}) {
            if (!cycles.containsKey(req)) {
                throw new InvalidInputException(file + ": memtimingspec parameter '" + req + "' is missing, expected cycles");
            }
        }
        Timings timings = new Timings(1e-6 / clkMhz, cycles);

        List<Rail> rails = new ArrayList<>();
        // two-supply parts name their rails VDD1 / VDD2 (JESD209-2/-3, JESD229); LPDDR (JESD209) has one supply, VDD
        boolean lp = switch (std) {
            case LPDDR2, LPDDR3, LPDDR4, LPDDR5, WIDEIO_SDR -> true;
            case OTHER -> id.toUpperCase(Locale.ROOT).contains("LPDDR");
            default -> false;
        };
        String first = lp ? "VDD1" : "VDD";
        String second = std == DramStandard.DDR4 ? "VPP" : "VDD2";
        rails.add(rail(file, pow, first, "vdd", "", true));
        // a second rail with vdd2 = 0 is absent (single-supply parts); for LPDDR it is the core and fully required
        if (pow.containsKey("vdd2") && doubleParam(file, pow, "mempowerspec", "vdd2") != 0) {
            rails.add(rail(file, pow, second, "vdd2", "2", lp));
        }
        String core = std == DramStandard.LPDDR3 || (lp && rails.size() > 1) ? "VDD2" : first;
        if (rails.stream().noneMatch(r -> r.name().equals(core))) {
            throw new InvalidInputException(file + ": mempowerspec lacks 'vdd2', the core rail of " + std);
        }
        return new DramSpec(id, std, org, timings, rails, core, 1.0, "DRAMPower 4 XML memspec " + file);
    }

    private static Rail rail(String file, Map<String, Param> pow, String name, String vKey, String suffix,
                             boolean required) {
        double v = doubleParam(file, pow, "mempowerspec", vKey);
        if (!(v > 0)) {
            throw new InvalidInputException(file + ":" + pow.get(vKey).line() + ": parameter '" + vKey + "' is " + v
                    + ", expected a positive voltage");
        }
        double idd0 = ma(file, pow, "idd0" + suffix, required);
        double idd2p0 = ma(file, pow, "idd2p0" + suffix, false);
        double idd3p0 = ma(file, pow, "idd3p0" + suffix, false);
        RailCurrents c = new RailCurrents(idd0, ma(file, pow, "idd2n" + suffix, required),
                ma(file, pow, "idd3n" + suffix, required), ma(file, pow, "idd4r" + suffix, required),
                ma(file, pow, "idd4w" + suffix, required), ma(file, pow, "idd5" + suffix, required), 0,
                idd2p0, pow.containsKey("idd2p1" + suffix) ? ma(file, pow, "idd2p1" + suffix, false) : idd2p0,
                idd3p0, pow.containsKey("idd3p1" + suffix) ? ma(file, pow, "idd3p1" + suffix, false) : idd3p0,
                ma(file, pow, "idd6" + suffix, false), idd0);
        return new Rail(name, v, c);
    }

    private static double ma(String file, Map<String, Param> pow, String key, boolean required) {
        if (!pow.containsKey(key)) {
            if (required) {
                throw new InvalidInputException(file + ": mempowerspec parameter '" + key + "' is missing, expected a current in mA");
            }
            return 0;
        }
        double v = doubleParam(file, pow, "mempowerspec", key);
        if (v < 0) {
            throw new InvalidInputException(file + ":" + pow.get(key).line() + ": parameter '" + key + "' is " + v
                    + ", expected a current >= 0 mA");
        }
        return v * 1e-3;
    }

    private static Map<String, Param> section(String file, Map<String, Map<String, Param>> s, String name) {
        Map<String, Param> m = s.get(name);
        if (m == null) {
            throw new InvalidInputException(file + ": element <" + name + "> is missing");
        }
        return m;
    }

    private static int intParam(String file, Map<String, Param> sec, String secName, String key, boolean positive) {
        Param p = sec.get(key);
        if (p == null) {
            throw new InvalidInputException(file + ": " + secName + " parameter '" + key + "' is missing, expected an integer");
        }
        long v;
        try {
            v = Long.parseLong(p.value());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file + ":" + p.line() + ": parameter '" + key + "' is '" + p.value()
                    + "', expected an unsigned integer");
        }
        if (v < (positive ? 1 : 0) || v > Integer.MAX_VALUE) {
            throw new InvalidInputException(file + ":" + p.line() + ": parameter '" + key + "' is " + v + ", expected an integer "
                    + (positive ? ">= 1" : ">= 0"));
        }
        return (int) v;
    }

    private static double doubleParam(String file, Map<String, Param> sec, String secName, String key) {
        Param p = sec.get(key);
        if (p == null) {
            throw new InvalidInputException(file + ": " + secName + " parameter '" + key + "' is missing, expected a number");
        }
        try {
            double d = Double.parseDouble(p.value());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file + ":" + p.line() + ": parameter '" + key + "' is '" + p.value()
                    + "', expected a number");
        }
    }
}
