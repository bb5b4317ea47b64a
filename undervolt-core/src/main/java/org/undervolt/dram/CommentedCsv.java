package org.undervolt.dram;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.undervolt.InvalidInputException;

/**
 * The small CSV tables the DRAM data ships as (BER curves, device tables, the voltage–timing
 * table): blank lines are skipped, lines starting with {@code #} are comments wherever they
 * stand, the first other line is the header (compared without spaces, ignoring case) and every
 * line after it a row. Errors name the file and line.
 */
public final class CommentedCsv {
    private CommentedCsv() {
    }

    /** One line of a table: the file's name (for errors), its 1-based number and its stripped text. */
    public record Line(String file, int number, String text) {

        /** An error about this line: {@code file:number: message}. */
        public InvalidInputException error(String message) {
            return new InvalidInputException(file + ":" + number + ": " + message);
        }

        /** {@code value} as a finite number, else an error naming {@code field}. */
        public double finite(String field, String value) {
            try {
                double d = Double.parseDouble(value.strip());
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw error("field '" + field + "' is '" + value.strip() + "', expected a finite number");
            }
        }
    }

    /**
     * The columns of a table's numeric rows once sorted by their first value (stably): column {@code j} holds the
     * {@code j}-th value of every row in that order. Every row holds {@code width} values.
     */
    public static double[][] sortedColumns(List<double[]> rows, int width) {
        List<double[]> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> Double.compare(a[0], b[0]));
        double[][] columns = new double[width][sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = 0; j < width; j++) {
                columns[j][i] = sorted.get(i)[j];
            }
        }
        return columns;
    }

    /**
     * Reads the table {@code name} from {@code in}, handing each comment (its text after the
     * {@code #}, stripped) and each row to the consumers in file order; returns the comments
     * joined by single spaces.
     */
    public static String read(String name, InputStream in, String header, Consumer<Line> comments, Consumer<Line> rows)
            throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        StringBuilder joined = new StringBuilder();
        boolean seenHeader = false;
        String text;
        int number = 0;
        while ((text = r.readLine()) != null) {
            number++;
            String t = text.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("#")) {
                String c = t.substring(1).strip();
                comments.accept(new Line(name, number, c));
                joined.append(joined.length() == 0 ? "" : " ").append(c);
            } else if (seenHeader) {
                rows.accept(new Line(name, number, t));
            } else if (t.replace(" ", "").equalsIgnoreCase(header)) {
                seenHeader = true;
            } else {
                throw new Line(name, number, t).error("expected the header '" + header + "', got '" + t + "'");
            }
        }
        return joined.toString();
    }
}
