package org.undervolt.usecase;

import java.util.Objects;

import org.undervolt.mapping.NetworkData;
import org.undervolt.mapping.Tolerances;

/**
 * One mapping run: a network's data, the BER each item tolerates, and the DRAM settings.
 *
 * @param network    the network's layers and storage format
 * @param tolerances tolerable BER per item (weights, IFMs, output)
 * @param settings   the DRAM side
 */
public record MapRequest(NetworkData network, Tolerances tolerances, MapSettings settings) {
    public MapRequest {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(tolerances, "tolerances");
        Objects.requireNonNull(settings, "settings");
    }
}
