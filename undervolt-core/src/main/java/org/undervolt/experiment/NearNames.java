package org.undervolt.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * "Did you mean": the known names near a misspelt one, for messages about unknown settings. A name is near when it is
 * a few edits away (insertions, deletions, substitutions, swaps of neighbours: {@code sede} is one from {@code seed})
 * or holds the given word as one of its {@code _}-separated words ({@code epochs} in {@code base_epochs}).
 */
public final class NearNames {
    private NearNames() {
    }

    /** The names of {@code known} near {@code typo}, nearest first (at most three); empty when none is. */
    public static List<String> of(String typo, Collection<String> known) {
        int most = Math.max(1, typo.length() / 3);
        List<String> near = new ArrayList<>();
        for (String k : known) {
            if (distance(typo, k) <= most || Arrays.asList(k.split("_")).contains(typo)) {
                near.add(k);
            }
        }
        near.sort(Comparator.comparingInt((String k) -> distance(typo, k)).thenComparing(Comparator.naturalOrder()));
        return near.subList(0, Math.min(3, near.size()));
    }

    /** {@code " (did you mean a or b?)"}, or nothing when no name is near. */
    public static String hint(String typo, Collection<String> known) {
        List<String> near = of(typo, known);
        return near.isEmpty() ? "" : " (did you mean " + String.join(" or ", near) + "?)";
    }

    /** Edits between {@code a} and {@code b}: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
