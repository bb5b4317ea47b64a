package org.undervolt.data;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.undervolt.io.JsonPins;

/** {@code data info --json} is pinned to the byte: every split's shape, class counts and file checks. */
class DatasetInfoJsonTest {

    @Test
    void theJsonIsPinned() {
        DatasetInfo info = new DatasetInfo("mnist", "built-in", List.of(
                new DatasetInfo.SplitInfo("train", 3, 1, 28, 28, 2, new int[] {1, 2}, List.of(
                        new DatasetInfo.FileCheck("train-images", "abc", "verified"),
                        new DatasetInfo.FileCheck("train-labels", "def", "unknown"))),
                new DatasetInfo.SplitInfo("test", 1, 3, 32, 32, 2, new int[] {0, 1}, List.of(
                        new DatasetInfo.FileCheck("t.bin", "0123", "published cifar-10 test")))));
        JsonPins.assertPinned("dataset-info", info.toMap());
    }
}
