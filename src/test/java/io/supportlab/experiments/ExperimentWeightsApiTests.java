package io.supportlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.UsePostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Variant weights as people type them (issue 15, item 6), over HTTP on SQLite and PostgreSQL. */
class ExperimentWeightsApiTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    abstract static class Contract extends IntegrationTest {

        @Autowired
        JsonMapper json;

        JsonNode create(String weights, int status) {
            String[] w = weights.split("/");
            StringBuilder variants = new StringBuilder();
            for (int i = 0; i < w.length; i++) {
                variants.append(i == 0 ? "" : ",")
                        .append("{\"key\":\"v")
                        .append(i)
                        .append("\",\"weight\":")
                        .append(w[i])
                        .append('}');
            }
            return json.readTree(admin().post()
                    .uri("/api/ab-tests")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"name\":\"Weights " + weights + "\",\"target_metric\":\"go\",\"variants\":[" + variants
                            + "]}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(status)
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody());
        }

        @Test
        void acceptsThreeThirdsTypedAsDecimalsAndScalesThemToAddUpToOne() {
            JsonNode created = create("0.333/0.333/0.333", 201);
            double total = 0;
            for (JsonNode variant : created.get("variants")) {
                assertThat(variant.get("weight").asDouble()).isCloseTo(1 / 3.0, within(1e-15));
                total += variant.get("weight").asDouble();
            }
            assertThat(total).isCloseTo(1, within(1e-15));
            assertThat(create("0.33/0.33/0.33", 201).at("/variants/2/weight").asDouble())
                    .isCloseTo(1 / 3.0, within(1e-15));
        }

        @Test
        void rejectsWeightsFurtherFromOneNamingTheirSum() {
            JsonNode over = create("0.5/0.6", 400);
            assertThat(over.at("/errors/0/field").asString()).isEqualTo("variants");
            assertThat(over.at("/errors/0/message").asString())
                    .isEqualTo("weights must add up to 1 (they add up to 1.1)");
            assertThat(create("0.3/0.3/0.3", 400).at("/errors/0/message").asString())
                    .isEqualTo("weights must add up to 1 (they add up to 0.9)");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM ab_tests WHERE name LIKE 'Weights%'")
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }
}
