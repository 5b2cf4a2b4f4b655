package io.supportlab.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips browser tests visibly without Debian's Chromium and ChromeDriver, and fails them on CI. */
class ChromiumCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Browser.installed()) {
            return ConditionEvaluationResult.enabled("Chromium found");
        }
        if (TestPostgres.requiredByCi()) {
            throw new ExtensionConfigurationException("CI=true requires the browser suite, but " + Browser.CHROMIUM
                    + " or " + Browser.CHROMEDRIVER + " is missing (apt-get install chromium chromium-driver)");
        }
        String reason = "SKIPPED browser test: install chromium and chromium-driver (Debian) to run it";
        System.err.println(reason + " [" + context.getDisplayName() + "]");
        return ConditionEvaluationResult.disabled(reason);
    }
}
