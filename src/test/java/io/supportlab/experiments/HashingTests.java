package io.supportlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conformance with GrowthBook's JavaScript SDK. {@code growthbook_vectors.psv} was produced by
 * {@code generate_growthbook_vectors.mjs} (next to it) with {@code @growthbook/growthbook} 1.8.0
 * from the npm registry: GrowthBook.run() decided inExperiment, the variation and the bucket.
 */
class HashingTests {

    record Vector(
            String key,
            List<Double> weights,
            double coverage,
            String namespace,
            String user,
            boolean inExperiment,
            int variation,
            String bucket) {}

    static List<Vector> vectors() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        try (InputStream in = HashingTests.class.getResourceAsStream("/assignment/growthbook_vectors.psv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("\\|", -1))
                    .map(f -> new Vector(
                            f[0],
                            Arrays.stream(f[1].split(",")).map(Double::valueOf).toList(),
                            Double.parseDouble(f[2]),
                            f[3],
                            json.readValue(f[4], String.class),
                            Boolean.parseBoolean(f[5]),
                            Integer.parseInt(f[6]),
                            f[7]))
                    .toList();
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void assignsLikeGrowthBooksSdk(Vector v) {
        Namespace namespace = v.namespace().isEmpty() ? null : Namespace.parse(v.namespace());
        Assignment.Decision decision = Assignment.decide(v.key(), v.weights(), v.coverage(), namespace, v.user());
        assertThat(decision.inExperiment()).as("in experiment").isEqualTo(v.inExperiment());
        if (v.inExperiment()) {
            assertThat(decision.variationIndex()).as("variation").isEqualTo(v.variation());
        }
        if (!v.bucket().isEmpty()) {
            assertThat(decision.bucket()).as("bucket").isEqualTo(Double.parseDouble(v.bucket()));
        }
    }

    @Test
    void vectorsCoverEveryCase() throws IOException {
        List<Vector> all = vectors();
        assertThat(all).hasSizeGreaterThan(1000);
        assertThat(all).anyMatch(v -> !v.inExperiment() && v.namespace().isEmpty()); // outside coverage
        assertThat(all).anyMatch(v -> !v.inExperiment() && !v.namespace().isEmpty()); // outside namespace
        assertThat(all).anyMatch(v -> v.variation() == 9);
    }

    @Test
    void fnvMatchesTheReferenceValues() {
        // FNV-1a 32-bit test vectors from the FNV reference (http://www.isthe.com/chongo/tech/comp/fnv/).
        assertThat(Hashing.fnv1a32("")).isEqualTo(0x811c9dc5L);
        assertThat(Hashing.fnv1a32("a")).isEqualTo(0xe40c292cL);
        assertThat(Hashing.fnv1a32("foobar")).isEqualTo(0xbf9cf968L);
    }
}
