package org.undervolt.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class NearNamesTest {
    private static final List<String> KEYS = List.of("base_epochs", "retrain_epochs", "seed", "neurons", "trials",
            "data", "data_dir", "dataset", "colour_depth");

    @Test
    void editsAwayAndWordsOfAName() {
        assertThat(NearNames.of("epochs", KEYS)).containsExactly("base_epochs", "retrain_epochs");
        assertThat(NearNames.of("sede", KEYS)).containsExactly("seed"); // a swap of neighbours is one edit
        assertThat(NearNames.of("nuerons", KEYS)).containsExactly("neurons");
        assertThat(NearNames.of("datset", KEYS)).containsExactly("dataset"); // data_dir is three edits away
        assertThat(NearNames.of("colour", KEYS)).containsExactly("colour_depth");
        assertThat(NearNames.of("learning_rate", KEYS)).isEmpty();
        assertThat(NearNames.hint("trails", KEYS)).isEqualTo(" (did you mean trials?)");
        assertThat(NearNames.hint("zzz", KEYS)).isEmpty();
    }

    @Test
    void distanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertThat(NearNames.distance("seed", "seed")).isZero();
        assertThat(NearNames.distance("sede", "seed")).isEqualTo(1);
        assertThat(NearNames.distance("trials", "trial")).isEqualTo(1);
        assertThat(NearNames.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(NearNames.distance("", "abc")).isEqualTo(3);
    }
}
