package org.undervolt.resilience;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleFunction;

import org.undervolt.dram.error.ErrorModel;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.FormatSpec;

/**
 * Which data of a network live in DRAM, in which formats, and how that DRAM errs.
 *
 * <p>Every site in {@link #sites()} is stored: its values go through the format (encode, decode)
 * in every forward pass, so the error-free baseline already includes quantisation. A site is
 * exposed to errors only where a BER map gives it a rate above 0; the rest sit in reliable DRAM.
 *
 * @param sites        the stored layer × data-type sites
 * @param weightFormat format recipe of stored weights (fitted per tensor to the clean values)
 * @param ifmFormat    format recipe of stored IFMs (fitted per batch to the IFM being written)
 * @param errorModel   the error model for a BER (e.g. {@code UniformErrorModel::new})
 * @param errorName    a short description of the error model for reports
 * @param geometry     DRAM the data is placed in: weights from address 0, then the IFM buffer
 *                     from the next row boundary (one buffer, reused by every layer)
 * @param bounding     whether EDEN's value correction ({@link ValueBounds}) is applied on reads
 */
public record StorageSetup(List<Site> sites, FormatSpec weightFormat, FormatSpec ifmFormat,
        DoubleFunction<ErrorModel> errorModel, String errorName, DramGeometry geometry, boolean bounding) {

    public StorageSetup {
        sites = List.copyOf(sites);
        Objects.requireNonNull(weightFormat, "weightFormat");
        Objects.requireNonNull(ifmFormat, "ifmFormat");
        Objects.requireNonNull(errorModel, "errorModel");
        Objects.requireNonNull(geometry, "geometry");
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("no stored sites");
        }
    }

    /** Every site at the same BER: the coarse-grained setting (one DRAM partition). */
    public Map<Site, Double> uniform(double ber) {
        Map<Site, Double> m = new LinkedHashMap<>();
        for (Site s : sites) {
            m.put(s, ber);
        }
        return m;
    }

    /** Only {@code site} at {@code ber}, the others error-free: a fine-grained point. */
    public Map<Site, Double> only(Site site, double ber) {
        Map<Site, Double> m = uniform(0);
        if (!m.containsKey(site)) {
            throw new IllegalArgumentException("site " + site + " is not stored");
        }
        m.put(site, ber);
        return m;
    }

    /** Sites of one kind at {@code ber}, the others error-free. */
    public Map<Site, Double> kind(DataKind kind, double ber) {
        Map<Site, Double> m = uniform(0);
        for (Site s : sites) {
            if (s.kind() == kind) {
                m.put(s, ber);
            }
        }
        return m;
    }

    /** A site by id ({@code conv1.weights}); InvalidInputException listing the ids if unknown. */
    public Site site(String id) {
        for (Site s : sites) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new org.undervolt.InvalidInputException("no stored site '" + id + "'; have "
                + sites.stream().map(Site::id).toList());
    }

    /** The same setup with value correction switched on or off. */
    public StorageSetup withBounding(boolean on) {
        return new StorageSetup(sites, weightFormat, ifmFormat, errorModel, errorName, geometry, on);
    }
}
