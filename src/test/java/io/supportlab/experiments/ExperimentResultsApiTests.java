package io.supportlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;

import io.supportlab.platform.persistence.SqlDialect;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.UsePostgres;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How results are calculated, stored and served over HTTP (issue 14; issue 15 items 16 and 21). */
class ExperimentResultsApiTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    abstract static class Contract extends IntegrationTest {

        @Autowired
        JsonMapper json;

        @Autowired
        SqlDialect dialect;

        @Autowired
        ResultsService results;

        @Autowired
        ExperimentService experiments;

        @MockitoSpyBean
        ResultsRepository repository;

        JsonNode send(String method, String uri, String body, int status) {
            return "PUT".equals(method)
                    ? api(admin()).put(uri, body, status)
                    : api(admin()).post(uri, body, status);
        }

        String running(String definition) {
            return new ExperimentRequests(json, admin()).running(definition);
        }

        JsonNode results(String id) {
            return api(admin()).get("/api/ab-tests/" + id + "/results", 200);
        }

        String twoArms(String name, String extra) {
            return running("{\"name\":\"" + name + "\",\"target_metric\":\"go\",\"control_variant\":\"control\","
                    + "\"test_variant\":\"test\"" + extra + "}");
        }

        void traffic(String id, int controlN, int controlX, int testN, int testX) {
            Traffic.add(jdbc, dialect, id, "control", controlN, "go", controlX, 1, 0);
            Traffic.add(jdbc, dialect, id, "test", testN, "go", testX, 1, 0);
        }

        long storedAnalyses(String id) {
            return jdbc.sql("SELECT COUNT(*) FROM ab_test_analyses WHERE test_id = :id")
                    .param("id", id)
                    .query(Long.class)
                    .single();
        }

        @Test
        void theSeedsRowsAreServedFromTheStoredAnalysisAndTheSeedsTableIsNoLongerWritten() {
            String id = twoArms("One copy", "");
            traffic(id, 100, 10, 100, 12);
            ExperimentResults calculated = results.calculate(id);
            JsonNode served = results(id);
            assertThat(served.get("results")).hasSize(2);
            assertThat(served.at("/results/0/sample_size").asLong()).isEqualTo(100);
            assertThat(served.at("/results/1/conversion_count").asLong()).isEqualTo(12);
            assertThat(results.get(id).results()).isEqualTo(calculated.results());
            assertThat(jdbc.sql("SELECT COUNT(*) FROM ab_test_results")
                            .query(Long.class)
                            .single())
                    .isZero();
        }

        @Test
        void readsAndAnalysesWithoutHoldingATransactionSoWritesGoOn() throws Exception {
            String id = twoArms("Locked", "");
            traffic(id, 300, 30, 300, 40);
            CountDownLatch reading = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicBoolean inTransaction = new AtomicBoolean(true);
            doAnswer(call -> {
                        inTransaction.set(TransactionSynchronizationManager.isActualTransactionActive());
                        reading.countDown();
                        release.await(30, TimeUnit.SECONDS);
                        return call.callRealMethod();
                    })
                    .when(repository)
                    .dailyParticipants(anyString());
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                Future<ExperimentResults> calculation = pool.submit(() -> results.calculate(id));
                try {
                    assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
                    // SQLite has one writer: a transaction held by the calculation would keep this waiting.
                    Future<JsonNode> write = pool.submit(() -> send(
                            "POST",
                            "/api/ab-tests",
                            "{\"name\":\"Meanwhile\",\"target_metric\":\"go\",\"control_variant\":\"a\",\"test_variant\":\"b\"}",
                            201));
                    assertThat(write.get(5, TimeUnit.SECONDS).get("key").asString())
                            .isEqualTo("meanwhile");
                } finally {
                    release.countDown();
                }
                assertThat(calculation.get(30, TimeUnit.SECONDS).results()).hasSize(2);
            }
            assertThat(inTransaction.get()).isFalse();
            assertThat(storedAnalyses(id)).isEqualTo(1);
            assertThat(results.get(id).results()).hasSize(2);
        }

        @Test
        void aScheduledRecalculationThatFailsToStoreLeavesThePreviousResultsWhole() {
            String id = twoArms("Atomic", "");
            traffic(id, 100, 10, 100, 12);
            ExperimentResults before = results.calculate(id);
            Traffic.add(jdbc, dialect, id, "control", 50, "later", 0, 1, 0);
            refuseStoring(true);
            try {
                results.recalculateRunning();
            } finally {
                refuseStoring(false);
            }
            ExperimentResults after = results.get(id);
            assertThat(after.calculatedAt()).isEqualTo(before.calculatedAt());
            assertThat(after.results().stream().mapToLong(ResultRow::sampleSize).sum())
                    .isEqualTo(200);
        }

        @Test
        void servesAFreshAnalysisAfterTheSettingsChange() {
            String id = twoArms("Switch", ",\"sequential_testing\":true");
            traffic(id, 1000, 100, 1000, 130);
            JsonNode sequential = results(id);
            assertThat(sequential.at("/metrics/0/analysis/sequential").asBoolean())
                    .isTrue();
            send("PUT", "/api/ab-tests/" + id, "{\"sequential_testing\":false}", 200);
            JsonNode fixed = results(id);
            assertThat(fixed.at("/metrics/0/analysis/sequential").asBoolean()).isFalse();
            assertThat(fixed.at("/metrics/0/analysis/comparisons/0/decision/test")
                            .asString())
                    .isEqualTo("pooled two-proportion z-test");
            assertThat(fixed.get("experiment_version").asInt())
                    .isGreaterThan(sequential.get("experiment_version").asInt());
        }

        @Test
        void aSignificantResultComesWithAnIntervalThatExcludesNoChange() {
            String id = twoArms("Better", "");
            traffic(id, 1000, 100, 1000, 130);
            JsonNode body = results(id);
            JsonNode seedRow = body.at("/results/1");
            assertThat(seedRow.get("variant").asString()).isEqualTo("test");
            // statsmodels proportions_ztest([130, 100], [1000, 1000]) = (2.1027, 0.0355)
            assertThat(seedRow.get("p_value").asDouble()).isBetween(0.0354, 0.0356);
            assertThat(seedRow.get("is_statistically_significant").asBoolean()).isTrue();
            JsonNode decision = body.at("/metrics/0/analysis/comparisons/0/decision");
            assertThat(decision.get("verdict").asString()).isEqualTo("SIGNIFICANT");
            assertThat(decision.at("/relative_lift/interval/lower").asDouble()).isBetween(0.0178, 0.0179);
            assertThat(decision.at("/absolute_difference/interval/lower").asDouble())
                    .isPositive();
            assertThat(body.at("/metrics/0/analysis/comparisons/0/summary").asString())
                    .isEqualTo("test converts 30.0% better than control (95% CI +1.8% to +66.1%);"
                            + " the difference is statistically significant (p = 0.035).");
        }

        @Test
        void aNonSignificantResultComesWithAnIntervalThatIncludesNoChange() {
            String id = twoArms("Worse", "");
            traffic(id, 1000, 100, 1000, 76);
            JsonNode body = results(id);
            assertThat(body.at("/results/1/is_statistically_significant").asBoolean())
                    .isFalse();
            JsonNode decision = body.at("/metrics/0/analysis/comparisons/0/decision");
            assertThat(decision.get("verdict").asString()).isEqualTo("INCONCLUSIVE");
            assertThat(decision.at("/relative_lift/interval/upper").asDouble()).isBetween(0.0094, 0.0095);
            assertThat(body.at("/metrics/0/analysis/comparisons/0/summary").asString())
                    .isEqualTo("test converts 24.0% worse than control (95% CI -42.8% to +0.9%);"
                            + " the difference is not statistically significant (p = 0.058), so the result is"
                            + " inconclusive.");
        }

        @Test
        void correctsTheTargetAndSecondaryMetricsAsOneFamily() {
            String id = twoArms("Family", ",\"secondary_metrics\":[\"other\"]");
            Traffic.add(jdbc, dialect, id, "control", 5000, "go", 500, 1, 0);
            Traffic.add(jdbc, dialect, id, "test", 5000, "go", 565, 1, 0);
            Traffic.conversions(jdbc, dialect, id, id + "-control-go-0-", "other", 300, 1);
            Traffic.conversions(jdbc, dialect, id, id + "-test-go-0-", "other", 310, 1);
            JsonNode body = results(id);
            for (JsonNode metric : body.get("metrics")) {
                assertThat(metric.at("/analysis/family_size").asInt()).isEqualTo(2);
                assertThat(metric.at("/analysis/correction").asString()).isEqualTo("HOLM");
            }
            JsonNode target = body.at("/metrics/0/analysis/comparisons/0");
            double p = target.at("/frequentist/p_value").asDouble();
            assertThat(p).isLessThan(0.05);
            assertThat(target.at("/decision/p_value_adjusted").asDouble()).isEqualTo(2 * p);
            assertThat(target.get("significant").asBoolean()).isFalse();
            assertThat(target.at("/decision/relative_lift/interval/lower").asDouble())
                    .isNegative();
        }

        @Test
        void theCsvExportQuotesTheDecisionsIntervalsAndPValues() {
            String id = twoArms("Export", "");
            traffic(id, 1000, 100, 1000, 130);
            String csv = ResultsCsv.of(experiments.get(id), results.get(id));
            String[] header = csv.lines().findFirst().orElseThrow().split(",");
            String[] test = csv.lines()
                    .filter(line -> line.startsWith("export,go,conversion,test,"))
                    .findFirst()
                    .orElseThrow()
                    .split(",");
            java.util.Map<String, String> row = new java.util.HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], test[i]);
            }
            assertThat(row.get("test")).isEqualTo("pooled two-proportion z-test");
            assertThat(Double.parseDouble(row.get("p_value"))).isBetween(0.0354, 0.0356);
            assertThat(Double.parseDouble(row.get("lift_ci_lower"))).isBetween(0.0178, 0.0179);
            assertThat(row.get("verdict")).isEqualTo("significant");
            assertThat(row.get("significant")).isEqualTo("true");
        }

        /** Triggers that make every write of a calculation fail, as a full disk or a lost connection would. */
        private void refuseStoring(boolean refuse) {
            boolean postgres = dialect == SqlDialect.POSTGRESQL;
            if (refuse && postgres) {
                jdbc.sql("CREATE OR REPLACE FUNCTION refuse_results() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION"
                                + " 'refused'; END $$ LANGUAGE plpgsql")
                        .update();
                jdbc.sql("CREATE TRIGGER refuse_results BEFORE INSERT OR UPDATE ON ab_test_analyses FOR EACH ROW"
                                + " EXECUTE FUNCTION refuse_results()")
                        .update();
            } else if (refuse) {
                for (String operation : new String[] {"INSERT", "UPDATE"}) {
                    jdbc.sql("CREATE TRIGGER refuse_results_" + operation + " BEFORE " + operation
                                    + " ON ab_test_analyses BEGIN SELECT RAISE(ABORT, 'refused'); END")
                            .update();
                }
            } else if (postgres) {
                jdbc.sql("DROP TRIGGER refuse_results ON ab_test_analyses").update();
            } else {
                jdbc.sql("DROP TRIGGER refuse_results_INSERT").update();
                jdbc.sql("DROP TRIGGER refuse_results_UPDATE").update();
            }
        }
    }
}
