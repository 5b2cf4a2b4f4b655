package io.supportlab.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads the reference CSVs under {@code src/test/resources/stats/}: '#' lines are comments (they name
 * the R or scipy call that produced each column), then a header, then one case per line; "NA" marks a
 * value the reference does not define.
 */
final class ReferenceCases {

    /** Agreement required with the references: 1e-6 relative, plus a floor for values that are 0. */
    static final double RELATIVE_TOLERANCE = 1e-6;

    static final double ABSOLUTE_FLOOR = 1e-12;

    private ReferenceCases() {}

    static List<Row> load(String file) {
        try (InputStream in = ReferenceCases.class.getResourceAsStream("/stats/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing reference file " + file);
            }
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .toList();
            List<String> header = Arrays.asList(lines.getFirst().split(","));
            List<Row> rows = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                String[] cells = lines.get(i).split(",", -1);
                Map<String, String> values =
                        header.stream().collect(Collectors.toMap(Function.identity(), h -> cells[header.indexOf(h)]));
                rows.add(new Row(file + " line " + i, values));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertClose(@Nullable Double actual, @Nullable Double expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what + " (reference undefined)").isNull();
            return;
        }
        assertThat(actual).as(what).isNotNull();
        double tolerance = RELATIVE_TOLERANCE * Math.abs(expected) + ABSOLUTE_FLOOR;
        assertThat(actual).as(what).isCloseTo(expected, org.assertj.core.api.Assertions.within(tolerance));
    }

    /** The estimate's value against {@code valueColumn}, its interval against "lower" and "upper". */
    static void assertEstimate(Estimate estimate, Row row, String valueColumn) {
        assertClose(estimate.value(), row.number(valueColumn), valueColumn);
        Interval interval = estimate.interval();
        assertClose(interval == null ? null : interval.lower(), row.number("lower"), "lower");
        assertClose(interval == null ? null : interval.upper(), row.number("upper"), "upper");
    }

    /** One reference case. */
    record Row(String label, Map<String, String> values) {

        @Nullable
        Double number(String column) {
            String cell = text(column);
            return cell.equals("NA") ? null : Double.valueOf(cell);
        }

        double real(String column) {
            Double value = number(column);
            if (value == null) {
                throw new IllegalStateException(label + ": " + column + " is NA");
            }
            return value;
        }

        long count(String column) {
            return Math.round(real(column));
        }

        String text(String column) {
            String cell = values.get(column);
            if (cell == null) {
                throw new IllegalStateException(label + ": no column " + column);
            }
            return cell;
        }

        double[] reals(String column) {
            return Arrays.stream(text(column).split(";"))
                    .mapToDouble(Double::parseDouble)
                    .toArray();
        }

        @Override
        public String toString() {
            return label;
        }
    }
}
