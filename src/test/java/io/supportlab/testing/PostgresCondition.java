package io.supportlab.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips {@link UsePostgres} tests visibly when no server is configured, and fails them on CI. */
class PostgresCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestPostgres.configured()) {
            return ConditionEvaluationResult.enabled(TestPostgres.URL_VARIABLE + " is set");
        }
        if (TestPostgres.requiredByCi()) {
            throw new ExtensionConfigurationException(
                    "CI=true requires the PostgreSQL suite, but " + TestPostgres.URL_VARIABLE
                            + " is not set (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)");
        }
        String reason = "SKIPPED PostgreSQL variant: set " + TestPostgres.URL_VARIABLE
                + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run it";
        System.err.println(reason + " [" + context.getDisplayName() + "]");
        return ConditionEvaluationResult.disabled(reason);
    }
}
